"""The records of a period, read once for the annual report and the SDG review: partnerships
with their steps, activities, projects, transactions, signed documents and SDG tags. A
constant number of queries, whatever the size of the data.

A period with more activities than a readable report lists (`listed_activities()`) is read
in *summary mode*: its activities are counted in the database (per partnership and month, per
goal and target) instead of being loaded; `activities_in_period` is the queryset the table of
the records behind the figures streams (decision 0035)."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from partnerwerk.core.models import Source
from partnerwerk.documents.models import Document, DocumentStatus
from partnerwerk.partnerships.models import Partnership, Step, StepKind
from partnerwerk.projects.models import Activity, Project, Transaction
from partnerwerk.reports.scope import Scope
from partnerwerk.sdg.models import SdgTag, Significance

ENDING_KINDS = (StepKind.END, StepKind.SUPERSEDED)
SOURCES = Prefetch("sources", queryset=Source.objects.order_by("key"))
# Above this many activities in a period a report counts them instead of listing them.
LISTED_ACTIVITIES = 300


def listed_activities() -> int:
    return getattr(settings, "PARTNERWERK_REPORT_LISTED_ACTIVITIES", LISTED_ACTIVITIES)


@dataclass
class PeriodRecords:
    start: datetime.date
    end: datetime.date
    partnerships: list = field(default_factory=list)
    steps: dict = field(default_factory=dict)  # partnership id → steps in the period
    activities: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    transactions: list = field(default_factory=list)
    undated_transactions: int = 0
    documents: list = field(default_factory=list)
    tags: dict = field(default_factory=dict)  # ("partnership"|"project"|"activity", id) → tags
    # summary mode: the activities counted in the database, not loaded
    summary: bool = False
    activity_count: int = 0
    activities_in_period: QuerySet | None = None
    activity_months: dict = field(default_factory=dict)  # partnership id → [(month, count)]
    activity_goals: dict = field(default_factory=dict)  # goal number → {significance: count}
    activity_targets: dict = field(default_factory=dict)  # target code → {significance: count}
    money_activities: list = field(default_factory=list)  # the activities of the transactions
    # summary mode: those of the transactions' activities that are the period's
    counted_money_activities: list = field(default_factory=list)

    def tags_of(self, kind: str, record) -> list:
        return self.tags.get((kind, record.pk), [])


def _overlaps(start_field: str, end_field: str, start, end) -> Q:
    """The record's period meets [start, end]; an open end runs on, an unknown start counts
    from its end (a dated activity has at least a start)."""
    starts_in_time = Q(**{f"{start_field}__lte": end}) | Q(
        **{f"{start_field}__isnull": True, f"{end_field}__isnull": False}
    )
    ends_in_time = Q(**{f"{end_field}__gte": start}) | Q(**{f"{end_field}__isnull": True})
    return starts_in_time & ends_in_time


def _in_period(partnership, start, end) -> bool:
    """The partnership existed in the period: a step on or before its end, and no ending step
    before its start."""
    steps = list(partnership.all_steps)
    if not steps or steps[0].date > end:
        return False
    return not any(step.kind in ENDING_KINDS and step.date < start for step in steps)


def _link_partnerships(partnerships, activities) -> None:
    """Each activity's partnerships among the report's, as `report_partnerships`. Read from
    the link table with both sides named: prefetching `activity.partnerships` for thousands
    of activities made SQLite scan the registry's relations for each (250 s at 100,000
    activities and 300,000 relations, bench/reports.py)."""
    by_id = {partnership.pk: partnership for partnership in partnerships}
    links = Activity.partnerships.through.objects.filter(
        activity_id__in={activity.pk for activity in activities},
        partnership_id__in=list(by_id),
    ).values_list("activity_id", "partnership_id")
    linked = defaultdict(list)
    for activity_id, partnership_id in links.order_by("activity_id", "partnership_id"):
        linked[activity_id].append(by_id[partnership_id])
    for activity in activities:
        activity.report_partnerships = linked[activity.pk]


def period_records(*, start: datetime.date, end: datetime.date, scope: Scope) -> PeriodRecords:
    """Everything a report of [start, end] needs, as far as the scope lets it see."""
    records = PeriodRecords(start=start, end=end)
    partnerships = (
        scope(Partnership.objects.curated())
        .select_related("home", "partner")
        .prefetch_related(
            "themes",
            SOURCES,
            Prefetch(
                "steps",
                queryset=Step.objects.order_by("date", "id").prefetch_related(SOURCES),
                to_attr="all_steps",
            ),
        )
        .order_by("partner__name", "kind", "key")
    )
    records.partnerships = [p for p in partnerships if _in_period(p, start, end)]
    for partnership in records.partnerships:
        for step in partnership.all_steps:
            step.partnership = partnership  # the prefetch leaves the way back unset
    for partnership in records.partnerships:
        records.steps[partnership.pk] = [
            step for step in partnership.all_steps if start <= step.date <= end
        ]
    ids = [p.pk for p in records.partnerships]

    # An activity without an end took place on its start date.
    activity_dates = Q(start_date__lte=end) & (
        Q(end_date__gte=start) | Q(end_date__isnull=True, start_date__gte=start)
    )
    in_period = scope(Activity.objects.filter(activity_dates))
    records.activities_in_period = in_period.order_by("start_date", "key")
    records.activity_count = in_period.count()
    records.summary = records.activity_count > listed_activities()
    if records.summary:
        _count_activities(records, in_period, ids)
    else:
        records.activities = list(
            in_period.select_related("project", "place")
            .prefetch_related(SOURCES)
            .order_by("start_date", "key")
        )
    project_dates = _overlaps("start_date", "end_date", start, end) & ~Q(
        start_date__isnull=True, end_date__isnull=True
    )
    # A project counts when its period meets the report's, or when it has no dates but work
    # in the period (an activity or a transaction of it).
    active_project_ids = {a.project_id for a in records.activities if a.project_id}
    if records.summary:
        active_project_ids = set(
            in_period.filter(project__isnull=False)
            .order_by()
            .values_list("project_id", flat=True)
            .distinct()
        )
    transaction_dates = Q(date__range=(start, end)) | Q(
        date__isnull=True, activity__start_date__range=(start, end)
    )
    transactions = list(
        scope(Transaction.objects.filter(transaction_dates))
        .select_related("project", "activity", "provider", "activity__project")
        .prefetch_related(
            "project__partnerships",
            "activity__project__partnerships",
            SOURCES,
        )
        .order_by("date", "key")
    )
    records.transactions = transactions
    records.undated_transactions = (
        scope(Transaction.objects.filter(date__isnull=True))
        .filter(Q(activity__isnull=True) | Q(activity__start_date__isnull=True))
        .count()
    )
    records.money_activities = [t.activity for t in transactions if t.activity_id]
    if records.summary and records.money_activities:
        counted = set(
            in_period.filter(pk__in={a.pk for a in records.money_activities}).values_list(
                "pk", flat=True
            )
        )
        records.counted_money_activities = [a for a in records.money_activities if a.pk in counted]
    _link_partnerships(records.partnerships, [*records.activities, *records.money_activities])
    active_project_ids |= {t.project_id for t in transactions if t.project_id}
    records.projects = list(
        scope(Project.objects.filter(project_dates | Q(pk__in=active_project_ids)))
        .prefetch_related("partnerships", SOURCES, "funding_sources__funder")
        .order_by("title_de", "key")
    )
    records.documents = list(
        scope(
            Document.objects.filter(
                status=DocumentStatus.SIGNED, date__range=(start, end)
            ).select_related("partnership__partner", "project", "step__partnership__partner")
        )
        .prefetch_related(SOURCES)
        .order_by("date", "key")
    )
    tags = SdgTag.objects.filter(
        Q(partnership_id__in=ids)
        | Q(project_id__in=[p.pk for p in records.projects])
        | Q(activity_id__in={a.pk for a in [*records.activities, *records.money_activities]})
    ).select_related("goal", "target")
    grouped = defaultdict(list)
    for tag in tags.order_by("goal_id", "target_id", "id"):
        for kind in ("partnership", "project", "activity"):
            record_id = getattr(tag, f"{kind}_id")
            if record_id:
                grouped[(kind, record_id)].append(tag)
    records.tags = dict(grouped)
    return records


def _count_activities(records: PeriodRecords, in_period: QuerySet, ids: list) -> None:
    """Summary mode: the period's activities counted per partnership and month (of their
    start), per goal and per target, by the database. Counted per day and added up to months
    here: SQLite truncates dates in Python, once per row; `Exists` lets the database walk the
    links and tags instead of materialising the period's activities (8.8 s against 2.3 s for
    a million activities, bench/reports.py)."""
    of_period = Exists(in_period.filter(pk=OuterRef("activity_id")))
    days = (
        Activity.partnerships.through.objects.filter(of_period, partnership_id__in=ids)
        .values_list("partnership_id", "activity__start_date")
        .annotate(count=Count("activity_id"))
        .order_by("partnership_id", "activity__start_date")
    )
    months = defaultdict(Counter)
    for partnership_id, day, count in days:
        months[partnership_id][day.replace(day=1)] += count
    records.activity_months = {pk: sorted(counted.items()) for pk, counted in months.items()}
    tags = SdgTag.objects.filter(of_period)
    principal = Q(significance=Significance.PRINCIPAL)
    for row in (
        tags.values("goal_id")
        .annotate(
            tagged=Count("activity_id", distinct=True),
            principal=Count("activity_id", filter=principal, distinct=True),
        )
        .order_by("goal_id")
    ):
        records.activity_goals[row["goal_id"]] = {
            Significance.PRINCIPAL: row["principal"],
            Significance.SIGNIFICANT: row["tagged"] - row["principal"],
        }
    targets = defaultdict(lambda: {Significance.PRINCIPAL: 0, Significance.SIGNIFICANT: 0})
    for row in (
        tags.filter(target__isnull=False)
        .values("target_id", "significance")
        .annotate(count=Count("id"))
        .order_by("target_id", "significance")
    ):
        targets[row["target_id"]][row["significance"]] += row["count"]
    records.activity_targets = dict(targets)
