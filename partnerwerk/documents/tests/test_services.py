"""The one write path of documents and their files (documents/services.py)."""

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from partnerwerk.documents import services
from partnerwerk.documents.models import Document, DocumentVersion
from partnerwerk.testing import make_partnership, make_project, make_source, make_user

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _pdf(name="report.pdf", body=b"content") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF + body, content_type="application/pdf")


def test_a_viewer_cannot_add_a_document():
    with pytest.raises(PermissionDenied):
        services.document_create(actor=make_user(role="viewer"), title_de="Bericht", kind="report")
    assert not Document.all_objects.exists()


def test_a_counterpart_adds_documents_to_their_partnership_and_to_no_other():
    own, other = make_partnership(), make_partnership()
    counterpart = make_user(role="counterpart", partnership=own)
    document = services.document_create(
        actor=counterpart, title_de="Protokoll", kind="report", partnership=own
    )
    assert document.partnership == own
    with pytest.raises(PermissionDenied):
        services.document_create(
            actor=counterpart, title_de="Protokoll", kind="report", partnership=other
        )


def test_a_counterpart_cannot_move_a_document_to_a_partnership_that_is_not_theirs():
    own, other = make_partnership(), make_partnership()
    counterpart = make_user(role="counterpart", partnership=own)
    document = services.document_create(
        actor=counterpart, title_de="Protokoll", kind="report", partnership=own
    )
    with pytest.raises(PermissionDenied):
        services.document_update(actor=counterpart, document=document, partnership=other)
    document.refresh_from_db()
    assert document.partnership == own


def test_a_document_without_a_key_gets_one_from_its_german_title():
    first = services.document_create(actor=None, title_de="Vertrag über Schulen", kind="mou")
    second = services.document_create(actor=None, title_de="Vertrag über Schulen", kind="mou")
    assert (first.key, second.key) == ("vertrag-uber-schulen", "vertrag-uber-schulen-2")


def test_a_new_document_is_internal_until_someone_publishes_it():
    document = services.document_create(actor=None, title_de="Foto", kind="photo")
    assert document.visibility == "internal"
    assert not Document.objects.public().exists()


def test_an_upload_is_kept_under_a_generated_name_as_version_one():
    document = services.document_create(
        actor=None, title_de="Bericht", kind="report", upload=_pdf("../../etc/passwd.pdf")
    )
    name = Path(document.file.name).name
    assert "passwd" not in name and name.endswith(".pdf")
    version = DocumentVersion.objects.get(document=document)
    assert (version.number, version.file.name) == (1, document.file.name)


def test_a_file_that_only_claims_to_be_a_pdf_is_refused():
    upload = SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>", "application/pdf")
    with pytest.raises(ValidationError) as error:
        services.document_create(actor=None, title_de="Bericht", kind="report", upload=upload)
    assert "file" in error.value.message_dict
    assert not Document.all_objects.exists()


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.PARTNERWERK_UPLOAD_MAX_MB = 0
    with pytest.raises(ValidationError):
        services.document_create(actor=None, title_de="Bericht", kind="report", upload=_pdf())


def test_a_new_upload_becomes_the_next_version_and_the_earlier_file_stays():
    document = services.document_create(
        actor=None, title_de="Bericht", kind="report", upload=_pdf(body=b"first")
    )
    first_file = document.file.name
    services.document_update(actor=None, document=document, upload=_pdf(body=b"second"))
    versions = list(DocumentVersion.objects.filter(document=document).order_by("number"))
    assert [version.number for version in versions] == [1, 2]
    assert versions[0].file.name == first_file
    assert versions[1].file.name == document.file.name != first_file
    assert versions[0].file.storage.exists(first_file)


def test_an_update_changes_the_fields_given_and_keeps_the_others():
    project = make_project()
    document = services.document_create(
        actor=None, title_de="Bericht", title_en="Report", kind="report", project=project
    )
    services.document_update(actor=None, document=document, title_de="Jahresbericht")
    document.refresh_from_db()
    assert (document.title_de, document.title_en, document.project) == (
        "Jahresbericht",
        "Report",
        project,
    )


def test_the_history_names_who_changed_the_document():
    office = make_user(role="office")
    document = services.document_create(actor=office, title_de="Bericht", kind="report")
    services.document_update(actor=office, document=document, visibility="public")
    entries = list(document.history.order_by("history_date"))
    assert [entry.visibility for entry in entries] == ["internal", "public"]
    assert {entry.history_user for entry in entries} == {office}


def test_a_document_upsert_creates_once_and_then_finds_nothing_to_change():
    values = {
        "key": "vertrag-2011",
        "kind": "agreement",
        "status": "signed",
        "title_de": "Vertrag",
        "title_en": "Agreement",
        "date": None,
        "date_precision": "",
        "credit": "",
        "alt_text_de": "",
        "alt_text_en": "",
        "visibility": "public",
        "partnership": make_partnership(),
        "project": None,
        "activity": None,
        "sources": [make_source()],
    }
    assert services.document_upsert(**values)[1] == "created"
    assert services.document_upsert(**values)[1] == "unchanged"
    assert services.document_upsert(**{**values, "title_en": "Treaty"})[1] == "changed"
    assert Document.objects.filter(key="vertrag-2011").count() == 1
