"""Background work from the office (decision 0031): the invitation e-mail, large exports and
confirmed imports are queued in the database and run by the worker command."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from partnerwerk.exchange.exporters import export_dataset
from partnerwerk.projects.models import Project
from partnerwerk.testing import make_project, make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db


def run_worker():
    """The real worker command, until the queue is empty."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0")


def queued(task_name: str) -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path__endswith=task_name, status="READY"))


def projects_csv(edit=lambda text: text) -> io.BytesIO:
    stream = io.StringIO()
    export_dataset("projects", "csv", stream)
    upload = io.BytesIO(edit(stream.getvalue()).encode())
    upload.name = "projects.csv"
    return upload


def test_an_invitation_is_queued_and_the_worker_e_mails_it(client, database_tasks):
    sign_in_with_two_factors(client, make_user(role="administrator"))

    page = client.post("/office/users/", {"email": "edith@example.org", "role": "viewer"})

    # The office sees the link at once; nothing is sent within the request.
    assert "http://testserver/accounts/invitation/" in page.content.decode()
    assert mail.outbox == []
    assert len(queued("send_invitation")) == 1
    run_worker()
    assert [message.to for message in mail.outbox] == [["edith@example.org"]]
    assert "http://testserver/accounts/invitation/" in mail.outbox[0].body
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_confirmed_import_is_queued_and_its_page_shows_the_workers_counts(client, database_tasks):
    make_project(key="alpha", title_de="Alpha")
    sign_in_with_two_factors(client, make_user(role="office"))
    upload = projects_csv(lambda text: text.replace("Alpha", "Alpha (neu)"))

    response = client.post("/office/open-data/import/", {"dataset": "projects", "file": upload})

    assert response.status_code == 302
    state_url = response["Location"]
    waiting = client.get(state_url).content.decode()
    assert "Wartet auf einen Hintergrundprozess" in waiting
    assert 'http-equiv="refresh"' in waiting
    assert Project.objects.get(key="alpha").title_de == "Alpha"
    run_worker()
    done = client.get(state_url).content.decode()
    assert "Importiert:" in done and "0 neu angelegt, 1 geändert, 0 unverändert." in done
    assert 'http-equiv="refresh"' not in done
    assert Project.objects.get(key="alpha").title_de == "Alpha (neu)"
    stored = DBTaskResult.objects.get(task_path__endswith="run_office_import")
    assert stored.return_value == {"created": 0, "changed": 1, "unchanged": 0, "refused": 0}


def test_a_failed_import_shows_the_file_row_and_field_and_writes_nothing(client, database_tasks):
    sign_in_with_two_factors(client, make_user(role="office"))
    upload = io.BytesIO(b"id,title_de,budget\nx,X,5\n")
    upload.name = "projects.csv"

    state_url = client.post("/office/open-data/import/", {"dataset": "projects", "file": upload})[
        "Location"
    ]
    run_worker()

    page = client.get(state_url).content.decode()
    assert 'role="alert"' in page and "Nichts wurde importiert." in page
    assert "projects.csv, Zeile 1, Feld „budget“" in page
    assert "Traceback" not in page
    assert not Project.objects.exists()


def test_another_user_cannot_see_the_state_of_an_import(client, database_tasks):
    make_project(key="alpha", title_de="Alpha")
    sign_in_with_two_factors(client, make_user(role="office", username="anna"))
    state_url = client.post(
        "/office/open-data/import/", {"dataset": "projects", "file": projects_csv()}
    )["Location"]

    sign_in_with_two_factors(client, make_user(role="office", username="bert"))

    assert client.get(state_url).status_code == 404


def test_a_large_export_is_prepared_by_the_worker_for_its_user_only(client, database_tasks):
    make_project(key="alpha", title_de="Alpha")
    anna = make_user(role="office", username="anna")
    sign_in_with_two_factors(client, anna)

    response = client.post(
        "/office/open-data/prepare/", {"dataset": "projects", "format": "csv", "headers": "de"}
    )

    assert response["Location"] == "/office/open-data/prepared/"
    assert len(queued("prepare_export")) == 1
    assert (
        "Noch keine Datei vorbereitet" in client.get("/office/open-data/prepared/").content.decode()
    )
    run_worker()
    listing = client.get("/office/open-data/prepared/")
    [export] = listing.context["exports"]
    download = client.get(f"/office/open-data/prepared/{export.name}")
    assert download.status_code == 200
    assert "projekte" in download["Content-Disposition"]
    text = b"".join(download.streaming_content).decode("utf-8-sig")
    assert "Alpha" in text and "Titel" in text.splitlines()[0]

    sign_in_with_two_factors(client, make_user(role="office", username="bert"))
    assert client.get(f"/office/open-data/prepared/{export.name}").status_code == 404
    assert client.get("/office/open-data/prepared/").context["exports"] == []


def test_a_prepared_export_name_cannot_leave_the_users_directory(client):
    sign_in_with_two_factors(client, make_user(role="office"))

    assert client.get("/office/open-data/prepared/..%2F..%2Fsecret").status_code == 404
    assert client.get("/office/open-data/prepared/20260101-000000-..").status_code == 404


def test_an_unknown_dataset_is_not_queued(client, database_tasks):
    sign_in_with_two_factors(client, make_user(role="office"))

    response = client.post("/office/open-data/prepare/", {"dataset": "secrets", "format": "csv"})

    assert response.status_code == 404
    assert not DBTaskResult.objects.exists()


def test_an_unexpected_error_of_an_import_is_shown_plainly_without_its_internals(
    client, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("connection string postgres://secret")

    monkeypatch.setattr("partnerwerk.exchange.tasks.run_import", broken)
    make_project(key="alpha", title_de="Alpha")
    sign_in_with_two_factors(client, make_user(role="office"))

    page = client.post(
        "/office/open-data/import/", {"dataset": "projects", "file": projects_csv()}
    ).content.decode()

    assert "Nichts wurde importiert." in page and "unerwarteten Fehler" in page
    assert "secret" not in page
