"""partnerwerk backup: the database and the uploaded files in one archive."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from partnerwerk.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = _(
        "Write the database and the uploaded files into one archive with a manifest of "
        "checksums (SQLite through its online backup API, PostgreSQL through pg_dump)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help=_("The archive to write (default: var/backups/partnerwerk-<time>.tar.gz)."),
        )

    def handle(self, *args, output, **options):
        if output is None:
            stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
            output = Path(settings.VAR_DIR) / "backups" / f"partnerwerk-{stamp}.tar.gz"
        try:
            manifest = backup_create(output=output)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            _("Wrote %(path)s (%(size)s): the %(database)s database and %(files)d files.")
            % {
                "path": output,
                "size": filesizeformat(output.stat().st_size),
                "database": manifest["database"],
                "files": len(manifest["members"]) - 1,
            }
        )
