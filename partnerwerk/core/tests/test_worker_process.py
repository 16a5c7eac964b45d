"""The background worker as its own process (decision 0031): the app queues an invitation
in the database, and `partnerwerk db-worker --batch`, started as a separate program on a copy
of the test database, sends it (the console e-mail backend prints it)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from partnerwerk.core.tests.multi_server_db import copy_test_database, drop_database

REPO = Path(__file__).resolve().parents[3]

ENQUEUE = """
import django
django.setup()
from partnerwerk.accounts import services
from partnerwerk.accounts.tasks import send_invitation
invitation, token = services.invitation_create(actor=None, email="edith@example.org", role="viewer")
result = send_invitation.enqueue(
    invitation_id=invitation.pk, token=token, base_url="https://partner.example/"
)
print(result.status)
"""


# django_db has the test database made; the module's fixture copies it before any test's
# transaction begins (as the multi-server test does).
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def database_copy(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        url, name = copy_test_database(tmp_path_factory.mktemp("worker"))
    yield url
    if name is not None:
        with django_db_blocker.unblock():
            drop_database(name)


def run(arguments: list[str], database_url: str, var: Path) -> subprocess.CompletedProcess:
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("PARTNERWERK_") and name != "DATABASE_URL"
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "partnerwerk.settings",
        "DATABASE_URL": database_url,
        "PARTNERWERK_VAR_DIR": str(var),
        "PARTNERWERK_TASKS": "db",
        "PARTNERWERK_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    }
    return subprocess.run(
        [sys.executable, *arguments],
        env=environment,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_separate_worker_process_sends_the_invitation_the_app_queued(database_copy, tmp_path):
    queued = run(["-c", ENQUEUE], database_copy, tmp_path / "var")
    assert queued.returncode == 0, queued.stderr[-3000:]
    assert queued.stdout.strip() == "READY"

    worker = run(
        ["-m", "partnerwerk.cli", "db-worker", "--batch", "--no-startup-delay", "--no-reload"],
        database_copy,
        tmp_path / "var",
    )

    assert worker.returncode == 0, worker.stderr[-3000:]
    assert "To: edith@example.org" in worker.stdout
    assert "https://partner.example/accounts/invitation/" in worker.stdout
    again = run(
        ["-m", "partnerwerk.cli", "db-worker", "--batch", "--no-startup-delay", "--no-reload"],
        database_copy,
        tmp_path / "var",
    )
    assert "edith@example.org" not in again.stdout  # a task runs once
