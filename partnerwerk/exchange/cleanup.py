"""Removing what background work leaves behind (issue 15): files prepared for a user, import
files left by a worker that was stopped, and the records of finished tasks, once they are
older than PARTNERWERK_BACKGROUND_KEEP_DAYS. Run hourly by `partnerwerk cleanup`
(deploy/systemd/partnerwerk-cleanup.timer).

The import file of a task still waiting or running is kept whatever its age: the worker
still needs it. The records of tasks waiting or running are never removed.
"""

import datetime
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from partnerwerk.exchange.prepared import SAFE_NAME
from partnerwerk.exchange.tasks import run_office_import


@dataclass(frozen=True)
class Removed:
    exports: int
    imports: int
    task_records: int


def _older(path: Path, cutoff: float) -> bool:
    try:
        return path.is_file() and path.stat().st_mtime < cutoff
    except FileNotFoundError:  # removed meanwhile (a download, another cleanup)
        return False


def _unlink_all(paths) -> int:
    count = 0
    for path in paths:
        path.unlink(missing_ok=True)
        count += 1
    return count


def _prepared_exports(cutoff: float) -> list[Path]:
    root = Path(settings.PARTNERWERK_EXPORTS_DIR)
    if not root.is_dir():
        return []
    return [
        path
        for directory in root.iterdir()
        if directory.is_dir() and directory.name.isdigit()
        for path in directory.iterdir()
        # The worker's files and what a stopped worker left half-written.
        if (SAFE_NAME.match(path.name) or path.name.endswith(".partial")) and _older(path, cutoff)
    ]


def _waiting_import_files() -> set[str]:
    unfinished = DBTaskResult.objects.filter(
        task_path=run_office_import.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    )
    return {task.args_kwargs["kwargs"].get("stored", "") for task in unfinished}


def _import_files(cutoff: float) -> list[Path]:
    root = Path(settings.PARTNERWERK_IMPORTS_DIR)
    if not root.is_dir():
        return []
    waiting = _waiting_import_files()
    return [path for path in root.iterdir() if path.name not in waiting and _older(path, cutoff)]


def background_leftovers_remove(*, older_than: datetime.timedelta) -> Removed:
    """Remove prepared exports, import files and finished tasks' records older than
    `older_than`; return how many of each."""
    cutoff = time.time() - older_than.total_seconds()
    exports = _unlink_all(_prepared_exports(cutoff))
    imports = _unlink_all(_import_files(cutoff))
    finished = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
        finished_at__lt=timezone.now() - older_than,
    )
    task_records, _by_model = finished.delete()
    return Removed(exports=exports, imports=imports, task_records=task_records)
