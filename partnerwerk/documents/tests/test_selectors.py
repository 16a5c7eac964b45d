"""Public reads of documents and photos (documents/selectors.py)."""

import pytest

from partnerwerk.documents import selectors
from partnerwerk.documents.models import Document, DocumentVersion
from partnerwerk.projects.models import Project
from partnerwerk.testing import make_project

pytestmark = pytest.mark.django_db


def _document(**fields) -> Document:
    fields.setdefault("visibility", "public")
    fields.setdefault("kind", "report")
    return Document.objects.create(title_de="Dokument", **fields)


def test_a_public_document_is_found_with_its_versions_newest_first():
    document = _document(key="bericht", file="documents/2024/b2.pdf")
    for number in (1, 2):
        DocumentVersion.objects.create(
            document=document, number=number, file=f"documents/versions/2024/b{number}.pdf"
        )
    found = selectors.public_document(key="bericht")
    assert found == document
    assert [version.number for version in found.versions.all()] == [2, 1]


def test_an_internal_document_or_one_of_an_internal_project_is_not_found():
    _document(key="intern", visibility="internal")
    _document(key="of-internal", project=make_project(visibility="internal"))
    assert selectors.public_document(key="intern") is None
    assert selectors.public_document(key="of-internal") is None
    assert selectors.public_document(key="missing") is None


def test_a_record_shows_only_its_public_photos_that_have_a_file():
    project = make_project()
    shown = _document(key="shown", kind="photo", file="documents/2024/a.jpg", project=project)
    _document(key="no-file", kind="photo", project=project)
    _document(key="report", kind="report", file="documents/2024/r.pdf", project=project)
    _document(
        key="internal",
        kind="photo",
        file="documents/2024/i.jpg",
        visibility="internal",
        project=project,
    )
    loaded = Project.objects.prefetch_related(selectors.public_photos_prefetch()).get(pk=project.pk)
    assert loaded.public_photos == [shown]
