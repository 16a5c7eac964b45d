"""partnerwerk recover-tasks: tasks whose worker was lost are marked failed."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from partnerwerk.core.background import tasks_recover_lost


class Command(BaseCommand):
    help = _(
        "Mark background tasks failed that are still running longer than the limit after "
        "they began (their worker was killed or its machine is gone). Run when a worker "
        "starts and by the hourly cleanup timer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            metavar="MINUTES",
            default=settings.PARTNERWERK_TASK_RUNNING_LIMIT_MINUTES,
            help=_("Minutes after which a running task counts as lost (default: %(default)s)."),
        )

    def handle(self, *args, older_than, **options):
        lost = tasks_recover_lost(older_than=datetime.timedelta(minutes=older_than))
        self.stdout.write(
            _("%(count)d tasks had lost their worker and were marked failed.")
            % {"count": len(lost)}
        )
