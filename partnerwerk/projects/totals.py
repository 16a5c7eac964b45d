"""Money totals: per project, partnership, year and funder, in euros where the value is known.

Amounts keep their original currency; a total in euros adds the amounts in euros and the
converted values of the others (`Transaction.amount_eur`). Amounts in another currency that
nobody converted are counted, never guessed. In-kind contributions are totalled apart from
money, by their estimated value where one is recorded.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, Count, DecimalField, F, Q, QuerySet, Sum, When
from django.db.models.functions import ExtractYear

from partnerwerk.projects.models import Budget, Project, Transaction, TransactionKind

ZERO = Decimal("0.00")
IN_KIND = TransactionKind.IN_KIND

# The value of a row in euros, or NULL when it has none (SQL, for aggregation).
EURO_VALUE = Case(
    When(currency="EUR", then=F("amount")),
    default=F("amount_eur"),
    output_field=DecimalField(max_digits=16, decimal_places=2),
)


@dataclass
class MoneySummary:
    """What one page shows about money: totals by kind in euros, and what is not in them."""

    by_kind: dict[str, Decimal] = field(default_factory=dict)
    in_kind_count: int = 0
    in_kind_estimated: Decimal = ZERO
    in_kind_without_value: int = 0
    unconverted: int = 0
    budget_by_currency: dict[str, Decimal] = field(default_factory=dict)
    transactions: list = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.transactions or self.budget_by_currency)

    def kind_rows(self) -> list[tuple[str, Decimal]]:
        """(label, euros) per kind of money, in the order of the kinds' definition."""
        return [
            (label, self.by_kind[code])
            for code, label in TransactionKind.choices
            if code in self.by_kind
        ]


def money_summary(transactions: Iterable[Transaction], *, budgets=()) -> MoneySummary:
    """Totals of already fetched transactions and budgets (no queries)."""
    summary = MoneySummary()
    for transaction in transactions:
        summary.transactions.append(transaction)
        euros = transaction.amount_in_euros
        if transaction.kind == IN_KIND:
            summary.in_kind_count += 1
            if transaction.amount is None:
                summary.in_kind_without_value += 1
            elif euros is None:
                summary.unconverted += 1
            else:
                summary.in_kind_estimated += euros
            continue
        if euros is None:
            summary.unconverted += 1
            continue
        summary.by_kind[transaction.kind] = summary.by_kind.get(transaction.kind, ZERO) + euros
    for budget in budgets:
        summary.budget_by_currency[budget.currency] = (
            summary.budget_by_currency.get(budget.currency, ZERO) + budget.amount
        )
    return summary


def transactions(public_only: bool) -> QuerySet:
    """Every transaction, or only those the public may see (public, of a public project and
    activity where it has one)."""
    return Transaction.objects.public() if public_only else Transaction.objects.all()


# What a transaction is grouped by: one or two paths, the second for transactions that
# belong only to an activity (a donation handed over before any project existed).
GROUPINGS = {
    "project": ("project__key", "activity__project__key"),
    "partnership": ("project__partnerships__key", "activity__partnerships__key"),
    "year": ("year", None),
    "funder": ("provider__key", None),
}


def transaction_totals(*, by: str, public_only: bool = True) -> list[dict]:
    """Rows of {group, kind, total_eur, count, unconverted} for one grouping.

    `by` is one of project, partnership, year or funder. A transaction of a project counts
    for each of the project's partnerships; one of an activity without a project counts for
    the activity's project-less partnerships and, for `project`, for the activity's project.
    """
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}; choose one of {', '.join(GROUPINGS)}")
    direct, via_activity = GROUPINGS[by]
    totals: dict[tuple, dict] = defaultdict(
        lambda: {"total_eur": ZERO, "count": 0, "unconverted": 0}
    )
    queries = [(direct, Q(project__isnull=False) if via_activity else Q())]
    if via_activity:
        queries.append((via_activity, Q(project__isnull=True)))
    for path, condition in queries:
        queryset = transactions(public_only).filter(condition)
        if path == "year":
            queryset = queryset.annotate(year=ExtractYear("date"))
        rows = (
            queryset.values(path, "kind")
            .annotate(
                total_eur=Sum(EURO_VALUE),
                count=Count("id", distinct=True),
                valued=Count("id", filter=Q(amount__isnull=False)),
                with_euros=Count(EURO_VALUE),
            )
            .order_by(path, "kind")
        )
        for row in rows:
            if row[path] is None and by != "year" and by != "funder":
                continue
            entry = totals[(row[path], row["kind"])]
            entry["total_eur"] += row["total_eur"] or ZERO
            entry["count"] += row["count"]
            entry["unconverted"] += row["valued"] - row["with_euros"]
    kind_order = {code: index for index, code in enumerate(TransactionKind.values)}
    return [
        {"group": group, "kind": kind, **values}
        for (group, kind), values in sorted(
            totals.items(),
            key=lambda item: (item[0][0] is None, str(item[0][0]), kind_order[item[0][1]]),
        )
    ]


def budget_totals(*, by: str = "year", public_only: bool = True) -> list[dict]:
    """Budgets summed per project or per year of the period start, in each currency."""
    path = {"project": "project__key", "year": "year"}[by]
    queryset = Budget.objects.all()
    if public_only:
        queryset = queryset.filter(project__in=Project.objects.public())
    if by == "year":
        queryset = queryset.annotate(year=ExtractYear("period_start"))
    rows = (
        queryset.values(path, "currency")
        .annotate(total=Sum("amount"), count=Count("id"))
        .order_by(path, "currency")
    )
    return [
        {
            "group": row[path],
            "currency": row["currency"],
            "total": row["total"],
            "count": row["count"],
        }
        for row in rows
    ]
