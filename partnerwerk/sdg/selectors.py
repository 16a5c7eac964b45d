"""Reads of the SDGs: each goal with what serves it, and partnerships with their SDG tags."""

from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet

from partnerwerk.partnerships.models import Partnership, Step
from partnerwerk.projects.models import Activity, Project
from partnerwerk.sdg.models import Goal, SdgTag


def partnership_list(*, public_only: bool = True, curated_only: bool = True) -> QuerySet:
    """Partnerships with their steps, themes, sources and SDG tags fetched up front."""
    queryset = Partnership.objects.select_related("home", "partner").prefetch_related(
        Prefetch("steps", queryset=Step.objects.order_by("date", "id").prefetch_related("sources")),
        "themes",
        "sources",
        Prefetch("sdg_tags", queryset=SdgTag.objects.select_related("goal", "target")),
    )
    if public_only:
        queryset = queryset.public()
    if curated_only:
        queryset = queryset.curated()
    return queryset.order_by("partner__name", "kind", "key")


def partnership_filter(
    queryset: QuerySet,
    *,
    kind: str | None = None,
    status: str | None = None,
    country: str | None = None,
    theme: str | None = None,
    sdg: int | None = None,
) -> QuerySet:
    """The partnerships of `queryset` matching every filter given."""
    if kind:
        queryset = queryset.filter(kind=kind)
    if status:
        queryset = queryset.filter(status=status)
    if country:
        queryset = queryset.filter(partner__country=country.upper())
    # By the ids of the tagged partnerships, not by joins: joining themes and SDG tags
    # multiplies the rows (a goal and its targets are several tags) and needs DISTINCT.
    if theme:
        linked = Partnership.themes.through.objects.filter(theme__code=theme)
        queryset = queryset.filter(pk__in=linked.values("partnership_id"))
    if sdg:
        tagged = SdgTag.objects.filter(goal_id=sdg)
        queryset = queryset.filter(pk__in=tagged.values("partnership_id"))
    return queryset


def goal_list_with_counts() -> QuerySet:
    """All 17 goals, each with the number of public partnerships, projects and activities
    tagged with it (`partnership_count`, `project_count`, `activity_count`)."""
    return Goal.objects.annotate(
        partnership_count=Count(
            "tags__partnership",
            filter=Q(tags__partnership__in=Partnership.objects.public().curated()),
            distinct=True,
        ),
        project_count=Count(
            "tags__project", filter=Q(tags__project__in=Project.objects.public()), distinct=True
        ),
        activity_count=Count(
            "tags__activity",
            filter=Q(tags__activity__in=Activity.objects.public()),
            distinct=True,
        ),
    ).order_by("number")


def goal_detail(*, number: int) -> dict | None:
    """A goal with its targets and the public partnerships, projects, activities and themes
    that serve it."""
    goal = Goal.objects.filter(number=number).prefetch_related("targets").first()
    if goal is None:
        return None
    return {
        "goal": goal,
        "partnerships": list(
            Partnership.objects.public()
            .curated()
            .filter(pk__in=goal.tags.values("partnership_id"))
            .select_related("partner")
            .order_by("partner__name", "kind")
        ),
        "projects": list(
            Project.objects.public()
            .filter(pk__in=goal.tags.values("project_id"))
            .order_by("title_de")
        ),
        "activities": list(
            Activity.objects.public()
            .filter(pk__in=goal.tags.values("activity_id"))
            .order_by("-start_date", "key")
        ),
        "themes": list(goal.themes.order_by("code")),
    }


# Money that reached the work: commitments and incoming funds are promises and would count twice.
SPENT_KINDS = ("disbursement", "expenditure", "donation", "in_kind")


def goal_overview(*, public_only: bool = True) -> dict:
    """Per goal, the partnerships, projects and money serving it, principal and significant apart.

    A record tagged with a goal and one of its targets counts once, with its strongest
    significance. Money is the sum of the spent transactions (SPENT_KINDS) in euros of the
    tagged projects, including those of their activities, and of the activities without a
    project of the tagged partnerships (decision 0010), as far as the reader may see them
    (`projects.totals.transactions`); amounts in other currencies count by their converted
    euro value, or in `unconverted` when nobody converted them. A constant number of queries.
    """
    from partnerwerk.projects.totals import EURO_VALUE, transactions
    from partnerwerk.sdg.models import Significance

    partnerships = Partnership.objects.curated()
    projects = Project.objects.all()
    if public_only:
        partnerships = partnerships.public()
        projects = projects.public()
    tags = SdgTag.objects.filter(
        Q(partnership__in=partnerships) | Q(project__in=projects)
    ).values_list("goal_id", "significance", "partnership_id", "project_id")
    strongest: dict[tuple, str] = {}
    for goal_id, significance, partnership_id, project_id in tags:
        key = (
            goal_id,
            "partnership" if partnership_id else "project",
            partnership_id or project_id,
        )
        if strongest.get(key) != Significance.PRINCIPAL:
            strongest[key] = significance

    money: dict[int, Decimal] = {}
    unconverted: dict[int, int] = {}
    spent = (
        transactions(public_only)
        .filter(kind__in=SPENT_KINDS, amount__isnull=False)
        .filter(Q(project__in=projects) | Q(activity__project__in=projects))
        .annotate(euros=EURO_VALUE)
    )
    for project_id, activity_project_id, euros in spent.values_list(
        "project_id", "activity__project_id", "euros"
    ):
        project_id = project_id or activity_project_id
        if euros is not None:
            money[project_id] = money.get(project_id, Decimal(0)) + euros
        else:
            unconverted[project_id] = unconverted.get(project_id, 0) + 1
    # Money of an activity without a project (the donation cheque handed over at a visit)
    # counts for the activity's partnerships (decision 0010).
    partnership_money: dict[int, Decimal] = {}
    partnership_unconverted: dict[int, int] = {}
    spent_by_partnerships = (
        transactions(public_only)
        .filter(kind__in=SPENT_KINDS, amount__isnull=False)
        .filter(project__isnull=True, activity__project__isnull=True)
        .filter(activity__partnerships__in=partnerships)
        .annotate(euros=EURO_VALUE)
    )
    for partnership_id, euros in spent_by_partnerships.values_list(
        "activity__partnerships", "euros"
    ):
        if euros is not None:
            partnership_money[partnership_id] = (
                partnership_money.get(partnership_id, Decimal(0)) + euros
            )
        else:
            partnership_unconverted[partnership_id] = (
                partnership_unconverted.get(partnership_id, 0) + 1
            )

    rows = []
    for goal in Goal.objects.order_by("number"):
        row = {
            "goal": goal,
            "partnerships": {"principal": 0, "significant": 0},
            "projects": {"principal": 0, "significant": 0},
            "money": {"principal": Decimal(0), "significant": Decimal(0)},
            "unconverted": 0,
        }
        rows.append(row)
    by_id = {row["goal"].pk: row for row in rows}
    for (goal_id, kind, record_id), significance in strongest.items():
        row = by_id[goal_id]
        row[f"{kind}s"][significance] += 1
        if kind == "project":
            row["money"][significance] += money.get(record_id, Decimal(0))
            row["unconverted"] += unconverted.get(record_id, 0)
        else:
            row["money"][significance] += partnership_money.get(record_id, Decimal(0))
            row["unconverted"] += partnership_unconverted.get(record_id, 0)
    for row in rows:
        row["records"] = sum(row["partnerships"].values()) + sum(row["projects"].values())
    largest = max((row["records"] for row in rows), default=0)
    return {"rows": rows, "largest": largest}
