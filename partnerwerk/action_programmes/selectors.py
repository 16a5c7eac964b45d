"""Reads of joint programmes for the office, the PDF and the portal (decision 0029): each
page's queries are a fixed number, however many fields, goals, measures and readings."""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from partnerwerk.action_programmes.models import (
    FieldOfAction,
    Goal,
    Indicator,
    JointProgramme,
    Measure,
    MeasureComment,
    MeasureStatus,
    Reading,
    Review,
    StrategyLink,
)
from partnerwerk.action_programmes.progress import Progress, indicator_progress
from partnerwerk.actors.models import Organisation, Person
from partnerwerk.partnerships.models import Partnership


def partner_side_organisations(*, partnership: Partnership) -> QuerySet:
    """The organisations a partner city's counterpart may name as responsible: those in the
    partner city and those taking part in the partnership."""
    return Organisation.objects.filter(
        Q(place_id=partnership.partner_id)
        | Q(involvements__partnership=partnership, involvements__deleted_at__isnull=True)
    ).distinct()


def partner_side_people(*, partnership: Partnership) -> QuerySet:
    return Person.objects.filter(
        organisation__in=partner_side_organisations(partnership=partnership)
    )


def _measures() -> QuerySet:
    return Measure.objects.select_related(
        "home_organisation", "home_person", "partner_organisation", "partner_person"
    ).prefetch_related("projects", "activities")


def _indicators() -> QuerySet:
    return Indicator.objects.prefetch_related(
        Prefetch(
            "readings",
            queryset=Reading.objects.select_related("entered_by", "document").order_by(
                "measured_on", "id"
            ),
        )
    )


def programme_with_contents(programme_id: int, *, programmes: QuerySet) -> JointProgramme | None:
    """A programme (out of `programmes`, the ones the reader may read) with its strategies,
    fields, goals, measures, indicators with readings and reviews, in a fixed number of
    queries."""
    return (
        programmes.filter(pk=programme_id)
        .select_related("partnership__home", "partnership__partner")
        .prefetch_related(
            "sources",
            Prefetch(
                "strategies",
                queryset=StrategyLink.objects.select_related("source", "city_strategy"),
            ),
            Prefetch(
                "fields",
                queryset=FieldOfAction.objects.select_related("theme").prefetch_related(
                    "sources",
                    Prefetch(
                        "goals",
                        queryset=Goal.objects.prefetch_related(
                            Prefetch("measures", queryset=_measures()),
                            Prefetch("indicators", queryset=_indicators()),
                        ),
                    ),
                ),
            ),
            Prefetch("reviews", queryset=Review.objects.select_related("document")),
        )
        .first()
    )


def measure_comments(*, measure: Measure) -> list[MeasureComment]:
    return list(MeasureComment.objects.filter(measure=measure).select_related("author"))


# --- progress ------------------------------------------------------------------------------------


@dataclass
class IndicatorState:
    indicator: Indicator
    goal: Goal
    progress: Progress


@dataclass
class ProgrammeProgress:
    """What the progress view and the PDF show: measures by field and status, the late
    ones, and each indicator against its target."""

    statuses: list = field(default_factory=list)  # (code, label) in the order of the choices
    rows: list = field(default_factory=list)  # per field: its name and counts per status
    totals: Counter = field(default_factory=Counter)
    late: list = field(default_factory=list)
    indicators: list = field(default_factory=list)


def progress_of(programme: JointProgramme, *, today: datetime.date) -> ProgrammeProgress:
    """Progress of a programme loaded by `programme_with_contents` (no further queries)."""
    result = ProgrammeProgress(statuses=list(MeasureStatus.choices))
    for field_of_action in programme.fields.all():
        counts = Counter()
        for goal in field_of_action.goals.all():
            for measure in goal.measures.all():
                counts[measure.status] += 1
                result.totals[measure.status] += 1
                if measure.is_late(today):
                    result.late.append(measure)
            for indicator in goal.indicators.all():
                readings = [(r.measured_on, r.value) for r in indicator.readings.all()]
                progress = indicator_progress(
                    baseline=indicator.baseline_value,
                    target=indicator.target_value,
                    readings=readings,
                )
                result.indicators.append(IndicatorState(indicator, goal, progress))
        result.rows.append(
            {
                "field": field_of_action,
                "counts": [counts[code] for code, _label in result.statuses],
                "total": sum(counts.values()),
            }
        )
    result.late.sort(key=lambda measure: measure.end_date)
    return result


# --- the portal ----------------------------------------------------------------------------------


def public_programme(*, partnership: Partnership) -> JointProgramme | None:
    """The partnership's current programme if it is public, with only its public goals and
    their public measures (internal ones are never loaded)."""
    goals = Goal.objects.public().prefetch_related(
        Prefetch("measures", queryset=Measure.objects.public().order_by("position", "id"))
    )
    return (
        JointProgramme.objects.public()
        .current()
        .filter(partnership=partnership)
        .prefetch_related(
            Prefetch(
                "fields",
                queryset=FieldOfAction.objects.prefetch_related(
                    Prefetch("goals", queryset=goals, to_attr="public_goals")
                ),
            )
        )
        .first()
    )
