"""Budgets, funding sources and transactions written through their services: permissions of
the project, conversion at the stated rate, history with who did it."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from partnerwerk.accounts.models import OfficeRole
from partnerwerk.core.services import record_soft_delete
from partnerwerk.projects import services_money as services
from partnerwerk.projects.currency import euros_at
from partnerwerk.projects.models import Transaction
from partnerwerk.testing import (
    make_activity,
    make_budget,
    make_involvement,
    make_organisation,
    make_partnership,
    make_programme,
    make_project,
    make_user,
)

pytestmark = pytest.mark.django_db

APRIL = datetime.date(2025, 4, 3)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def office():
    return make_user(role=OfficeRole.OFFICE)


@pytest.fixture
def project():
    return make_project(key="climate", partnerships=[make_partnership()])


def test_a_transaction_in_cedi_is_converted_at_the_stated_rate(office, project):
    transaction = services.transaction_create(
        actor=office,
        project=project,
        kind="expenditure",
        amount=Decimal("1250.00"),
        currency="GHS",
        exchange_rate=Decimal("12.5"),
        value_date=APRIL,
    )
    assert transaction.amount_eur == Decimal("100.00")
    assert transaction.amount_in_euros == Decimal("100.00")
    assert transaction.key == "climate-expenditure"


def test_the_value_in_euros_is_rounded_to_the_cent():
    assert euros_at(Decimal("100.00"), Decimal("3")) == Decimal("33.33")
    assert euros_at(Decimal("0.05"), Decimal("2")) == Decimal("0.03")


def test_an_amount_in_another_currency_needs_a_rate_and_its_date(office, project):
    with pytest.raises(ValidationError) as refused:
        services.transaction_create(
            actor=office, project=project, kind="donation", amount=Decimal("10"), currency="GHS"
        )
    assert set(refused.value.message_dict) == {"exchange_rate", "value_date"}
    assert not Transaction.objects.exists()


def test_a_rate_of_zero_is_refused(office, project):
    with pytest.raises(ValidationError) as refused:
        services.budget_create(
            actor=office,
            project=project,
            period_start=datetime.date(2025, 1, 1),
            period_end=datetime.date(2025, 12, 31),
            amount=Decimal("1000"),
            currency="GHS",
            exchange_rate=Decimal("0"),
            value_date=APRIL,
        )
    assert "exchange_rate" in refused.value.message_dict


def test_an_amount_in_euros_takes_no_rate(office, project):
    with pytest.raises(ValidationError) as refused:
        services.transaction_create(
            actor=office,
            project=project,
            kind="donation",
            amount=Decimal("10"),
            exchange_rate=Decimal("12.5"),
        )
    assert "exchange_rate" in refused.value.message_dict


def test_changing_the_rate_changes_the_value_in_euros(office, project):
    transaction = services.transaction_create(
        actor=office,
        project=project,
        kind="disbursement",
        amount=Decimal("1000"),
        currency="ghs",
        exchange_rate=Decimal("10"),
        value_date=APRIL,
    )
    assert transaction.currency == "GHS"
    services.transaction_update(actor=office, transaction=transaction, exchange_rate=Decimal("8"))
    transaction.refresh_from_db()
    assert transaction.amount_eur == Decimal("125.00")
    services.transaction_update(
        actor=office, transaction=transaction, currency="EUR", exchange_rate=None
    )
    transaction.refresh_from_db()
    assert (transaction.amount_eur, transaction.amount_in_euros) == (None, Decimal("1000.00"))


def test_an_in_kind_contribution_without_value_needs_no_rate_but_a_description(office, project):
    with pytest.raises(ValidationError) as refused:
        services.transaction_create(actor=office, project=project, kind="in_kind", currency="GHS")
    assert "Describe the in-kind contribution." in refused.value.messages
    gift = services.transaction_create(
        actor=office, project=project, kind="in_kind", currency="GHS", description_de="Laptops"
    )
    assert gift.amount_eur is None


def test_a_transaction_belongs_to_a_project_or_an_activity(office):
    with pytest.raises(ValidationError):
        services.transaction_create(actor=office, kind="donation", amount=Decimal("5"))


def test_a_transaction_of_an_activity_may_not_name_another_project(office, project):
    activity = make_activity(project=make_project())
    with pytest.raises(ValidationError) as refused:
        services.transaction_create(
            actor=office, project=project, activity=activity, kind="donation", amount=Decimal(5)
        )
    assert "activity" in refused.value.message_dict


def test_every_write_leaves_a_history_entry_with_who_did_it(office, project):
    budget = services.budget_create(
        actor=office,
        project=project,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        amount=Decimal("5000"),
    )
    services.budget_update(actor=office, budget=budget, status="committed")
    record_soft_delete(actor=office, record=budget)
    entries = list(budget.history.order_by("history_date"))
    assert [entry.history_type for entry in entries] == ["+", "~", "~"]
    assert {entry.history_user for entry in entries} == {office}
    assert entries[1].status == "committed"


def test_a_second_budget_of_the_same_kind_and_period_is_refused(office, project):
    make_budget(project=project)
    with pytest.raises(ValidationError) as refused:
        services.budget_create(
            actor=office,
            project=project,
            period_start=datetime.date(2025, 1, 1),
            period_end=datetime.date(2025, 12, 31),
            amount=Decimal("1"),
        )
    assert "The project already has a budget of this kind for this period." in (
        refused.value.messages
    )


def test_a_funding_source_names_a_funder_or_a_programme(office, project):
    with pytest.raises(ValidationError):
        services.funding_source_create(actor=office, project=project, amount=Decimal("1"))
    source = services.funding_source_create(
        actor=office,
        project=project,
        programme=make_programme(),
        amount=Decimal("2000"),
        currency="USD",
        exchange_rate=Decimal("1.08"),
        value_date=APRIL,
    )
    assert source.amount_eur == Decimal("1851.85")


def test_a_department_editor_keeps_the_money_of_their_organisations_project(project):
    organisation = make_organisation()
    make_involvement(organisation=organisation, project=project, role="lead")
    editor = make_user(role=OfficeRole.DEPARTMENT_EDITOR, organisation=organisation)
    budget = services.budget_create(
        actor=editor,
        project=project,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        amount=Decimal("100"),
    )
    services.budget_update(actor=editor, budget=budget, amount=Decimal("200"))
    other = make_project()
    with pytest.raises(PermissionDenied):
        services.budget_update(actor=editor, budget=budget, project=other)
    with pytest.raises(PermissionDenied):
        services.transaction_create(
            actor=editor, project=other, kind="donation", amount=Decimal("1")
        )


def test_a_counterpart_does_not_change_money_even_of_their_own_partnership():
    partnership = make_partnership()
    project = make_project(partnerships=[partnership])
    activity = make_activity(partnerships=[partnership])
    counterpart = make_user(role=OfficeRole.COUNTERPART, partnership=partnership)
    assert counterpart.has_perm("projects.view_budget", make_budget(project=project))
    with pytest.raises(PermissionDenied):
        services.transaction_create(
            actor=counterpart, activity=activity, kind="donation", amount=Decimal("1")
        )
    with pytest.raises(PermissionDenied):
        services.funding_source_create(
            actor=counterpart, project=project, funder=make_organisation()
        )


def test_a_viewer_changes_no_money(project):
    viewer = make_user(role=OfficeRole.VIEWER)
    budget = make_budget(project=project)
    with pytest.raises(PermissionDenied):
        services.budget_update(actor=viewer, budget=budget, amount=Decimal("1"))
    with pytest.raises(PermissionDenied):
        record_soft_delete(actor=viewer, record=budget)
