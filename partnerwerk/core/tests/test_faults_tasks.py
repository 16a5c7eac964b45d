"""A background task whose worker was killed (issue 15, item 5): django-tasks-db has no
lease, so the task stays "running"; `partnerwerk recover-tasks` (run when a worker starts
and by the hourly cleanup timer) marks it failed once it has run longer than any task may.

The worker is the real `partnerwerk db-worker` on a copy of the test database, running a
real office import; the import's file is a named pipe nobody writes to, so the worker is
certainly inside the task (reading its file) when it is killed, however fast the machine.
"""

import datetime
import os
import subprocess
import sys
import time
import uuid

import pytest

from partnerwerk.core.background import WORKER_LOST
from partnerwerk.core.tests.faults import worker_environment
from partnerwerk.core.tests.multi_server import REPO, Process
from partnerwerk.core.tests.multi_server_db import copy_test_database, drop_database

pytestmark = pytest.mark.django_db

ENQUEUE = """
import django
django.setup()
from partnerwerk.exchange.tasks import run_office_import
from partnerwerk.testing import make_user
user = make_user(role="office", username="office-lost-worker")
result = run_office_import.enqueue(
    user_id=user.pk, dataset="projects", stored="waiting.csv", file="projects.csv",
    language="de",
)
print(result.id)
"""


# Module-scoped: the copy is made before any test's transaction begins (SQLite's backup
# waits for the end of a transaction of its source).
@pytest.fixture(scope="module")
def database_copy(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        url, name = copy_test_database(tmp_path_factory.mktemp("lost-worker"))
    yield url
    if name is not None:
        with django_db_blocker.unblock():
            drop_database(name)


def sql(database_url: str, query: str, parameters=()) -> list[tuple]:
    if database_url.startswith("sqlite:"):
        import sqlite3

        with sqlite3.connect(database_url[len("sqlite:///") :]) as db:
            return db.execute(query.replace("%s", "?"), parameters).fetchall()
    import psycopg

    with psycopg.connect(database_url) as db:
        cursor = db.execute(query, parameters)
        return cursor.fetchall() if cursor.description else []


def status(database_url: str, task_id: str) -> str:
    rows = sql(
        database_url,
        "SELECT status FROM django_tasks_database_dbtaskresult WHERE id = %s",
        (task_id,),
    )
    return rows[0][0]


def test_a_task_whose_worker_was_killed_is_marked_failed_once_past_the_limit(
    database_copy, tmp_path
):
    environment = worker_environment(database_copy, tmp_path / "var")
    queued = subprocess.run(
        [sys.executable, "-c", ENQUEUE], env=environment, cwd=REPO, capture_output=True, text=True
    )
    assert queued.returncode == 0, queued.stderr[-3000:]
    task_id = queued.stdout.split()[-1]
    if database_copy.startswith("sqlite:"):
        task_id = uuid.UUID(task_id).hex  # how Django stores a UUID in SQLite
    (tmp_path / "var/imports").mkdir(parents=True, exist_ok=True)
    os.mkfifo(tmp_path / "var/imports/waiting.csv")  # the worker waits for it to be written

    command = [sys.executable, "-m", "partnerwerk.cli", "db-worker", "--interval", "0.2"]
    command += ["--no-startup-delay", "--no-reload"]
    worker = Process("worker", command, environment, tmp_path / "worker.log").start()
    deadline = time.monotonic() + 60
    while status(database_copy, task_id) != "RUNNING":
        assert worker.popen.poll() is None, worker.output()[-3000:]
        assert time.monotonic() < deadline, worker.output()[-3000:]
        time.sleep(0.1)
    worker.kill()
    assert status(database_copy, task_id) == "RUNNING"  # and would stay so

    def recover() -> str:
        recovered = subprocess.run(
            [sys.executable, "-m", "partnerwerk.cli", "recover-tasks"],
            env=environment,
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        assert recovered.returncode == 0, recovered.stderr[-3000:]
        return recovered.stdout

    # Within the limit (an hour by default) a running task may still have its worker.
    recover()
    assert status(database_copy, task_id) == "RUNNING"

    # An hour later (the task's start moved back by as much).
    began = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=61)
    if database_copy.startswith("sqlite:"):
        began = began.replace(tzinfo=None).isoformat(sep=" ")
    sql(
        database_copy,
        "UPDATE django_tasks_database_dbtaskresult SET started_at = %s WHERE id = %s",
        (began, task_id),
    )
    recover()

    rows = sql(
        database_copy,
        "SELECT status, exception_class_path, traceback, finished_at "
        "FROM django_tasks_database_dbtaskresult WHERE id = %s",
        (task_id,),
    )
    state, failure, message, finished_at = rows[0]
    assert (state, failure) == ("FAILED", WORKER_LOST)
    assert "The worker stopped while running this task" in message and finished_at is not None
