"""Writes of documents and their files: the one place a document is created or changed, and
an upload is checked and kept as a version (decision 0020).

Each service checks the permission itself (actor None: the command line, loaders), saves in
one transaction and leaves a history entry with the actor on it.
"""

import datetime
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import models, transaction
from django.utils.translation import gettext as _

from partnerwerk.core.models import Source, Visibility
from partnerwerk.core.services import (
    UNCHANGED,
    Unchanged,
    changed_values,
    record_save,
    require_permission,
)
from partnerwerk.core.upsert import UpsertState, record_upsert
from partnerwerk.documents.models import Document, DocumentStatus, DocumentVersion

# The file types the office accepts, recognised by their first bytes (never by the name or
# the browser's claim): a type the office does not know is refused.
SIGNATURES = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
)


def sniff_file_type(head: bytes) -> tuple[str, str] | None:
    """(content type, extension) from a file's first bytes, or None when not accepted."""
    for signature, content_type, extension in SIGNATURES:
        if head.startswith(signature):
            return content_type, extension
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp", ".webp"
    return None


def check_upload(upload: File) -> str:
    """The extension for an accepted upload; ValidationError for a wrong size or type."""
    limit = settings.PARTNERWERK_UPLOAD_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(
            {
                "file": _("The file is larger than %(size)s MB.")
                % {"size": settings.PARTNERWERK_UPLOAD_MAX_MB}
            }
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    found = sniff_file_type(head)
    if found is None:
        raise ValidationError({"file": _("Only PDF, JPEG, PNG and WebP files are accepted.")})
    return found[1]


def _attach(document: Document, upload: File) -> None:
    extension = check_upload(upload)
    # A generated name: nothing the uploader chose reaches the file system.
    document.file.save(f"{uuid.uuid4().hex}{extension}", upload, save=False)


def _record_version(document: Document, actor) -> DocumentVersion:
    """Every upload is a new version; the document's own file is the newest one, and the
    files of earlier versions stay (each upload has its own generated name)."""
    latest = DocumentVersion.all_objects.filter(document=document).order_by("-number").first()
    version = DocumentVersion(
        document=document,
        number=(latest.number + 1) if latest else 1,
        uploaded_by=actor,
    )
    version.file.name = document.file.name
    version.save()
    return version


def _subject_of(document: Document):
    return document.partnership or document.project or document.activity


def actor_may_add_document(actor, subject: models.Model | None) -> bool:
    return actor is None or actor.has_perm("documents.add_document", subject)


# The records a document is attached to (a partnership, project or activity) are typed as
# models only: documents sit below partnerships and projects and import neither.
@transaction.atomic
def document_create(
    *,
    actor: AbstractBaseUser | None,
    title_de: str,
    kind: str,
    upload: File | None = None,
    key: str = "",
    status: str = DocumentStatus.FINAL,
    title_en: str = "",
    date: datetime.date | None = None,
    date_precision: str = "",
    credit: str = "",
    alt_text_de: str = "",
    alt_text_en: str = "",
    visibility: str = Visibility.INTERNAL,
    partnership: models.Model | None = None,
    project: models.Model | None = None,
    activity: models.Model | None = None,
    sources: Iterable[Source] = (),
) -> Document:
    """A new document attached to at most one record (the one the actor needs permission
    for); an upload is checked by its first bytes and kept as version 1."""
    require_permission(actor, "documents.add_document", partnership or project or activity)
    document = Document(
        key=key or "",
        kind=kind,
        status=status,
        title_de=title_de,
        title_en=title_en,
        date=date,
        date_precision=date_precision,
        credit=credit,
        alt_text_de=alt_text_de,
        alt_text_en=alt_text_en,
        visibility=visibility,
        partnership=partnership,
        project=project,
        activity=activity,
    )
    if upload is not None:
        _attach(document, upload)
    record_save(document, actor=actor, many={"sources": sources})
    if upload is not None:
        _record_version(document, actor)
    return document


@transaction.atomic
def document_update(
    *,
    actor: AbstractBaseUser | None,
    document: Document,
    upload: File | None = None,
    key: str | Unchanged = UNCHANGED,
    kind: str | Unchanged = UNCHANGED,
    status: str | Unchanged = UNCHANGED,
    title_de: str | Unchanged = UNCHANGED,
    title_en: str | Unchanged = UNCHANGED,
    date: datetime.date | None | Unchanged = UNCHANGED,
    date_precision: str | Unchanged = UNCHANGED,
    credit: str | Unchanged = UNCHANGED,
    alt_text_de: str | Unchanged = UNCHANGED,
    alt_text_en: str | Unchanged = UNCHANGED,
    visibility: str | Unchanged = UNCHANGED,
    partnership: models.Model | None | Unchanged = UNCHANGED,
    project: models.Model | None | Unchanged = UNCHANGED,
    activity: models.Model | None | Unchanged = UNCHANGED,
    sources: Iterable[Source] | Unchanged = UNCHANGED,
) -> Document:
    """Change the fields given; the record the document ends up attached to must be one the
    actor may add documents to. An upload becomes the document's newest version."""
    require_permission(actor, "documents.change_document", document)
    fields = changed_values(
        {
            "key": key,
            "kind": kind,
            "status": status,
            "title_de": title_de,
            "title_en": title_en,
            "date": date,
            "date_precision": date_precision,
            "credit": credit,
            "alt_text_de": alt_text_de,
            "alt_text_en": alt_text_en,
            "visibility": visibility,
            "partnership": partnership,
            "project": project,
            "activity": activity,
        }
    )
    for name, value in fields.items():
        setattr(document, name, value)
    subject = _subject_of(document)
    if subject is not None and not actor_may_add_document(actor, subject):
        raise PermissionDenied(_("You may not attach documents to this record."))
    if upload is not None:
        _attach(document, upload)
    many = {} if sources is UNCHANGED else {"sources": sources}
    record_save(document, actor=actor, many=many)
    if upload is not None:
        _record_version(document, actor)
    return document


# --- system imports (decision 0022) --------------------------------------------------------


def document_upsert(
    *,
    key: str,
    kind: str,
    status: str,
    title_de: str,
    title_en: str,
    date: datetime.date | None,
    date_precision: str,
    credit: str,
    alt_text_de: str,
    alt_text_en: str,
    visibility: str,
    partnership: models.Model | None,
    project: models.Model | None,
    activity: models.Model | None,
    sources: Iterable[Source],
) -> tuple[Document, UpsertState]:
    """System import (the `load_reference` command; no per-user permission is checked, and
    no file is attached): create or change the document record with this key, which belongs
    to a partnership, a project or an activity."""
    return record_upsert(
        Document,
        lookup={"key": key},
        values={
            "kind": kind,
            "status": status,
            "title_de": title_de,
            "title_en": title_en,
            "credit": credit,
            "alt_text_de": alt_text_de,
            "alt_text_en": alt_text_en,
            "visibility": visibility,
            "date": date,
            "date_precision": date_precision,
            "partnership": partnership,
            "project": project,
            "activity": activity,
        },
        links={"sources": sources},
    )
