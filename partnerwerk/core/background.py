"""Background tasks whose worker was lost (issue 15): django-tasks-db marks a task "running"
when a worker claims it and has no lease, so a task whose worker was killed (kill -9, power,
a machine gone) would stay "running" for ever. `tasks_recover_lost` marks such tasks failed
once they have run longer than any task may (PARTNERWERK_TASK_RUNNING_LIMIT_MINUTES); the
office shows the failure as a sentence (office.background). They are not queued again:
an invitation e-mail may already have left, and the user decides whether to start again.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


class WorkerLost(Exception):
    """The failure recorded for a task whose worker stopped while running it."""


WORKER_LOST = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"


def tasks_recover_lost(*, older_than: datetime.timedelta) -> list[str]:
    """Mark every task still "running" `older_than` after it began as failed; return their
    ids. One UPDATE with the same condition: a task its worker finishes meanwhile keeps its
    result."""
    now = timezone.now()
    minutes = int(older_than.total_seconds() // 60)
    message = (
        f"The worker stopped while running this task: it was still running {minutes} minutes "
        "after it began and was marked failed."
    )
    with transaction.atomic():
        lost = DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, started_at__lt=now - older_than
        )
        found = [(str(pk), path) for pk, path in lost.values_list("id", "task_path")]
        lost.filter(id__in=[pk for pk, _path in found]).update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            return_value=None,
            exception_class_path=WORKER_LOST,
            traceback=f"{WORKER_LOST}: {message}\n",
        )
    for pk, path in found:
        logger.warning("task %s (%s) lost its worker: marked failed", pk, path)
    return [pk for pk, _path in found]
