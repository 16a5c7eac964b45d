"""The mechanics of the system imports' writes (decision 0022), shared by the domain apps.

Nothing outside a domain app's `services.py` calls these: the reference loader, the IATI
reader and the spreadsheet importer call the typed import services of the app that owns the
record (`project_upsert`, `organisations_bulk_write`, ...), and those use these helpers. They
check no permission (the callers are management commands and the office's import, which
checks its own) and attribute history as the caller says.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, TypeVar

from django.db import models
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

# What an upsert did to a record; the loader's report counts these.
UpsertState = Literal["created", "changed", "unchanged"]
M = TypeVar("M", bound=models.Model)


def _current(obj: models.Model, name: str):
    value = getattr(obj, name)
    # A django-countries Country compares with its code.
    return getattr(value, "code", value) if name == "country" else value


def record_upsert(
    model: type[M],
    *,
    lookup: Mapping,
    values: Mapping,
    links: Mapping[str, Iterable[models.Model]] | None = None,
) -> tuple[M, UpsertState]:
    """Create the record found by `lookup`, or change the fields of `values` that differ;
    many-to-many `links` are set when they differ. A record that already matches is not
    saved, so loading the same data twice writes nothing."""
    obj = model.objects.filter(**lookup).first()
    state: UpsertState
    if obj is None:
        obj = model(**lookup, **values)
        obj.save()
        state = "created"
    else:
        changed = [name for name, value in values.items() if _current(obj, name) != value]
        for name in changed:
            setattr(obj, name, values[name])
        if changed:
            obj.save()
        state = "changed" if changed else "unchanged"
    for name, wanted in (links or {}).items():
        wanted = list(wanted)
        manager = getattr(obj, name)
        if set(manager.values_list("pk", flat=True)) != {item.pk for item in wanted}:
            manager.set(wanted)
            state = "changed" if state == "unchanged" else state
    return obj, state


def records_bulk_write(
    model: type[models.Model],
    *,
    create: Sequence[models.Model] = (),
    update: Sequence[models.Model] = (),
    fields: Iterable[str] = (),
    user=None,
) -> None:
    """Insert `create` and save `fields` of `update` in bulk, each with its history entry
    (attributed to `user`)."""
    if create:
        bulk_create_with_history(list(create), model, default_user=user)
    if update:
        bulk_update_with_history(list(update), model, sorted(fields), default_user=user)


def links_replace(
    model: type[models.Model], *, attribute: str, links: Mapping[int, Iterable[int]]
) -> None:
    """Replace the many-to-many `attribute` of each record (by primary key) with the given
    primary keys, in two statements however many records there are."""
    descriptor = getattr(model, attribute)
    through = descriptor.through
    source_field = model._meta.model_name + "_id"
    target_field = descriptor.field.related_model._meta.model_name + "_id"
    rows = [
        through(**{source_field: pk, target_field: target})
        for pk, targets in links.items()
        for target in targets
    ]
    through.objects.filter(**{f"{source_field}__in": list(links)}).delete()
    through.objects.bulk_create(rows, batch_size=1000)
