"""Reads of activities in time: the portal's timeline with its filters, and the office's count
of dated activities."""

import datetime

from django.db.models import Case, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from partnerwerk.partnerships.models import Partnership
from partnerwerk.partnerships.selectors import home_public_partnerships
from partnerwerk.projects.models import Activity, Project

# The phases of the portal's timeline, in the order it shows them.
COMING, PAST, UNDATED = 0, 1, 2


def _of_partnership(partnership) -> Q:
    """Activities of the partnership: named by it, or part of one of its projects."""
    return Q(pk__in=Activity.objects.filter(partnerships=partnership).values("pk")) | Q(
        project__in=partnership.projects.values("pk")
    )


def public_activity_timeline(
    *,
    kind: str | None = None,
    partnership=None,
    year: int | None = None,
    today: datetime.date | None = None,
) -> QuerySet:
    """Public activities: those still to come or running first, the soonest first; then the
    past ones, the newest first; undated ones last. Each carries its `phase` (COMING, PAST or
    UNDATED) and `public_partnerships`."""
    today = today or timezone.localdate()
    queryset = Activity.objects.public()
    if kind:
        queryset = queryset.filter(kind=kind)
    if partnership is not None:
        queryset = queryset.filter(_of_partnership(partnership))
    if year is not None:
        queryset = queryset.filter(start_date__year=year)
    coming = Q(start_date__gte=today) | Q(end_date__gte=today)
    return (
        queryset.annotate(
            phase=Case(
                When(start_date__isnull=True, then=Value(UNDATED)),
                When(coming, then=Value(COMING)),
                default=Value(PAST),
                output_field=IntegerField(),
            ),
            # The start of a coming activity (null for the others): soonest first.
            soon=Case(When(coming, then=F("start_date"))),
        )
        .select_related("place", "project")
        .prefetch_related(
            Prefetch(
                "partnerships",
                queryset=Partnership.objects.public()
                .curated()
                .select_related("partner")
                .order_by("kind", "key"),
                to_attr="public_partnerships",
            )
        )
        .order_by("phase", "soon", "-start_date", "key")
    )


def public_activity_years() -> list[int]:
    """The years in which public activities start, the latest first."""
    dates = Activity.objects.public().filter(start_date__isnull=False).dates("start_date", "year")
    return sorted({date.year for date in dates}, reverse=True)


def office_dated_activity_count(*, include_internal: bool) -> int:
    """How many activities have a date, internal ones only when `include_internal`."""
    activities = Activity.objects.all() if include_internal else Activity.objects.public()
    return activities.filter(start_date__isnull=False).count()


def partnerships_with_public_activities() -> list[Partnership]:
    """The city's public partnerships that public activities belong to (named by them or
    through one of their projects), by partner name."""
    public = Activity.objects.public()
    named = public.values("partnerships")
    through_projects = Project.objects.filter(activities__in=public).values("partnerships")
    partnerships = (
        home_public_partnerships()
        .filter(Q(pk__in=named) | Q(pk__in=through_projects))
        .select_related("partner")
    )
    return sorted(
        partnerships, key=lambda p: (p.partner.display_name.casefold(), p.get_kind_display())
    )
