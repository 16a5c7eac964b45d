"""Public reads of projects and activities for the portal, with related rows fetched up front."""

from django.db import models
from django.db.models import F, Prefetch, QuerySet

from partnerwerk.actors.selectors import public_involvements_prefetch
from partnerwerk.documents.models import Document, DocumentVersion
from partnerwerk.documents.selectors import public_photos_prefetch
from partnerwerk.partnerships.models import Partnership
from partnerwerk.projects.models import (
    Activity,
    Budget,
    IndicatorPeriod,
    Project,
    Result,
    ResultIndicator,
    Transaction,
)
from partnerwerk.projects.totals import money_summary


def _public_partnerships() -> Prefetch:
    return Prefetch(
        "partnerships",
        queryset=Partnership.objects.public().select_related("partner").order_by("key"),
    )


def _sdg_tags() -> Prefetch:
    # The SDG app sits above this one (decision 0021): its tag model is reached through the
    # relation it declares, not imported.
    tag_model = Project._meta.get_field("sdg_tags").related_model
    return Prefetch("sdg_tags", queryset=tag_model.objects.select_related("goal", "target"))


def public_project_list() -> QuerySet:
    return (
        Project.objects.public()
        .prefetch_related(_public_partnerships(), "themes", _sdg_tags())
        .order_by(F("start_date").desc(nulls_last=True), "title_de", "key")
    )


def public_documents_prefetch() -> Prefetch:
    """Public documents other than photos, with their versions newest first, as
    `public_documents`; each document's `versions.all()` is prefetched."""
    return Prefetch(
        "documents",
        queryset=Document.objects.public()
        .exclude(kind="photo")
        .prefetch_related(
            Prefetch("versions", queryset=DocumentVersion.objects.order_by("-number"))
        )
        .order_by("date", "key"),
        to_attr="public_documents",
    )


def public_transactions_prefetch() -> Prefetch:
    return Prefetch(
        "transactions",
        queryset=Transaction.objects.public()
        .select_related("provider", "receiver")
        .order_by(F("date").asc(nulls_last=True), "key"),
        to_attr="public_transactions",
    )


def results_prefetch() -> Prefetch:
    periods = Prefetch("periods", queryset=IndicatorPeriod.objects.order_by("period_start", "id"))
    indicators = Prefetch(
        "indicators", queryset=ResultIndicator.objects.prefetch_related(periods).order_by("id")
    )
    return Prefetch("results", queryset=Result.objects.prefetch_related(indicators).order_by("id"))


def public_project_detail(*, key: str) -> Project | None:
    """A public project with everything its page shows; `project.money` holds its totals."""
    project = (
        Project.objects.public()
        .filter(key=key)
        .select_related("programme")
        .prefetch_related(
            _public_partnerships(),
            "themes",
            "sources",
            _sdg_tags(),
            public_involvements_prefetch(),
            public_photos_prefetch(),
            public_documents_prefetch(),
            public_transactions_prefetch(),
            results_prefetch(),
            Prefetch("budgets", queryset=Budget.objects.order_by("period_start", "kind")),
            Prefetch(
                "activities",
                queryset=Activity.objects.public()
                .prefetch_related(public_transactions_prefetch())
                .order_by(F("start_date").desc(nulls_last=True), "key"),
            ),
        )
        .first()
    )
    if project is not None:
        transactions = list(project.public_transactions)
        for activity in project.activities.all():
            transactions += [t for t in activity.public_transactions if t.project_id is None]
        project.money = money_summary(transactions, budgets=project.budgets.all())
    return project


def latest_activities(*, limit: int = 5) -> list[Activity]:
    return list(
        Activity.objects.public()
        .filter(start_date__isnull=False)
        .select_related("place")
        .order_by("-start_date", "key")[:limit]
    )


def public_activity_detail(*, key: str) -> Activity | None:
    return (
        Activity.objects.public()
        .filter(key=key)
        .select_related("place", "project")
        .prefetch_related(
            _public_partnerships(),
            "themes",
            "sources",
            _sdg_tags(),
            public_involvements_prefetch(),
            public_photos_prefetch(),
            public_documents_prefetch(),
            public_transactions_prefetch(),
        )
        .first()
    )


# -- calendar -------------------------------------------------------------------------------


def public_calendar_activities(*, partnership=None) -> QuerySet:
    """Public activities dated to the day, for the iCalendar feeds."""
    queryset = Activity.objects.public().filter(start_date__isnull=False, start_precision="day")
    if partnership is not None:
        queryset = queryset.filter(partnerships=partnership)
    return queryset.select_related("place").order_by("start_date", "key")


def _office_activities(include_internal: bool) -> QuerySet:
    return Activity.objects.all() if include_internal else Activity.objects.public()


def office_month_activities(*, year: int, month: int, include_internal: bool) -> dict:
    """The activities of one month for the office calendar, internal ones only when
    `include_internal`; `count` counts exactly the activities shown.

    `days` maps a day of the month to the activities running on it (a visit of several days
    shows on each); `undated_days` holds those known only to fall in this month.
    """
    import calendar
    import datetime

    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    activities = list(
        _office_activities(include_internal)
        .filter(start_date__isnull=False, start_date__lte=last)
        .filter(
            models.Q(end_date__gte=first) | models.Q(end_date__isnull=True, start_date__gte=first)
        )
        .select_related("place", "project")
        .prefetch_related(_public_partnerships())
        .order_by("start_date", "start_time", "key")
    )
    days: dict[int, list] = {}
    undated_days = []
    for activity in activities:
        if activity.start_precision != "day":
            if activity.start_precision == "month" and activity.start_date >= first:
                undated_days.append(activity)
            continue
        end = activity.end_date if activity.end_precision == "day" and activity.end_date else None
        day = max(activity.start_date, first)
        stop = min(end or activity.start_date, last)
        while day <= stop:
            days.setdefault(day.day, []).append(activity)
            day += datetime.timedelta(days=1)
    weeks = calendar.Calendar(firstweekday=0).monthdayscalendar(year, month)
    return {
        "first": first,
        "weeks": [[(day, days.get(day, [])) for day in week] for week in weeks],
        "undated_days": undated_days,
        "count": len({a.pk for items in days.values() for a in items}) + len(undated_days),
    }


def office_activity_agenda(
    *, include_internal: bool, since=None, limit: int = 200
) -> list[Activity]:
    """Dated activities from `since` on (all when None), internal ones only when
    `include_internal`."""
    queryset = _office_activities(include_internal).filter(start_date__isnull=False)
    if since is not None:
        queryset = queryset.filter(start_date__gte=since)
    return list(
        queryset.select_related("place", "project")
        .prefetch_related(_public_partnerships())
        .order_by("start_date", "start_time", "key")[:limit]
    )
