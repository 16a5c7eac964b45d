"""Files of documents reach visitors only through the visibility-checked file view."""

import pytest
from django.core.files.base import ContentFile

from partnerwerk.core.testing import make_project
from partnerwerk.documents.models import Document

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def document(key, kind="photo", visibility="public", name="photo.png", content=PNG):
    doc = Document(key=key, kind=kind, title_de="Delegation", visibility=visibility)
    doc.project = make_project()
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
