"""How the office shows background tasks (decision 0031): an import's state for its user."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus

from partnerwerk.core.background import WORKER_LOST
from partnerwerk.exchange.tables import ImportFailure

IMPORT_FAILURE_PATH = f"{ImportFailure.__module__}.{ImportFailure.__qualname__}"


@dataclass(frozen=True)
class ImportJob:
    id: str
    file: str
    state: str  # "queued", "running", "done" or "failed"
    counts: dict[str, int] = field(default_factory=dict)
    failure: str = ""

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")


def _failure(result) -> str:
    """The message of an ImportFailure (file, row, field: what is wrong), else a plain one:
    a traceback is for the logs, not for the page."""
    for error in reversed(result.errors):
        if error.exception_class_path == WORKER_LOST:
            return _(
                "The worker running this import stopped before it finished (it was ended or "
                "its machine went down), so nothing of the file was imported. Please start "
                "the import again."
            )
        if error.exception_class_path == IMPORT_FAILURE_PATH:
            # The traceback ends with "<class path>: <message>" (the message may span lines).
            _before, _path, message = error.traceback.rpartition(f"{IMPORT_FAILURE_PATH}: ")
            return message.strip()
    return _("The import stopped with an unexpected error; the administrators find it in the log.")


def import_job(result) -> ImportJob:
    file = result.kwargs.get("file", "")
    if result.status == TaskResultStatus.SUCCESSFUL:
        return ImportJob(result.id, file, "done", counts=result.return_value or {})
    if result.status == TaskResultStatus.FAILED:
        return ImportJob(result.id, file, "failed", failure=_failure(result))
    if result.status == TaskResultStatus.RUNNING:
        return ImportJob(result.id, file, "running")
    return ImportJob(result.id, file, "queued")
