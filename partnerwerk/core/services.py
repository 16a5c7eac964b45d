"""Writes every domain record shares: soft delete, undoing it, and going back to an earlier
version from its history (decision 0007). Nothing here removes a row or a history entry."""

import enum
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _


class _Unchanged(enum.Enum):
    UNCHANGED = "unchanged"


# The default of an update service's parameters: "leave this field as it is". None cannot
# say that, because None is a value a field may be set to (no end date, no programme).
UNCHANGED = _Unchanged.UNCHANGED
Unchanged = Literal[_Unchanged.UNCHANGED]


def changed_values(values: dict) -> dict:
    """The values an update service was given, without those left UNCHANGED."""
    return {name: value for name, value in values.items() if value is not UNCHANGED}


def unique_key(model, text: str) -> str:
    """A stable code made from a title: "besuch-in-kumasi", "besuch-in-kumasi-2", ..."""
    base = slugify(text)[:100] or model._meta.model_name
    key, number = base, 1
    while model._base_manager.filter(key=key).exists():
        number += 1
        key = f"{base}-{number}"
    return key


def record_save(record, *, actor, many: dict | None = None) -> None:
    """Validate and save a record, with a key made from its German title when it has none,
    the actor on its history entry, and its many-to-many links set afterwards."""
    if not record.key:
        record.key = unique_key(type(record), getattr(record, "title_de", "") or "")
    record.full_clean()
    attribute_history(record, actor)
    record.save()
    for name, values in (many or {}).items():
        getattr(record, name).set(values)


def permission_name(record, action: str) -> str:
    meta = record._meta
    return f"{meta.app_label}.{action}_{meta.model_name}"


def require_permission(actor, permission: str, record=None) -> None:
    """Services check the same rules as the views (actor None: the command line, loaders)."""
    if actor is not None and not actor.has_perm(permission, record):
        raise PermissionDenied(_("You may not do this."))


def attribute_history(record, actor) -> None:
    # simple-history takes the user from the request; outside one (the command line, tasks)
    # the service says who it was.
    if actor is not None:
        record._history_user = actor


@transaction.atomic
def record_soft_delete(*, actor, record):
    """Hide a record everywhere; an office member can undo it from the trash."""
    require_permission(actor, permission_name(record, "delete"), record)
    if record.deleted_at is not None:
        return record
    record.deleted_at = timezone.now()
    record.deleted_by = actor
    attribute_history(record, actor)
    record.save(update_fields=["deleted_at", "deleted_by", "updated_at"])
    return record


@transaction.atomic
def record_restore(*, actor, record):
    """Undo a soft delete."""
    require_permission(actor, "office.restore", record)
    if record.deleted_at is None:
        return record
    record.deleted_at = None
    record.deleted_by = None
    attribute_history(record, actor)
    record.save(update_fields=["deleted_at", "deleted_by", "updated_at"])
    return record


# Fields a restore of an earlier version never changes: they are derived or bookkeeping.
NOT_RESTORED = {"id", "created_at", "updated_at", "deleted_at", "deleted_by"}


@transaction.atomic
def record_revert(*, actor, record, history_id: int):
    """Set the record's fields back to the values of one of its history entries. The restore
    is itself a new history entry, so it can be undone the same way."""
    require_permission(actor, "office.restore", record)
    version = record.history.filter(history_id=history_id).first()
    if version is None:
        raise ValidationError(_("This version does not belong to this record."))
    editable = [
        field
        for field in record._meta.concrete_fields
        if field.editable and field.name not in NOT_RESTORED
    ]
    for field in editable:
        setattr(record, field.attname, getattr(version, field.attname))
    record.full_clean(validate_unique=True)
    attribute_history(record, actor)
    record._change_reason = _("restored the version of %(date)s") % {
        "date": timezone.localtime(version.history_date).strftime("%Y-%m-%d %H:%M")
    }
    record.save()
    return record


def source_upsert(
    *,
    key: str,
    title: str,
    url: str,
    seed_file: str,
    publisher: str,
    published: str,
    licence: str,
):
    """System import (the `load_reference` command; no per-user permission is checked):
    create or change the source with this key. Returns the source and what was done."""
    from partnerwerk.core.models import Source
    from partnerwerk.core.upsert import record_upsert

    return record_upsert(
        Source,
        lookup={"key": key},
        values={
            "title": title,
            "url": url,
            "seed_file": seed_file,
            "publisher": publisher,
            "published": published,
            "licence": licence,
        },
    )
