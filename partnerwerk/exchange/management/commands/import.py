from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from partnerwerk.exchange.importers import IMPORTABLE, import_file
from partnerwerk.exchange.tables import ImportFailure

IATI = "iati"
# The world twinnings registry has its own importer (partnerwerk.registry).
TWIN_CITIES = "twin-cities"


class Command(BaseCommand):
    help = _(
        "Import partnerships, projects, activities or organisations from CSV or XLSX (the "
        "export's columns, English or German headings), or projects from an IATI activity "
        "file. All rows or none are written."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "dataset", help=f"One of: {', '.join((*IMPORTABLE, IATI, TWIN_CITIES))}."
        )
        parser.add_argument("file", metavar="FILE")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Show what would be created, changed and refused; write nothing."),
        )
        parser.add_argument("--no-progress", action="store_true", help=_("Show no progress bar."))

    def handle(self, *args, dataset, file, dry_run, no_progress, **options):
        path = Path(file)
        if dataset == TWIN_CITIES:
            from django.core.management import call_command

            call_command("import_twin_cities", file, no_progress=no_progress, stdout=self.stdout)
            return
        if dataset not in (*IMPORTABLE, IATI, TWIN_CITIES):
            raise CommandError(
                _("There is no importable dataset “%(name)s”; choose one of: %(names)s.")
                % {"name": dataset, "names": ", ".join((*IMPORTABLE, IATI, TWIN_CITIES))}
            )
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("%(file)s: the file cannot be read (%(error)s).")
                % {"file": file, "error": error.strerror}
            ) from None
        try:
            if dataset == IATI:
                from partnerwerk.exchange.iati.reader import import_iati

                plan = import_iati(data, path.name, dry_run=dry_run)
            else:
                with tqdm(
                    desc=path.name, unit=" rows", disable=no_progress, file=self.stderr._out
                ) as bar:
                    plan = import_file(dataset, data, path.name, dry_run=True, progress=bar.update)
        except ImportFailure as error:
            raise CommandError(_("Nothing was imported. %(error)s") % {"error": error}) from None
        for outcome in plan.outcomes:
            if dry_run or outcome.state in ("refused", "created", "changed"):
                self.stdout.write(outcome.describe())
        if plan.refused:
            raise CommandError(
                _("Nothing was imported: %(count)d rows were refused. %(summary)s")
                % {"count": len(plan.refused), "summary": plan.summary()}
            )
        if dataset != IATI and not dry_run:
            from partnerwerk.exchange.importers import run_import

            run_import(plan)
        if dry_run:
            self.stdout.write(
                _("Dry run, nothing written: %(summary)s") % {"summary": plan.summary()}
            )
        else:
            self.stdout.write(_("Imported: %(summary)s") % {"summary": plan.summary()})
