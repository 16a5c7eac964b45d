"""Writes to partnerships.

Status and start date are derived here, from the steps, and nowhere else.
"""

import datetime
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerwerk.core.models import DatePrecision, Source, Visibility
from partnerwerk.core.services import UNCHANGED, Unchanged, changed_values, require_permission
from partnerwerk.partnerships.models import (
    STATUS_AFTER_KIND,
    Partnership,
    PartnershipOrigin,
    Step,
    Theme,
)
from partnerwerk.partnerships.status import derive_status
from partnerwerk.places.models import Place


def step_default_status_after(kind: str) -> str:
    return STATUS_AFTER_KIND.get(kind) or ""


def partnership_refresh_status(*, partnership: Partnership) -> Partnership:
    """Set status and start date from the steps: the last status-changing step wins."""
    derived = derive_status(partnership.steps.order_by("date", "id"))
    status, since, since_precision = derived.status, derived.since, derived.since_precision
    if (partnership.status, partnership.since, partnership.since_precision) != (
        status,
        since,
        since_precision,
    ):
        partnership.status = status
        partnership.since = since
        partnership.since_precision = since_precision
        Partnership.objects.filter(pk=partnership.pk).update(
            status=status, since=since, since_precision=since_precision
        )
    return partnership


def partnerships_prepare_bulk(
    *, kind: str, origin: str, visibility: str, steps: Sequence[Sequence[Step]]
) -> list[Partnership]:
    """Unsaved partnerships, one per list of unsaved `steps`, each with the status and start
    date its steps give (derive_status), for an import that inserts the rows itself in bulk
    (the registry's, about 25,000 at once); it saves nothing."""
    partnerships = []
    for own_steps in steps:
        derived = derive_status(own_steps)
        partnerships.append(
            Partnership(
                kind=kind,
                origin=origin,
                visibility=visibility,
                status=derived.status,
                since=derived.since,
                since_precision=derived.since_precision,
            )
        )
    return partnerships


@transaction.atomic
def partnership_add_step(
    *,
    partnership: Partnership,
    kind: str,
    on: datetime.date,
    precision: str = DatePrecision.DAY,
    status_after: str | None = None,
    decision_body: str = "",
    note_de: str = "",
    note_en: str = "",
    sources=(),
    actor=None,
) -> Step:
    require_permission(actor, "partnerships.add_step", partnership)
    if on is None:
        raise ValidationError(_("A step needs a date."))
    step = Step.objects.create(
        partnership=partnership,
        kind=kind,
        date=on,
        date_precision=precision,
        status_after=step_default_status_after(kind) if status_after is None else status_after,
        decision_body=decision_body,
        note_de=note_de,
        note_en=note_en,
    )
    if sources:
        step.sources.set(sources)
    partnership_refresh_status(partnership=partnership)
    return step


@transaction.atomic
def step_propose(
    *,
    actor,
    partnership: Partnership,
    kind: str,
    on: datetime.date,
    precision: str = DatePrecision.DAY,
    decision_body: str = "",
    note_de: str = "",
    note_en: str = "",
    sources=(),
) -> Step:
    """A step that waits for an office member's confirmation; until then it changes neither
    the partnership's status nor its start date, and no public page shows it."""
    require_permission(actor, "partnerships.propose_step", partnership)
    if on is None:
        raise ValidationError(_("A step needs a date."))
    step = Step.all_objects.create(
        partnership=partnership,
        kind=kind,
        date=on,
        date_precision=precision,
        status_after=step_default_status_after(kind),
        decision_body=decision_body,
        note_de=note_de,
        note_en=note_en,
        proposed_by=actor,
        proposed_at=timezone.now(),
    )
    if sources:
        step.sources.set(sources)
    return step


@transaction.atomic
def step_confirm(*, actor, step: Step) -> Step:
    """Put a proposed step in force and derive the partnership's status anew."""
    require_permission(actor, "partnerships.confirm_step", step)
    if step.proposed_at is None or step.confirmed_at is not None:
        raise ValidationError(_("This step does not await confirmation."))
    if step.deleted_at is not None:
        raise ValidationError(_("A deleted step cannot be confirmed."))
    step.confirmed_by = actor
    step.confirmed_at = timezone.now()
    step.save(update_fields=["confirmed_by", "confirmed_at", "updated_at"])
    partnership_refresh_status(partnership=step.partnership)
    return step


@transaction.atomic
def step_update(
    *,
    actor,
    step: Step,
    kind: str | Unchanged = UNCHANGED,
    date: datetime.date | None | Unchanged = UNCHANGED,
    date_precision: str | Unchanged = UNCHANGED,
    status_after: str | Unchanged = UNCHANGED,
    decision_body: str | Unchanged = UNCHANGED,
    note_de: str | Unchanged = UNCHANGED,
    note_en: str | Unchanged = UNCHANGED,
    sources: Iterable[Source] | None | Unchanged = UNCHANGED,
) -> Step:
    """Change the fields given (the others stay as they are) and derive the status anew."""
    require_permission(actor, "partnerships.change_step", step)
    sources = None if sources is UNCHANGED else sources
    fields = changed_values(
        {
            "kind": kind,
            "date": date,
            "date_precision": date_precision,
            "status_after": status_after,
            "decision_body": decision_body,
            "note_de": note_de,
            "note_en": note_en,
        }
    )
    if fields.get("date", step.date) is None:
        raise ValidationError(_("A step needs a date."))
    for name, value in fields.items():
        setattr(step, name, value)
    step.full_clean(exclude=["partnership", "proposed_by", "confirmed_by", "deleted_by"])
    step.save()
    if sources is not None:
        step.sources.set(sources)
    partnership_refresh_status(partnership=step.partnership)
    return step


@transaction.atomic
def partnership_create(
    *,
    actor,
    key: str,
    home: Place,
    partner: Place,
    kind: str,
    origin: str = PartnershipOrigin.CURATED,
    visibility: str = Visibility.PUBLIC,
    description_de: str = "",
    description_en: str = "",
    succeeds: Partnership | None = None,
    sources: Iterable[Source] = (),
    themes: Iterable[Theme] = (),
) -> Partnership:
    """A new partnership; its status and start date come from its steps, none yet."""
    require_permission(actor, "partnerships.add_partnership")
    partnership_validate_places(home=home, partner=partner)
    partnership = Partnership(
        key=key,
        home=home,
        partner=partner,
        kind=kind,
        origin=origin,
        visibility=visibility,
        description_de=description_de,
        description_en=description_en,
        succeeds=succeeds,
    )
    partnership.full_clean()
    partnership.save()
    partnership.sources.set(sources)
    partnership.themes.set(themes)
    return partnership


@transaction.atomic
def partnership_update(
    *,
    actor,
    partnership: Partnership,
    key: str | Unchanged = UNCHANGED,
    home: Place | Unchanged = UNCHANGED,
    partner: Place | Unchanged = UNCHANGED,
    kind: str | Unchanged = UNCHANGED,
    origin: str | Unchanged = UNCHANGED,
    visibility: str | Unchanged = UNCHANGED,
    description_de: str | Unchanged = UNCHANGED,
    description_en: str | Unchanged = UNCHANGED,
    succeeds: Partnership | None | Unchanged = UNCHANGED,
    sources: Iterable[Source] | Unchanged = UNCHANGED,
    themes: Iterable[Theme] | Unchanged = UNCHANGED,
) -> Partnership:
    """Change the fields given (the others stay as they are); never the status."""
    require_permission(actor, "partnerships.change_partnership", partnership)
    many = changed_values({"sources": sources, "themes": themes})
    fields = changed_values(
        {
            "key": key,
            "home": home,
            "partner": partner,
            "kind": kind,
            "origin": origin,
            "visibility": visibility,
            "description_de": description_de,
            "description_en": description_en,
            "succeeds": succeeds,
        }
    )
    for name, value in fields.items():
        setattr(partnership, name, value)
    partnership_validate_places(home=partnership.home, partner=partnership.partner)
    partnership.full_clean()
    partnership.save()
    for name, values in many.items():
        getattr(partnership, name).set(values)
    return partnership


def partnership_validate_places(*, home, partner) -> None:
    if home is not None and partner is not None and home.pk == partner.pk:
        raise ValidationError(_("A place cannot be in a partnership with itself."))


@transaction.atomic
def step_delete(*, actor, step: Step) -> Step:
    """Soft-delete a step (or withdraw a proposal) and derive the status anew."""
    from partnerwerk.core.services import record_soft_delete

    record_soft_delete(actor=actor, record=step)
    partnership_refresh_status(partnership=step.partnership)
    return step


@transaction.atomic
def step_restore(*, actor, step: Step) -> Step:
    from partnerwerk.core.services import record_restore

    record_restore(actor=actor, record=step)
    partnership_refresh_status(partnership=step.partnership)
    return step


# The system imports (reference loader, IATI reader, spreadsheet import) write through
# `services_import.py` (decision 0022).
