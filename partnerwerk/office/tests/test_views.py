"""The office pages: dashboard, lists, history and restore, trash, uploads, GDPR, users."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from partnerwerk.documents.models import Document
from partnerwerk.office.tests.conftest import PDF
from partnerwerk.office.tests.helpers import edit_data
from partnerwerk.partnerships.models import Step
from partnerwerk.projects.models import Project
from partnerwerk.testing import (
    make_activity,
    make_partnership,
    make_person,
    make_project,
    make_user,
    sign_in_with_two_factors,
    totp_now,
)

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough passphrase"


@pytest.fixture
def office(client):
    user = make_user(role="office", username="olga")
    sign_in_with_two_factors(client, user)
    return user


def test_the_dashboard_shows_steps_awaiting_confirmation_and_coming_activities(
    client, worlds, office
):
    make_activity(title_de="Bald", start_date=datetime.date.today() + datetime.timedelta(days=9))
    body = client.get("/office/").content.decode()
    assert "Bald" in body  # the dashboard in German, the default
    assert body.count('id="step-') == 2
    assert "Steps awaiting confirmation" in client.get("/en/office/").content.decode()


def test_a_step_is_confirmed_in_place_with_htmx(client, worlds, office):
    step = worlds["own"].step
    response = client.post(f"/office/steps/{step.pk}/confirm/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith(f'<tr id="step-{step.pk}">')
    step.refresh_from_db()
    assert step.confirmed_by == office


def test_lists_search_and_filter(client, office):
    make_project(title_de="Wasserprojekt", status="planned")
    make_project(title_de="Abfallprojekt", status="ongoing")
    body = client.get("/office/projects/?q=wasser").content.decode()
    assert "Wasserprojekt" in body and "Abfallprojekt" not in body
    body = client.get("/office/projects/?status=ongoing").content.decode()
    assert "Abfallprojekt" in body and "Wasserprojekt" not in body


def test_the_history_shows_who_changed_what_from_old_to_new_and_restores_it(client, office):
    project = make_project(title_de="Alter Titel")
    client.post(f"/office/projects/{project.pk}/", edit_data("projects", project, title_de="Neu"))
    body = client.get(f"/office/projects/{project.pk}/history/").content.decode()
    assert "olga" in body and "Alter Titel" in body and "Neu" in body
    first = project.history.order_by("history_date").first()
    client.post(f"/office/projects/{project.pk}/history/{first.history_id}/restore/")
    project.refresh_from_db()
    assert project.title_de == "Alter Titel"


def test_an_editor_deletes_and_the_office_undoes_it_from_the_trash(client, worlds, office):
    from partnerwerk.testing import sign_in_with_two_factors as sign_in

    project = worlds["own"].project
    editor = make_user(role="department_editor", organisation=worlds["own"].organisation)
    sign_in(client, editor)
    assert client.post(f"/office/projects/{project.pk}/delete/").status_code == 302
    assert not Project.objects.filter(pk=project.pk).exists()
    assert client.get("/office/trash/").status_code == 403

    sign_in(client, office)
    assert worlds["own"].project.title_de in client.get("/office/trash/").content.decode()
    client.post(f"/office/projects/{project.pk}/restore/")
    assert Project.objects.filter(pk=project.pk).exists()


def test_an_upload_is_stored_under_a_generated_name_and_served_as_an_attachment(
    client, office, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    project = make_project()
    upload = SimpleUploadedFile("../../etc/Bericht <x>.pdf", PDF, content_type="text/html")
    data = {
        "title_de": "Bericht",
        "kind": "report",
        "status": "final",
        "visibility": "internal",
        "project": project.pk,
        "upload": upload,
    }
    response = client.post(f"/office/documents/new/?project={project.pk}", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    document = Document.objects.get(title_de="Bericht")
    name = document.file.name.rsplit("/", 1)[-1]
    assert name.endswith(".pdf") and "Bericht" not in name and len(name) == 36
    download = client.get(f"/office/documents/{document.pk}/file/")
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_new_upload_adds_a_version_and_keeps_the_earlier_file(client, office, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    project = make_project()
    data = {
        "title_de": "Absichtserklärung",
        "kind": "report",
        "status": "draft",
        "visibility": "internal",
        "project": project.pk,
    }
    first = SimpleUploadedFile("v1.pdf", PDF + b"first", content_type="application/pdf")
    client.post(f"/office/documents/new/?project={project.pk}", {**data, "upload": first})
    document = Document.objects.get(title_de="Absichtserklärung")
    second = SimpleUploadedFile("v2.pdf", PDF + b"second", content_type="application/pdf")
    response = client.post(f"/office/documents/{document.pk}/", {**data, "upload": second})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(document.versions.values_list("number", flat=True)) == [2, 1]
    page = client.get(f"/en/office/documents/{document.pk}/").content.decode()
    assert "version 2" in page and "version 1" in page
    older = client.get(f"/office/documents/{document.pk}/file/?version=1")
    newest = client.get(f"/office/documents/{document.pk}/file/")
    assert b"".join(older.streaming_content).endswith(b"first")
    assert b"".join(newest.streaming_content).endswith(b"second")
    assert client.get(f"/office/documents/{document.pk}/file/?version=9").status_code == 404


@pytest.mark.parametrize(
    ("content", "error"),
    [(b"<html><script>alert(1)</script></html>", "Only PDF"), (b"%PDF-" + b"0" * 2048, "larger")],
    ids=["html-named-pdf", "too-large"],
)
def test_an_upload_of_the_wrong_type_or_size_is_refused(
    client, office, settings, tmp_path, content, error
):
    settings.MEDIA_ROOT = tmp_path
    settings.PARTNERWERK_UPLOAD_MAX_MB = 0  # every non-empty file is too large ...
    if error == "Only PDF":
        settings.PARTNERWERK_UPLOAD_MAX_MB = 1  # ... except in the type test
    upload = SimpleUploadedFile("report.pdf", content, content_type="application/pdf")
    data = {
        "title_de": "Bericht",
        "kind": "report",
        "status": "final",
        "visibility": "internal",
        "upload": upload,
    }
    response = client.post("/en/office/documents/new/", data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Document.objects.filter(title_de="Bericht").exists()


def test_a_person_is_exported_as_json_and_erased(client, office):
    person = make_person(name="Erika Muster", email="erika@example.org")
    export = client.get(f"/office/people/{person.pk}/export/")
    assert export["Content-Disposition"].startswith("attachment;")
    assert json.loads(export.content)["person"]["email"] == "erika@example.org"
    assert client.post(f"/office/people/{person.pk}/erase/").status_code == 302
    person.refresh_from_db()
    assert person.erased_at is not None
    assert "Erika" not in client.get(f"/office/people/{person.pk}/history/").content.decode()


def test_an_invitation_link_is_shown_once(client, office):
    response = client.post("/office/users/", {"email": "v@example.org", "role": "viewer"})
    assert "/accounts/invitation/" in response.content.decode()
    assert "/accounts/invitation/" not in client.get("/office/users/").content.decode()


def test_office_staff_may_not_invite_an_administrator(client, office):
    response = client.post("/office/users/", {"email": "a@example.org", "role": "administrator"})
    assert "/accounts/invitation/" not in response.content.decode()
    assert "errorlist" in response.content.decode()


def test_a_counterpart_sees_their_partnership_in_english_first(client):
    from partnerwerk.accounts.views import start_page

    partnership = make_partnership()
    counterpart = make_user(role="counterpart", partnership=partnership)
    assert start_page(counterpart) == "/en/office/"
    counterpart.set_password(PASSWORD)
    counterpart.save()
    device = sign_in_with_two_factors(Client(), counterpart)
    second = Client()
    second.post("/accounts/sign-in/", {"username": counterpart.username, "password": PASSWORD})
    response = second.post(
        "/accounts/sign-in/code/", {"token": totp_now(device), "next": "/office/projects/"}
    )
    assert response["Location"] == "/en/office/projects/"
    sign_in_with_two_factors(client, counterpart)
    body = client.get("/en/office/").content.decode()
    assert str(partnership.partner) in body


def test_office_navigation_shows_only_what_the_role_may_use(client):
    sign_in_with_two_factors(client, make_user(role="viewer"))
    body = client.get("/office/").content.decode()
    assert "/office/people/" in body
    assert "/office/trash/" not in body and "/office/users/" not in body


def test_a_proposed_step_is_listed_on_its_partnership(client, worlds, office):
    partnership = worlds["own"].partnership
    body = client.get(f"/office/partnerships/{partnership.pk}/").content.decode()
    assert Step.all_objects.filter(partnership=partnership, proposed_at__isnull=False).exists()
    assert (
        "awaiting confirmation"
        in client.get(f"/en/office/partnerships/{partnership.pk}/").content.decode()
    )
    assert 'name="back" value="partnership"' in body


def test_a_counterpart_proposes_a_step_for_their_partnership_which_waits_for_the_office(
    client, worlds, user_with_role
):
    partnership = worlds["own"].partnership
    status_before = partnership.status
    sign_in_with_two_factors(client, user_with_role("counterpart"))

    page = client.get(f"/en/office/partnerships/{partnership.pk}/").content.decode()
    assert "Propose a step" in page
    response = client.post(
        f"/office/steps/new/?partnership={partnership.pk}",
        {"kind": "visit", "date": "2026-11-20", "date_precision": "day", "note_en": "Visit"},
    )

    assert response.status_code == 302
    step = Step.all_objects.get(partnership=partnership, note_en="Visit")
    assert step.proposed_at is not None and step.confirmed_at is None
    partnership.refresh_from_db()
    assert partnership.status == status_before
    other = worlds["other"].partnership
    refused = client.post(
        f"/office/steps/new/?partnership={other.pk}",
        {"kind": "visit", "date": "2026-11-20", "date_precision": "day"},
    )
    assert refused.status_code in (403, 404)
