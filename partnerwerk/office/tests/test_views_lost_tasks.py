"""An import whose worker was lost (issue 15): once `recover-tasks` has marked it failed,
its page says so in a sentence and asks to start it again (the real kill -9 of a worker is
in core/tests/test_faults_tasks.py)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from partnerwerk.exchange.exporters import export_dataset
from partnerwerk.testing import make_project, make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db


def start_import(client) -> str:
    make_project(key="alpha", title_de="Alpha")
    stream = io.StringIO()
    export_dataset("projects", "csv", stream)
    upload = io.BytesIO(stream.getvalue().replace("Alpha", "Alpha (neu)").encode())
    upload.name = "projects.csv"
    response = client.post("/office/open-data/import/", {"dataset": "projects", "file": upload})
    assert response.status_code == 302
    return response["Location"]


def claimed_by_a_worker(minutes_ago: int) -> DBTaskResult:
    """The queued import as a worker leaves it when it is killed while running it."""
    task = DBTaskResult.objects.get(task_path__endswith="run_office_import")
    task.status = "RUNNING"
    task.started_at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    task.worker_ids = ["worker-that-was-killed"]
    task.save()
    return task


def test_an_import_whose_worker_was_lost_says_so_and_asks_to_start_it_again(client, database_tasks):
    sign_in_with_two_factors(client, make_user(role="office"))
    page_url = start_import(client)
    claimed_by_a_worker(minutes_ago=90)

    call_command("recover_tasks", stdout=io.StringIO())

    page = client.get(page_url).content.decode()
    assert "Der Hintergrundprozess, der diesen Import ausführte, hat aufgehört" in page
    assert "Bitte starten Sie den Import erneut." in page
    assert 'http-equiv="refresh"' not in page  # finished: the page stops reloading
    assert "WorkerLost" not in page


def test_an_import_running_for_less_than_the_limit_is_left_to_its_worker(
    client, database_tasks, settings
):
    settings.PARTNERWERK_TASK_RUNNING_LIMIT_MINUTES = 60
    sign_in_with_two_factors(client, make_user(role="office"))
    page_url = start_import(client)
    task = claimed_by_a_worker(minutes_ago=30)

    call_command("recover_tasks", stdout=io.StringIO())

    task.refresh_from_db()
    assert task.status == "RUNNING"
    assert 'http-equiv="refresh"' in client.get(page_url).content.decode()
