"""Writes to partnerships.

Status and start date are derived here, from the steps, and nowhere else.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerwerk.core.models import DatePrecision
from partnerwerk.core.services import require_permission
from partnerwerk.partnerships.models import (
    START_KINDS,
    STATUS_AFTER_KIND,
    Partnership,
    PartnershipStatus,
    Step,
)


def step_default_status_after(kind: str) -> str:
    return STATUS_AFTER_KIND.get(kind) or ""


def partnership_refresh_status(*, partnership: Partnership) -> Partnership:
    """Set status and start date from the steps: the last status-changing step wins."""
    steps = list(partnership.steps.order_by("date", "id"))
    status = PartnershipStatus.PROPOSED
    for step in steps:
        if step.status_after:
            status = step.status_after
    start = next((step for step in steps if step.kind in START_KINDS), None)
    since = start.date if start else None
    since_precision = start.date_precision if start else ""
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
def step_update(*, actor, step: Step, **fields) -> Step:
    require_permission(actor, "partnerships.change_step", step)
    sources = fields.pop("sources", None)
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
def partnership_create(*, actor, sources=(), themes=(), **fields) -> Partnership:
    require_permission(actor, "partnerships.add_partnership")
    partnership_validate_places(home=fields.get("home"), partner=fields.get("partner"))
    partnership = Partnership(**fields)
    partnership.full_clean()
    partnership.save()
    partnership.sources.set(sources)
    partnership.themes.set(themes)
    return partnership


@transaction.atomic
def partnership_update(*, actor, partnership: Partnership, **fields) -> Partnership:
    require_permission(actor, "partnerships.change_partnership", partnership)
    many = {name: fields.pop(name) for name in ("sources", "themes") if name in fields}
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
