"""`partnerwerk cleanup` (issue 15): prepared exports, import files left behind and finished
tasks' records older than PARTNERWERK_BACKGROUND_KEEP_DAYS go; what is newer, and the file
of an import still waiting for its worker, stay."""

import datetime
import io
import os
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from partnerwerk.exchange.tasks import prepare_export, run_office_import

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[3]
DAY = 24 * 3600


def file_aged(path: Path, days: float, content: bytes = b"id\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    moment = time.time() - days * DAY
    os.utime(path, (moment, moment))
    return path


def cleanup(*arguments: str) -> str:
    output = io.StringIO()
    call_command("cleanup", *arguments, stdout=output)
    return output.getvalue()


def test_prepared_exports_older_than_the_kept_days_are_removed_for_every_user(settings):
    settings.PARTNERWERK_BACKGROUND_KEEP_DAYS = 7
    exports = settings.PARTNERWERK_EXPORTS_DIR
    old = file_aged(exports / "3/20260101-090000-projects.csv", days=8)
    others_old = file_aged(exports / "4/20260101-090000-partnerships.xlsx", days=30)
    left_half_written = file_aged(exports / "4/.20260101-090000-projects.csv.partial", days=8)
    recent = file_aged(exports / "3/20260110-090000-projects.csv", days=6)

    cleanup()

    assert not old.exists() and not others_old.exists() and not left_half_written.exists()
    assert recent.exists()


def test_an_import_file_left_behind_goes_but_one_still_waiting_for_its_worker_stays(
    settings, database_tasks
):
    settings.PARTNERWERK_BACKGROUND_KEEP_DAYS = 7
    imports = settings.PARTNERWERK_IMPORTS_DIR
    left_behind = file_aged(imports / "0a1b.csv", days=10)
    waiting = file_aged(imports / "2c3d.csv", days=10)  # the worker has been down that long
    run_office_import.enqueue(
        user_id=1, dataset="projects", stored="2c3d.csv", file="projects.csv", language="de"
    )

    cleanup()

    assert not left_behind.exists()
    assert waiting.exists()


def test_records_of_finished_tasks_older_than_the_kept_days_are_removed(settings, database_tasks):
    settings.PARTNERWERK_BACKGROUND_KEEP_DAYS = 7
    arguments = {"dataset": "projects", "format": "csv", "headers": "en", "dialect": "excel"}
    results = [prepare_export.enqueue(user_id=1, language="en", **arguments) for _ in range(4)]
    ids = [result.id for result in results]
    now = timezone.now()
    DBTaskResult.objects.filter(id=ids[0]).update(
        status="SUCCESSFUL", finished_at=now - datetime.timedelta(days=8)
    )
    DBTaskResult.objects.filter(id=ids[1]).update(
        status="FAILED", finished_at=now - datetime.timedelta(days=9)
    )
    DBTaskResult.objects.filter(id=ids[2]).update(
        status="SUCCESSFUL", finished_at=now - datetime.timedelta(days=2)
    )
    # ids[3] is still waiting for a worker.

    cleanup("--older-than", "7")

    remaining = {str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)}
    assert remaining == {str(ids[2]), str(ids[3])}


def test_the_install_script_installs_and_enables_the_hourly_cleanup_timer():
    script = (REPO / "deploy/install-debian.sh").read_text()
    timer = (REPO / "deploy/systemd/partnerwerk-cleanup.timer").read_text()
    service = (REPO / "deploy/systemd/partnerwerk-cleanup.service").read_text()
    worker = (REPO / "deploy/systemd/partnerwerk-worker.service").read_text()
    for unit in sorted((REPO / "deploy/systemd").iterdir()):
        assert f'"$APP/deploy/systemd/{unit.name}"' in script, unit.name
    assert "systemctl enable --now partnerwerk-cleanup.timer" in script
    assert "OnCalendar=hourly" in timer
    assert "partnerwerk recover-tasks" in service and "partnerwerk cleanup" in service
    assert "ExecStartPre=/opt/partnerwerk/venv/bin/partnerwerk recover-tasks" in worker
