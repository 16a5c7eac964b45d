import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from partnerwerk.exchange.registry_report import write_import_report
from partnerwerk.registry.importer import RegistryImportError
from partnerwerk.registry.services import twin_cities_import


class Command(BaseCommand):
    help = _(
        "Import the world's twin-city pairs from a CSV file (columns city1,country1,lat1,lng1,"
        "city2,country2,lat2,lng2) as registry relations, in one transaction; safe to run "
        "again."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("The file to import."))
        parser.add_argument(
            "--report",
            metavar="FILE",
            default=str(Path(settings.VAR_DIR) / "twin-cities-import-report.csv"),
            help=_("Where to write the CSV report of every row (default: %(default)s)."),
        )
        parser.add_argument("--no-progress", action="store_true", help=_("Show no progress bar."))

    def handle(self, *args, file, report, no_progress, **options):
        started = time.perf_counter()

        def progress(rows):
            return tqdm(rows, desc=_("Matching"), unit=_("rows"), file=sys.stderr)

        try:
            result = twin_cities_import(path=Path(file), progress=None if no_progress else progress)
        except RegistryImportError as error:
            raise CommandError(_("Nothing was imported. %(error)s") % {"error": error}) from None
        write_import_report(result, Path(report))
        summary = result.summary()
        labels = {
            "rows": _("rows read"),
            "relations_created": _("relations created"),
            "relations_existing": _("relations already known"),
            "relations_kept_deleted": _("relations deleted in the office, left deleted"),
            "rows_merged": _("rows merged into another row's relation"),
            "rows_skipped": _("rows skipped"),
            "places_created": _("places created"),
            "places_created_by_name": _("  matched to GeoNames by name"),
            "places_created_by_alternate_name": _("  matched to GeoNames by an alternate name"),
            "places_created_unmatched": _("  without GeoNames entry (the file's coordinates)"),
            "places_existing": _("places already known"),
            "unmatched_places": _("places without GeoNames entry in the file"),
            "pairs_also_curated": _("pairs also in the office's own partnerships (untouched)"),
        }
        for name, label in labels.items():
            self.stdout.write(f"{label}: {summary[name]}")
        self.stdout.write(
            _("Write transaction: %(seconds).2f s.") % {"seconds": result.write_seconds}
        )
        self.stdout.write(
            _("Report: %(path)s. Took %(seconds).1f s.")
            % {"path": report, "seconds": time.perf_counter() - started}
        )
