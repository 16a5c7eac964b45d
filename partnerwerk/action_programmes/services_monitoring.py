"""Writes of what monitors a joint programme: indicators, their readings, and the reviews
the partners hold (decision 0029)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerwerk.action_programmes.models import Goal, Indicator, JointProgramme, Reading, Review
from partnerwerk.action_programmes.services import User, apply, write
from partnerwerk.core.services import UNCHANGED, Unchanged, require_permission
from partnerwerk.documents.models import Document

# --- indicators ----------------------------------------------------------------------------------


@transaction.atomic
def indicator_create(
    *,
    actor: User,
    goal: Goal,
    title_de: str = "",
    title_en: str = "",
    unit_de: str = "",
    unit_en: str = "",
    baseline_value: Decimal | None = None,
    baseline_date: datetime.date | None = None,
    target_value: Decimal | None = None,
    target_date: datetime.date | None = None,
    position: int = 0,
) -> Indicator:
    require_permission(actor, "action_programmes.add_indicator", goal)
    indicator = Indicator(
        goal=goal,
        title_de=title_de,
        title_en=title_en,
        unit_de=unit_de,
        unit_en=unit_en,
        baseline_value=baseline_value,
        baseline_date=baseline_date,
        target_value=target_value,
        target_date=target_date,
        position=position,
    )
    write(indicator, actor=actor)
    return indicator


@transaction.atomic
def indicator_update(
    *,
    actor: User,
    indicator: Indicator,
    title_de: str | Unchanged = UNCHANGED,
    title_en: str | Unchanged = UNCHANGED,
    unit_de: str | Unchanged = UNCHANGED,
    unit_en: str | Unchanged = UNCHANGED,
    baseline_value: Decimal | None | Unchanged = UNCHANGED,
    baseline_date: datetime.date | None | Unchanged = UNCHANGED,
    target_value: Decimal | None | Unchanged = UNCHANGED,
    target_date: datetime.date | None | Unchanged = UNCHANGED,
    position: int | Unchanged = UNCHANGED,
) -> Indicator:
    require_permission(actor, "action_programmes.change_indicator", indicator)
    apply(
        indicator,
        {
            "title_de": title_de,
            "title_en": title_en,
            "unit_de": unit_de,
            "unit_en": unit_en,
            "baseline_value": baseline_value,
            "baseline_date": baseline_date,
            "target_value": target_value,
            "target_date": target_date,
            "position": position,
        },
    )
    write(indicator, actor=actor)
    return indicator


# --- readings ------------------------------------------------------------------------------------


def _check_reading_date(reading: Reading) -> None:
    """A reading is measured on a day that has come, not before the indicator's baseline
    (the constraint the database cannot state across two tables)."""
    if reading.measured_on is None:
        return
    if reading.measured_on > timezone.localdate():
        raise ValidationError({"measured_on": _("A value cannot be measured in the future.")})
    baseline_date = reading.indicator.baseline_date
    if baseline_date is not None and reading.measured_on < baseline_date:
        raise ValidationError(
            {"measured_on": _("A value cannot be measured before the indicator's baseline.")}
        )


@transaction.atomic
def reading_create(
    *,
    actor: User,
    indicator: Indicator,
    value: Decimal,
    measured_on: datetime.date,
    evidence_de: str = "",
    evidence_en: str = "",
    document: Document | None = None,
) -> Reading:
    """A value of an indicator, entered by `actor` (office staff, a counterpart of the
    partnership, or a department editor whose organisation takes part in it)."""
    require_permission(actor, "action_programmes.add_reading", indicator)
    reading = Reading(
        indicator=indicator,
        value=value,
        measured_on=measured_on,
        entered_by=actor,
        evidence_de=evidence_de,
        evidence_en=evidence_en,
        document=document,
    )
    _check_reading_date(reading)
    write(reading, actor=actor)
    return reading


@transaction.atomic
def reading_update(
    *,
    actor: User,
    reading: Reading,
    value: Decimal | Unchanged = UNCHANGED,
    measured_on: datetime.date | Unchanged = UNCHANGED,
    evidence_de: str | Unchanged = UNCHANGED,
    evidence_en: str | Unchanged = UNCHANGED,
    document: Document | None | Unchanged = UNCHANGED,
) -> Reading:
    require_permission(actor, "action_programmes.change_reading", reading)
    apply(
        reading,
        {
            "value": value,
            "measured_on": measured_on,
            "evidence_de": evidence_de,
            "evidence_en": evidence_en,
            "document": document,
        },
    )
    _check_reading_date(reading)
    write(reading, actor=actor)
    return reading


# --- reviews -------------------------------------------------------------------------------------


@transaction.atomic
def review_create(
    *,
    actor: User,
    programme: JointProgramme,
    held_on: datetime.date,
    decisions_de: str = "",
    decisions_en: str = "",
    title_de: str = "",
    title_en: str = "",
    document: Document | None = None,
) -> Review:
    require_permission(actor, "action_programmes.add_review", programme)
    review = Review(
        programme=programme,
        held_on=held_on,
        title_de=title_de,
        title_en=title_en,
        decisions_de=decisions_de,
        decisions_en=decisions_en,
        document=document,
    )
    write(review, actor=actor)
    return review


@transaction.atomic
def review_update(
    *,
    actor: User,
    review: Review,
    held_on: datetime.date | Unchanged = UNCHANGED,
    title_de: str | Unchanged = UNCHANGED,
    title_en: str | Unchanged = UNCHANGED,
    decisions_de: str | Unchanged = UNCHANGED,
    decisions_en: str | Unchanged = UNCHANGED,
    document: Document | None | Unchanged = UNCHANGED,
) -> Review:
    require_permission(actor, "action_programmes.change_review", review)
    apply(
        review,
        {
            "held_on": held_on,
            "title_de": title_de,
            "title_en": title_en,
            "decisions_de": decisions_de,
            "decisions_en": decisions_en,
            "document": document,
        },
    )
    write(review, actor=actor)
    return review
