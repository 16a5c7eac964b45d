"""partnerwerk restore: put back the database and the uploaded files of a backup archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from partnerwerk.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = _(
        "Replace the database and the uploaded files by those of a backup archive, after "
        "checking every member against the archive's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes",
            action="store_true",
            help=_("Replace the current data without asking."),
        )

    def handle(self, *args, archive, yes, **options):
        if not archive.is_file():
            raise CommandError(_("There is no archive %(path)s.") % {"path": archive})
        if not yes and input(_("Replace all current data by the archive's? [y/N] ")) != "y":
            raise CommandError(_("Nothing was restored."))
        try:
            manifest = backup_restore(archive=archive)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            _("Restored the %(database)s database and %(files)d files of %(created)s.")
            % {
                "database": manifest["database"],
                "files": len(manifest["members"]) - 1,
                "created": manifest["created"],
            }
        )
