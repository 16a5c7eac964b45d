from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from partnerwerk.exchange.reference.loader import ReferenceDataError, load_reference


class Command(BaseCommand):
    help = _("Load the reference data set (YAML) in one transaction; safe to run again.")

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            nargs="?",
            default=str(settings.PARTNERWERK_REFERENCE_DIR),
            help=_("Folder of the reference YAML files (default: the Dortmund data set)."),
        )

    def handle(self, *args, directory, **options):
        try:
            report = load_reference(Path(directory))
        except ReferenceDataError as error:
            raise CommandError(_("Nothing was loaded. %(error)s") % {"error": error}) from None
        if options["verbosity"] > 1:
            for line in report.lines():
                self.stdout.write(line)
        self.stdout.write(
            _("Loaded: %(created)d created, %(changed)d changed, %(unchanged)d unchanged.")
            % {
                "created": report.total("created"),
                "changed": report.total("changed"),
                "unchanged": report.total("unchanged"),
            }
        )
