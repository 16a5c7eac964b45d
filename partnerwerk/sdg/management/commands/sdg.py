"""`partnerwerk sdg suggest "TEXT"`: the goals and targets a text most likely serves."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from partnerwerk.sdg.suggest.engine import suggest


class Command(BaseCommand):
    help = _("Work with the Sustainable Development Goals.")

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        suggest_parser = subcommands.add_parser(
            "suggest", help=_("Suggest the goals and targets a text serves, best first.")
        )
        suggest_parser.add_argument("text", help=_("The text, in German, English or French."))
        suggest_parser.add_argument(
            "--format", choices=["text", "json"], default="text", help=_("Output format.")
        )
        suggest_parser.add_argument(
            "--limit", type=int, default=None, help=_("Show at most this many suggestions.")
        )

    def handle(self, *args, subcommand, **options):
        if subcommand != "suggest":
            raise CommandError(_("Unknown subcommand “%(name)s”.") % {"name": subcommand})
        text = options["text"]
        if not text.strip():
            raise CommandError(_("Give a text to suggest goals for."))
        suggestions = suggest(text, limit=options["limit"])
        if options["format"] == "json":
            payload = [suggestion.as_dict() for suggestion in suggestions]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        if not suggestions:
            self.stdout.write(_("No goal stands out in this text."))
            return
        for suggestion in suggestions:
            self.stdout.write(
                _("Goal %(goal)s, target %(target)s, score %(score).2f: “%(passage)s”")
                % {
                    "goal": suggestion.goal,
                    "target": suggestion.target or "–",
                    "score": suggestion.score,
                    "passage": suggestion.passage,
                }
            )
