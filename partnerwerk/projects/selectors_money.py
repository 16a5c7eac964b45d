"""Reads of money for the office's project, activity and partnership pages (decision 0027):
every budget, funding source and transaction of the record, with totals in euros.

A project's money includes the transactions of its activities that name no project; a
partnership's own money is that of its activities without a project (decision 0010). Who
may read the record reads its money, internal rows included.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet, Sum

from partnerwerk.projects.models import Activity, Budget, FundingSource, Project, Transaction
from partnerwerk.projects.totals import EURO_VALUE, ZERO, MoneySummary, money_summary


@dataclass
class EuroTotal:
    """The sum in euros of the rows whose value in euros is known, and how many are not."""

    euros: Decimal = ZERO
    unconverted: int = 0
    count: int = 0

    def add(self, euros: Decimal | None) -> None:
        self.count += 1
        if euros is None:
            self.unconverted += 1
        else:
            self.euros += euros


@dataclass
class RecordMoney:
    """The money one office page shows."""

    summary: MoneySummary
    budgets: list = field(default_factory=list)
    funding_sources: list = field(default_factory=list)
    budget_total: EuroTotal = field(default_factory=EuroTotal)
    funding_total: EuroTotal = field(default_factory=EuroTotal)

    @property
    def transactions(self) -> list:
        return self.summary.transactions

    @property
    def is_empty(self) -> bool:
        return not (self.transactions or self.budgets or self.funding_sources)


def _transactions(condition: Q) -> QuerySet:
    return (
        Transaction.objects.filter(condition)
        .select_related("provider", "receiver", "project", "activity")
        .order_by(F("date").asc(nulls_last=True), "key")
    )


def _money(transactions, budgets=(), funding_sources=()) -> RecordMoney:
    money = RecordMoney(
        summary=money_summary(transactions),
        budgets=list(budgets),
        funding_sources=list(funding_sources),
    )
    for budget in money.budgets:
        money.budget_total.add(budget.amount_in_euros)
    for source in money.funding_sources:
        if source.amount is not None:
            money.funding_total.add(source.amount_in_euros)
    return money


def project_money(*, project: Project) -> RecordMoney:
    """The project's budgets, funding sources and transactions, with those of its
    activities that name no project."""
    transactions = _transactions(
        Q(project=project) | Q(project__isnull=True, activity__project=project)
    )
    budgets = Budget.objects.filter(project=project).order_by("period_start", "kind", "id")
    funding_sources = (
        FundingSource.objects.filter(project=project)
        .select_related("funder", "programme")
        .order_by("id")
    )
    return _money(transactions, budgets, funding_sources)


def activity_money(*, activity: Activity) -> RecordMoney:
    return _money(_transactions(Q(activity=activity)))


def partnership_money(*, partnership) -> RecordMoney:
    """Money of the partnership's activities that belong to no project."""
    activities = Activity.objects.filter(partnerships=partnership, project__isnull=True)
    return _money(_transactions(Q(project__isnull=True, activity__in=activities)))


def budget_overview(*, public_only: bool) -> list[dict]:
    """Budgets per project: {project, count, total_eur, unconverted}, largest first; only
    public projects' budgets when `public_only`."""
    budgets = Budget.objects.all()
    if public_only:
        budgets = budgets.filter(project__in=Project.objects.public())
    rows = list(
        budgets.values("project")
        .annotate(
            count=Count("id"),
            total_eur=Sum(EURO_VALUE),
            with_euros=Count(EURO_VALUE),
        )
        .order_by("project")
    )
    projects = Project.objects.in_bulk([row["project"] for row in rows])
    overview = [
        {
            "project": projects[row["project"]],
            "count": row["count"],
            "total_eur": row["total_eur"] or ZERO,
            "unconverted": row["count"] - row["with_euros"],
        }
        for row in rows
        if row["project"] in projects
    ]
    return sorted(overview, key=lambda row: (-row["total_eur"], row["project"].title_de))
