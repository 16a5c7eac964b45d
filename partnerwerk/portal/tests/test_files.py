"""Files of documents reach visitors only through the visibility-checked file view."""

import datetime

import pytest
from django.core.files.base import ContentFile

from partnerwerk.documents.models import Document
from partnerwerk.partnerships.models import Step
from partnerwerk.projects.models import Project
from partnerwerk.testing import make_activity, make_partnership, make_project

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def document(key, kind="photo", visibility="public", name="photo.png", content=PNG, **parent):
    doc = Document(key=key, kind=kind, title_de="Delegation", visibility=visibility)
    if not parent:
        parent = {"project": make_project()}
    for name_of_parent, record in parent.items():
        setattr(doc, name_of_parent, record)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


def test_a_public_photo_is_shown_inline_with_its_type(client):
    document("public-photo")
    response = client.get("/files/public-photo/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "attachment" not in response.get("Content-Disposition", "")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PNG


def test_another_public_file_is_an_attachment(client):
    document("report", kind="report", name="report.pdf", content=b"%PDF-1.4 test")
    response = client.get("/files/report/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_an_internal_document_is_not_found(client):
    document("internal-photo", visibility="internal")
    assert client.get("/files/internal-photo/").status_code == 404


def test_a_deleted_document_is_not_found(client):
    doc = document("deleted-photo")
    Document.all_objects.filter(pk=doc.pk).update(deleted_at="2026-01-01T00:00:00Z")
    assert client.get("/files/deleted-photo/").status_code == 404


def test_a_public_document_of_an_internal_partnership_is_not_found(client):
    document("secret-visit", partnership=make_partnership(visibility="internal"))
    assert client.get("/files/secret-visit/").status_code == 404


def test_a_public_document_of_a_deleted_project_is_not_found(client):
    doc = document("orphan-report", kind="report", name="report.pdf", content=b"%PDF-1.4")
    Project.all_objects.filter(pk=doc.project_id).update(deleted_at="2026-01-01T00:00:00Z")
    assert client.get("/files/orphan-report/").status_code == 404


def test_a_public_document_of_an_internal_activity_or_its_internal_project_is_not_found(client):
    document("of-internal-activity", activity=make_activity(visibility="internal"))
    internal_project = make_project(visibility="internal")
    document("of-internal-project", activity=make_activity(project=internal_project))
    assert client.get("/files/of-internal-activity/").status_code == 404
    assert client.get("/files/of-internal-project/").status_code == 404


def test_a_public_document_of_a_proposed_step_is_not_found(client):
    partnership = make_partnership(steps=[{"kind": "start", "on": datetime.date(2020, 1, 1)}])
    step = Step.objects.get(partnership=partnership)
    document("of-a-step", step=step)
    assert client.get("/files/of-a-step/").status_code == 200
    Step.objects.filter(pk=step.pk).update(proposed_at="2026-01-01T00:00:00Z")
    assert client.get("/files/of-a-step/").status_code == 404


def test_a_public_document_of_public_records_is_served(client):
    document("public-visit", partnership=make_partnership())
    assert client.get("/files/public-visit/").status_code == 200
