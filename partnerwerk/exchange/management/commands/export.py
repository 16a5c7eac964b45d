import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from partnerwerk.exchange.exporters import (
    ALL_FORMATS,
    DATASETS,
    HEADER_LANGUAGES,
    export_dataset,
    export_dataset_xlsx,
)

GEOJSON = "partner-cities"
IATI_FILES = ("iati", "iati-organisation")


class Command(BaseCommand):
    help = (
        "Export a public dataset as JSON, CSV or XLSX, the partner cities as GeoJSON "
        "(partner-cities), or the public projects as an IATI 2.03 activity file (iati) and the "
        "city as an IATI organisation file (iati-organisation). Internal records never leave "
        "this way."
    )

    def add_arguments(self, parser):
        names = [*DATASETS, GEOJSON, *IATI_FILES]
        parser.add_argument("dataset", help=f"One of: {', '.join(names)}.")
        parser.add_argument("--format", choices=ALL_FORMATS, default="json")
        parser.add_argument(
            "--headers",
            choices=HEADER_LANGUAGES,
            default="en",
            help="Column headings of CSV and XLSX: the codes (en) or German headings (de).",
        )
        parser.add_argument("--output", metavar="FILE", help="Write here instead of stdout.")

    def handle(self, *args, dataset, format, headers, output, **options):
        if dataset in IATI_FILES:
            self.write_iati(dataset, output)
            return
        if dataset == GEOJSON:
            from partnerwerk.exchange.geojson import export_partner_cities

            self.write_text(lambda stream: export_partner_cities(stream), dataset, output)
            return
        if dataset not in DATASETS:
            raise CommandError(
                _("There is no dataset “%(name)s”; choose one of: %(names)s.")
                % {"name": dataset, "names": ", ".join([*DATASETS, GEOJSON, *IATI_FILES])}
            )
        if format == "xlsx":
            if output:
                with open(output, "wb") as stream:
                    count = export_dataset_xlsx(dataset, stream, headers=headers)
                self.report(count, dataset, output)
            else:
                export_dataset_xlsx(dataset, sys.stdout.buffer, headers=headers)
            return
        self.write_text(
            lambda stream: export_dataset(dataset, format, stream, headers=headers),
            dataset,
            output,
        )

    def write_text(self, write, dataset, output):
        if output:
            # newline="" lets the csv module write its own line endings.
            with open(output, "w", encoding="utf-8", newline="") as stream:
                count = write(stream)
            self.report(count, dataset, output)
        else:
            # The wrapper would otherwise end every write, even a fragment of JSON, with a newline.
            self.stdout.ending = ""
            write(self.stdout)

    def report(self, count, dataset, output):
        self.stderr.write(
            ngettext(
                "Wrote %(count)d row of %(name)s to %(path)s.",
                "Wrote %(count)d rows of %(name)s to %(path)s.",
                count,
            )
            % {"count": count, "name": dataset, "path": output}
        )

    def write_iati(self, dataset, output):
        from partnerwerk.exchange.iati.schema import schema_errors
        from partnerwerk.exchange.iati.writer import export_activities, export_organisation

        export = export_activities() if dataset == "iati" else export_organisation()
        for line in export.left_out:
            self.stderr.write(line)
        data = export.to_bytes()
        errors = schema_errors(export.document)
        if output:
            with open(output, "wb") as stream:
                stream.write(data)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        if errors:
            raise CommandError(
                _("The file does not validate against the IATI 2.03 schema: %(errors)s")
                % {"errors": "; ".join(errors[:5])}
            )
        self.stderr.write(
            ngettext(
                "%(count)d activity written; the file validates against the IATI 2.03 schema.",
                "%(count)d activities written; the file validates against the IATI 2.03 schema.",
                export.activities,
            )
            % {"count": export.activities}
            if dataset == "iati"
            else _("The organisation file validates against the IATI 2.03 schema.")
        )
