from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from partnerwerk.reports.annual import annual_report
from partnerwerk.reports.scope import EVERYTHING, PUBLIC
from partnerwerk.reports.tests.world import END, START
from partnerwerk.testing import make_activity, make_partnership, make_project, make_transaction


def figures(context) -> dict:
    return {figure.number: figure for figure in context["summary"]}


def test_it_counts_the_partnerships_steps_activities_and_projects_of_the_year(world):
    with translation.override("en"):
        context = annual_report(start=START, end=END, scope=EVERYTHING)
    found = figures(context)
    assert found[1].value == "2"  # both partnerships existed in 2024
    assert [record.key for record in found[3].records] == ["synthetic-visit"]
    assert found[2].value == "1"  # the certificate signed; the 2021 mandate is not of the year
    assert {record.key for record in found[4].records} == {"synthetic-water", "synthetic-internal"}


def test_it_sums_the_money_spent_in_euros_without_promises_and_values_in_kind_apart(world):
    with translation.override("en"):
        context = annual_report(start=START, end=END, scope=EVERYTHING)
    money = context["money"]
    # 1000 disbursed + 1250 GHS at 12.5 = 100 + the undated cheque of the 2024 visit 50
    # + 400 of the internal project; the commitment and the 2023 disbursement are not in it
    assert money.cash_total == Decimal("1550.00")
    assert money.in_kind_total == Decimal("300.00")
    assert money.in_kind_count == 1
    funder_rows = {row.label: row.cash for row in money.by_funder}
    assert funder_rows["Synthetic Funder"] == Decimal("1000.00")
    by_partnership = {row.label: row for row in money.by_partnership}
    row = by_partnership["Synthetic Partner (twinning)"]
    assert (row.cash, row.in_kind) == (Decimal("1550.00"), Decimal("300.00"))
    kinds = {row.label: row.cash for row in money.by_kind}
    assert kinds["commitment"] == Decimal("9000.00")


def test_the_public_report_leaves_out_internal_projects_and_their_money(world):
    with translation.override("en"):
        context = annual_report(start=START, end=END, scope=PUBLIC)
    assert context["money"].cash_total == Decimal("1150.00")
    assert {p.key for p in context["records"].projects} == {"synthetic-water"}


def test_every_figure_names_its_records_with_their_sources(world):
    with translation.override("en"):
        context = annual_report(start=START, end=END, scope=EVERYTHING)
    money_figure = figures(context)[5]
    disbursement = next(r for r in money_figure.records if r.key == "t-disbursement")
    assert [source.title for source in disbursement.sources] == ["Synthetic council minutes"]
    signed = figures(context)[7]
    assert {record.key for record in signed.records} == {"synthetic-mou", "no key"}


def test_it_names_the_goals_served_principal_and_significant_apart(world):
    with translation.override("en"):
        context = annual_report(start=START, end=END, scope=EVERYTHING)
    rows = {row["goal"].number: row for row in context["goals"]}
    assert rows[6]["counts"]["project"]["principal"] == 1
    assert rows[6]["cash"]["principal"] == Decimal("1100.00")
    assert rows[4]["counts"]["activity"]["significant"] == 1
    assert rows[4]["in_kind"]["significant"] == Decimal("300.00")
    assert rows[17]["counts"]["partnership"]["principal"] == 1
    assert figures(context)[8].value == "4"


def test_its_queries_do_not_grow_with_the_data(world):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            annual_report(start=START, end=END, scope=EVERYTHING)
        return len(queries)

    def add(number: int) -> None:
        partnership = make_partnership(
            home=world.home, steps=[{"kind": "start", "on": START}], sdgs=[number + 1]
        )
        project = make_project(partnerships=[partnership], sdgs=[5], start_date=START)
        activity = make_activity(partnerships=[partnership], project=project, start_date=END)
        make_transaction(project=project, date=END)
        make_transaction(activity=activity, kind="donation")

    add(0)  # one of each kind of record, so every prefetch runs
    before = count()
    for number in range(1, 4):
        add(number)
    assert count() == before
