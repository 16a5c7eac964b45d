"""Money of a report's period: by partnership, by funder and by kind, in euros; in-kind
contributions apart from money, by their estimated value (decision 0027's rules)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from partnerwerk.projects.models import TransactionKind

ZERO = Decimal("0.00")
# Money that reached the work; commitments and incoming funds are promises and would count
# twice (the rule of sdg.selectors.SPENT_KINDS).
SPENT_CASH = (TransactionKind.DISBURSEMENT, TransactionKind.EXPENDITURE, TransactionKind.DONATION)


@dataclass
class MoneyRow:
    label: str
    cash: Decimal = ZERO
    in_kind: Decimal = ZERO
    in_kind_count: int = 0
    unconverted: int = 0
    records: list = field(default_factory=list)


@dataclass
class PeriodMoney:
    by_partnership: list
    by_funder: list
    by_kind: list
    cash_total: Decimal
    in_kind_total: Decimal
    in_kind_count: int
    in_kind_without_value: int
    unconverted: int
    spent: list  # the transactions behind the totals
    in_kind: list


def partnerships_of(transaction) -> list:
    """A project's transaction counts for each of its partnerships; one of an activity without
    a project for the activity's partnerships (projects.totals' rule)."""
    if transaction.project_id:
        return list(transaction.project.partnerships.all())
    if transaction.activity_id and transaction.activity.project_id is None:
        return list(transaction.activity.report_partnerships)
    if transaction.activity_id:
        return list(transaction.activity.project.partnerships.all())
    return []


def _add(row: MoneyRow, transaction) -> None:
    euros = transaction.amount_in_euros
    row.records.append(transaction)
    if transaction.kind == TransactionKind.IN_KIND:
        row.in_kind_count += 1
        row.in_kind += euros or ZERO
        if transaction.amount is not None and euros is None:
            row.unconverted += 1
    elif euros is None:
        row.unconverted += 1
    else:
        row.cash += euros


def period_money(transactions, partnerships) -> PeriodMoney:
    """Totals of already fetched transactions (no queries)."""
    shown = {p.pk for p in partnerships}
    by_partnership = {p.pk: MoneyRow(label=str(p.partner.display_name)) for p in partnerships}
    for p in partnerships:
        by_partnership[p.pk].label = f"{p.partner.display_name} ({p.get_kind_display()})"
    by_funder: dict = defaultdict(lambda: MoneyRow(label=""))
    by_kind: dict = {}
    spent, in_kind = [], []
    in_kind_without_value = unconverted = 0
    for transaction in transactions:
        kind_row = by_kind.setdefault(
            transaction.kind, MoneyRow(label=transaction.get_kind_display())
        )
        _add(kind_row, transaction)
        if transaction.kind not in (*SPENT_CASH, TransactionKind.IN_KIND):
            continue
        if transaction.kind == TransactionKind.IN_KIND:
            in_kind.append(transaction)
            if transaction.amount is None:
                in_kind_without_value += 1
        else:
            spent.append(transaction)
        if transaction.amount is not None and transaction.amount_in_euros is None:
            unconverted += 1
        for partnership in partnerships_of(transaction):
            if partnership.pk in shown:
                _add(by_partnership[partnership.pk], transaction)
        funder = transaction.provider
        row = by_funder[funder.pk if funder else None]
        row.label = str(funder) if funder else _("funder not named")
        _add(row, transaction)
    order = {code: index for index, code in enumerate(TransactionKind.values)}
    return PeriodMoney(
        by_partnership=[row for row in by_partnership.values() if row.records],
        by_funder=sorted(by_funder.values(), key=lambda row: (-row.cash, -row.in_kind, row.label)),
        by_kind=[by_kind[code] for code in sorted(by_kind, key=order.__getitem__)],
        cash_total=sum((t.amount_in_euros or ZERO for t in spent), ZERO),
        in_kind_total=sum((t.amount_in_euros or ZERO for t in in_kind), ZERO),
        in_kind_count=len(in_kind),
        in_kind_without_value=in_kind_without_value,
        unconverted=unconverted,
        spent=spent,
        in_kind=in_kind,
    )
