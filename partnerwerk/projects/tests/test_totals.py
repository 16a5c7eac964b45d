import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from partnerwerk.projects.models import TransactionKind
from partnerwerk.projects.totals import budget_totals, money_summary, transaction_totals
from partnerwerk.testing import (
    make_active_partnership,
    make_activity,
    make_budget,
    make_organisation,
    make_project,
    make_transaction,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, whatever the default language."""
    with translation.override("en"):
        yield


def rows(by: str, **options) -> list[tuple]:
    return [
        (row["group"], row["kind"], row["total_eur"], row["count"], row["unconverted"])
        for row in transaction_totals(by=by, **options)
    ]


@pytest.fixture
def money():
    kumasi = make_active_partnership(key="kumasi")
    bmz = make_organisation(key="bmz")
    project = make_project(key="climate", partnerships=[kumasi])
    make_transaction(
        project=project,
        kind="incoming_funds",
        amount=Decimal("1000.00"),
        date=datetime.date(2023, 3, 1),
        provider=bmz,
    )
    make_transaction(
        project=project,
        kind="incoming_funds",
        amount=Decimal("500.00"),
        currency="GHS",
        amount_eur=Decimal("40.00"),
        value_date=datetime.date(2023, 5, 1),
        date=datetime.date(2023, 5, 1),
        provider=bmz,
    )
    make_transaction(
        project=project,
        kind="expenditure",
        amount=Decimal("70.00"),
        currency="USD",
        date=datetime.date(2024, 1, 1),
    )
    cheque = make_activity(key="cheque", partnerships=[kumasi])
    make_transaction(activity=cheque, project=None, kind="donation", amount=Decimal("5000.00"))
    make_transaction(
        project=project, kind="incoming_funds", amount=Decimal("9.00"), visibility="internal"
    )
    return project


def test_totals_per_project_add_euros_and_converted_amounts_and_count_the_rest(money):
    assert rows("project") == [
        ("climate", "incoming_funds", Decimal("1040.00"), 2, 0),
        ("climate", "expenditure", Decimal("0.00"), 1, 1),
    ]


def test_totals_per_partnership_include_donations_of_activities_without_a_project(money):
    assert rows("partnership") == [
        ("kumasi", "incoming_funds", Decimal("1040.00"), 2, 0),
        ("kumasi", "expenditure", Decimal("0.00"), 1, 1),
        ("kumasi", "donation", Decimal("5000.00"), 1, 0),
    ]


def test_totals_per_year_and_funder(money):
    assert rows("year") == [
        (2023, "incoming_funds", Decimal("1040.00"), 2, 0),
        (2024, "expenditure", Decimal("0.00"), 1, 1),
        (None, "donation", Decimal("5000.00"), 1, 0),
    ]
    assert rows("funder")[0] == ("bmz", "incoming_funds", Decimal("1040.00"), 2, 0)


def test_the_office_totals_include_internal_money(money):
    assert rows("project", public_only=False)[0][2] == Decimal("1049.00")


def test_a_page_summary_counts_in_kind_apart_from_money():
    project = make_project()
    transactions = [
        make_transaction(project=project, kind="in_kind", amount=None, description_de="Lkw"),
        make_transaction(
            project=project, kind="in_kind", amount=Decimal("300.00"), description_de="Pc"
        ),
        make_transaction(project=project, kind="donation", amount=Decimal("5000.00")),
    ]

    summary = money_summary(transactions, budgets=[make_budget(project=project)])

    assert [(str(label), total) for label, total in summary.kind_rows()] == [
        (str(TransactionKind.DONATION.label), Decimal("5000.00"))
    ]
    assert (summary.in_kind_count, summary.in_kind_estimated, summary.in_kind_without_value) == (
        2,
        Decimal("300.00"),
        1,
    )
    assert summary.budget_by_currency == {"EUR": Decimal("1000.00")}


def test_budget_totals_per_year():
    make_budget(amount=Decimal("10.00"))
    make_budget(amount=Decimal("5.00"))

    assert budget_totals(by="year") == [
        {"group": 2025, "currency": "EUR", "total": Decimal("15.00"), "count": 2}
    ]
