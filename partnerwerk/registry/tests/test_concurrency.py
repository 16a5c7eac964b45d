"""Other users go on working while the registry import writes (a real second connection)."""

import sqlite3
import threading
import time

import pytest
from django.db import connection, connections
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnerwerk.office.tests.helpers import edit_data
from partnerwerk.partnerships.models import Partnership, PartnershipOrigin
from partnerwerk.projects.models import Project
from partnerwerk.registry import services
from partnerwerk.registry.tests.conftest import EXCERPT
from partnerwerk.testing import make_project, make_user, totp_now

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
# How long the test keeps the import's write transaction open: the budget of a real import.
HOLD_SECONDS = 2.0


@pytest.fixture
def file_database(transactional_db, tmp_path):
    """SQLite's in-memory test database takes table locks that fail at once instead of waiting;
    production runs on a file in WAL mode. Copy the test database to a file and let every
    connection of this test (this thread's and new threads') use it. PostgreSQL as it is."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    path = tmp_path / "test.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as target:
        connection.connection.backup(target)
    original_settings, original_connection = connections.settings["default"], connections["default"]
    connections.settings["default"] = {**original_settings, "NAME": str(path)}
    connections["default"] = connections.create_connection("default")
    try:
        yield
    finally:
        connections["default"].close()
        connections.settings["default"] = original_settings
        connections["default"] = original_connection


def test_a_sign_in_and_an_office_edit_during_the_import_write_succeed(
    file_database, client, monkeypatch, tmp_path
):
    user = make_user(username="alice", role="office", password=PASSWORD)
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    project = make_project(title_de="Alter Titel")
    writing, written = threading.Event(), threading.Event()
    real_write = services._write
    outcome = {}

    def slow_write(plan):
        # Inside the write transaction: the lock is held from here until the commit.
        real_write(plan)
        writing.set()
        time.sleep(HOLD_SECONDS)

    def run_import():
        try:
            outcome["report"] = services.twin_cities_import(path=EXCERPT)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcome["error"] = error
        finally:
            written.set()
            connections.close_all()

    monkeypatch.setattr(services, "_write", slow_write)
    importer = threading.Thread(target=run_import)
    importer.start()
    assert writing.wait(120), outcome
    during = not written.is_set()

    password = client.post(
        "/accounts/sign-in/", {"username": "alice", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    code = client.post("/accounts/sign-in/code/", {"token": totp_now(device)})
    edit = client.post(
        f"/office/projects/{project.pk}/", edit_data("projects", project, title_de="Neuer Titel")
    )
    importer.join(120)

    assert during
    assert (password.status_code, code.status_code, code.get("Location")) == (302, 302, "/office/")
    assert edit.status_code == 302, edit.content.decode()[:500]
    assert Project.objects.get(pk=project.pk).title_de == "Neuer Titel"
    assert "error" not in outcome, outcome
    report = outcome["report"]
    assert report.relations_created > 0
    assert (
        Partnership.objects.filter(origin=PartnershipOrigin.REGISTRY).count()
        == report.relations_created
    )
    assert report.write_seconds >= HOLD_SECONDS
