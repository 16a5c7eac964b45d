"""Small writes for projects, activities and documents that their apps do not offer yet.

Each checks the same permission as the office view (and more: a department editor or a
counterpart cannot link a record to a partnership or project outside their reach), saves in
one transaction and leaves a history entry.
"""

import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from partnerwerk.accounts.rules import is_office_staff
from partnerwerk.core.services import attribute_history, require_permission
from partnerwerk.documents.models import Document, DocumentVersion
from partnerwerk.projects.models import Activity, Project

MANY_FIELDS = ("partnerships", "themes", "sources")


def unique_key(model, text: str) -> str:
    """A stable code made from a title: "besuch-in-kumasi", "besuch-in-kumasi-2", ..."""
    base = slugify(text)[:100] or model._meta.model_name
    key, number = base, 1
    while model._base_manager.filter(key=key).exists():
        number += 1
        key = f"{base}-{number}"
    return key


def _check_links(actor, *, partnerships=(), project=None, before=None) -> None:
    """Someone who is not office staff may only link a record to partnerships and projects
    they may add to, so an edit never reaches into another organisation's or city's data."""
    if actor is None or is_office_staff(actor):
        return
    already = set()
    if before is not None:
        already = set(before.partnerships.values_list("pk", flat=True))
    for partnership in partnerships:
        if partnership.pk not in already and not actor.has_perm(
            "projects.add_activity", partnership
        ):
            raise PermissionDenied(_("You may not link records to this partnership."))
    moved = project is not None and (before is None or before.project_id != project.pk)
    if moved and not actor.has_perm("projects.add_activity", project):
        raise PermissionDenied(_("You may not link records to this project."))


def _save(record, many: dict, actor) -> None:
    if not record.key:
        record.key = unique_key(type(record), getattr(record, "title_de", "") or "")
    record.full_clean()
    attribute_history(record, actor)
    record.save()
    for name, values in many.items():
        getattr(record, name).set(values)


def _split(fields: dict) -> dict:
    return {name: fields.pop(name) for name in MANY_FIELDS if name in fields}


@transaction.atomic
def project_create(*, actor, **fields) -> Project:
    require_permission(actor, "projects.add_project")
    many = _split(fields)
    project = Project(**fields)
    _save(project, many, actor)
    return project


@transaction.atomic
def project_update(*, actor, project: Project, **fields) -> Project:
    require_permission(actor, "projects.change_project", project)
    many = _split(fields)
    _check_links(actor, partnerships=many.get("partnerships", ()), before=project)
    for name, value in fields.items():
        setattr(project, name, value)
    _save(project, many, actor)
    return project


@transaction.atomic
def activity_create(*, actor, subject=None, **fields) -> Activity:
    """A new activity; `subject` is the partnership or project it is added to (what a
    department editor or a counterpart needs permission for)."""
    require_permission(actor, "projects.add_activity", subject)
    many = _split(fields)
    partnerships = list(many.get("partnerships", ()))
    if subject is not None and subject._meta.model_name == "partnership":
        if subject not in partnerships:
            partnerships.append(subject)
        many["partnerships"] = partnerships
    elif subject is not None:
        fields["project"] = subject
    _check_links(actor, partnerships=partnerships, project=fields.get("project"))
    activity = Activity(**fields)
    _save(activity, many, actor)
    return activity


@transaction.atomic
def activity_update(*, actor, activity: Activity, **fields) -> Activity:
    require_permission(actor, "projects.change_activity", activity)
    many = _split(fields)
    _check_links(
        actor,
        partnerships=many.get("partnerships", ()),
        project=fields.get("project"),
        before=activity,
    )
    for name, value in fields.items():
        setattr(activity, name, value)
    _save(activity, many, actor)
    # The edit must not take the activity out of the editor's own reach.
    require_permission(actor, "projects.change_activity", activity)
    return activity


# --- documents and their files -----------------------------------------------------------

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


def check_upload(upload) -> str:
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


def _attach(document: Document, upload) -> None:
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


@transaction.atomic
def document_create(*, actor, upload=None, **fields) -> Document:
    subject = fields.get("partnership") or fields.get("project") or fields.get("activity")
    require_permission(actor, "documents.add_document", subject)
    many = _split(fields)
    document = Document(**fields)
    if upload is not None:
        _attach(document, upload)
    _save(document, many, actor)
    if upload is not None:
        _record_version(document, actor)
    return document


@transaction.atomic
def document_update(*, actor, document: Document, upload=None, **fields) -> Document:
    require_permission(actor, "documents.change_document", document)
    many = _split(fields)
    for name, value in fields.items():
        setattr(document, name, value)
    subject = _subject_of(document)
    if subject is not None and not actor_may_add_document(actor, subject):
        raise PermissionDenied(_("You may not attach documents to this record."))
    if upload is not None:
        _attach(document, upload)
    _save(document, many, actor)
    if upload is not None:
        _record_version(document, actor)
    return document


def actor_may_add_document(actor, subject) -> bool:
    return actor is None or actor.has_perm("documents.add_document", subject)
