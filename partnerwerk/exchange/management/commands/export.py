from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from partnerwerk.exchange.exporters import DATASETS, FORMATS, export_dataset


class Command(BaseCommand):
    help = "Export a public dataset as JSON or CSV. Internal records never leave this way."

    def add_arguments(self, parser):
        parser.add_argument("dataset", help=f"One of: {', '.join(DATASETS)}.")
        parser.add_argument("--format", choices=FORMATS, default="json")
        parser.add_argument("--output", metavar="FILE", help="Write here instead of stdout.")

    def handle(self, *args, dataset, format, output, **options):
        if dataset not in DATASETS:
            raise CommandError(
                _("There is no dataset “%(name)s”; choose one of: %(names)s.")
                % {"name": dataset, "names": ", ".join(DATASETS)}
            )
        if output:
            # newline="" lets the csv module write its own line endings.
            with open(output, "w", encoding="utf-8", newline="") as stream:
                count = export_dataset(dataset, format, stream)
            self.stderr.write(
                _("Wrote %(count)d rows of %(name)s to %(path)s.")
                % {"count": count, "name": dataset, "path": output}
            )
        else:
            # The wrapper would otherwise end every write, even a fragment of JSON, with a newline.
            self.stdout.ending = ""
            export_dataset(dataset, format, self.stdout)
