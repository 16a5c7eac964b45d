"""The SDG overview (partnerships, projects and money per goal, principal and significant apart)
and the partnership reads that filter by goal."""

import datetime
from decimal import Decimal

import pytest

from partnerwerk.partnerships.models import Partnership
from partnerwerk.projects.models import Transaction
from partnerwerk.sdg.models import SdgTag
from partnerwerk.sdg.selectors import goal_overview, partnership_filter
from partnerwerk.testing import make_partnership, make_project, make_theme

pytestmark = pytest.mark.django_db


def row(overview, number):
    return next(row for row in overview["rows"] if row["goal"].number == number)


def spend(project, amount, kind="disbursement", currency="EUR"):
    return Transaction.objects.create(
        key=f"t-{project.key}-{kind}-{amount}-{currency}",
        kind=kind,
        project=project,
        amount=Decimal(amount),
        currency=currency,
    )


def test_every_goal_has_a_row_even_without_records():
    overview = goal_overview()
    assert [r["goal"].number for r in overview["rows"]] == list(range(1, 18))
    assert row(overview, 5)["records"] == 0


def test_principal_and_significant_are_counted_apart():
    principal = make_partnership()
    SdgTag.objects.create(partnership=principal, goal_id=11, significance="principal")
    significant = make_project()
    SdgTag.objects.create(project=significant, goal_id=11, significance="significant")
    eleven = row(goal_overview(), 11)
    assert eleven["partnerships"] == {"principal": 1, "significant": 0}
    assert eleven["projects"] == {"principal": 0, "significant": 1}


def test_a_record_tagged_with_a_goal_and_its_target_counts_once_with_its_strongest_tag():
    project = make_project()
    SdgTag.objects.create(project=project, goal_id=13, significance="significant")
    SdgTag.objects.create(project=project, goal_id=13, target_id="13.2", significance="principal")
    assert row(goal_overview(), 13)["projects"] == {"principal": 1, "significant": 0}


def test_money_is_what_was_spent_in_euros_and_other_currencies_are_not_added():
    project = make_project()
    SdgTag.objects.create(project=project, goal_id=3, significance="principal")
    spend(project, "5000.00", kind="donation")
    spend(project, "1200.50", kind="expenditure")
    spend(project, "90000.00", kind="commitment")  # a promise, not money spent
    spend(project, "700.00", currency="GHS")
    three = row(goal_overview(), 3)
    assert three["money"]["principal"] == Decimal("6200.50")
    assert three["money"]["significant"] == Decimal(0)
    assert three["unconverted"] == 1


def test_internal_records_count_in_the_office_but_not_on_the_portal():
    project = make_project(visibility="internal")
    SdgTag.objects.create(project=project, goal_id=4, significance="principal")
    assert row(goal_overview(public_only=True), 4)["records"] == 0
    assert row(goal_overview(public_only=False), 4)["records"] == 1


def test_the_goal_list_does_not_count_deleted_records():
    from django.utils import timezone

    from partnerwerk.sdg.selectors import goal_list_with_counts

    partnership, project = make_partnership(), make_project()
    SdgTag.objects.create(partnership=partnership, goal_id=6)
    SdgTag.objects.create(project=project, goal_id=6)
    six = goal_list_with_counts().get(number=6)
    assert (six.partnership_count, six.project_count) == (1, 1)
    for record in (partnership, project):
        record.deleted_at = timezone.now()
        record.save()
    six = goal_list_with_counts().get(number=6)
    assert (six.partnership_count, six.project_count) == (0, 0)


def test_the_public_money_leaves_out_internal_transactions_and_counts_converted_ones():
    project = make_project()
    SdgTag.objects.create(project=project, goal_id=7, significance="principal")
    spend(project, "100.00")
    internal = spend(project, "5000.00", kind="expenditure")
    internal.visibility = "internal"
    internal.save()
    converted = spend(project, "700.00", currency="GHS")
    converted.amount_eur = Decimal("50.00")
    converted.value_date = datetime.date(2025, 1, 1)
    converted.save()
    seven = row(goal_overview(public_only=True), 7)
    assert (seven["money"]["principal"], seven["unconverted"]) == (Decimal("150.00"), 0)
    assert row(goal_overview(public_only=False), 7)["money"]["principal"] == Decimal("5150.00")


def test_filtering_by_theme_and_goal_finds_a_partnership_once_without_joining_tags(db):
    water = make_theme(code="water", name_de="Wasser", name_en="Water")
    partnership = make_partnership(themes=[water], sdgs=[6])
    SdgTag.objects.create(partnership=partnership, goal_id=6, target_id="6.1")
    SdgTag.objects.create(partnership=partnership, goal_id=6, target_id="6.2")
    make_partnership(themes=[water], sdgs=[13])

    found = partnership_filter(Partnership.objects.all(), theme="water", sdg=6)

    assert list(found) == [partnership]
    # Rows of themes times rows of tags would need DISTINCT, and cost what the planner guesses.
    sql = str(found.query)
    assert 'JOIN "sdg_sdgtag"' not in sql
    assert 'JOIN "partnerships_partnership_themes"' not in sql
