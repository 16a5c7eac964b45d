"""Writes to partnerships.

Status and start date are derived here, from the steps, and nowhere else.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerwerk.core.models import DatePrecision
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
) -> Step:
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


def partnership_validate_places(*, home, partner) -> None:
    if home is not None and partner is not None and home.pk == partner.pk:
        raise ValidationError(_("A place cannot be in a partnership with itself."))
