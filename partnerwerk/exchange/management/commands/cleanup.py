"""partnerwerk cleanup: prepared exports, left import files and finished tasks' records
older than PARTNERWERK_BACKGROUND_KEEP_DAYS are removed."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from partnerwerk.exchange.cleanup import background_leftovers_remove


class Command(BaseCommand):
    help = _(
        "Remove files prepared for users, import files left behind and the records of "
        "finished background tasks once they are older than the given number of days. Run "
        "hourly by partnerwerk-cleanup.timer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            metavar="DAYS",
            default=settings.PARTNERWERK_BACKGROUND_KEEP_DAYS,
            help=_("Remove what is older than this many days (default: %(default)s)."),
        )

    def handle(self, *args, older_than, **options):
        removed = background_leftovers_remove(older_than=datetime.timedelta(days=older_than))
        self.stdout.write(
            _(
                "Removed %(exports)d prepared exports, %(imports)d import files and "
                "%(records)d records of finished tasks older than %(days)d days."
            )
            % {
                "exports": removed.exports,
                "imports": removed.imports,
                "records": removed.task_records,
                "days": older_than,
            }
        )
