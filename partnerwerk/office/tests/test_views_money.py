"""Money in the office: budgets, funding sources and transactions entered, changed and
deleted on the project's and activity's pages, with totals in euros, the stated exchange
rate, history, and the project's permissions."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from partnerwerk.accounts.models import OfficeRole
from partnerwerk.office.forms_money import TransactionForm
from partnerwerk.projects.models import Budget, FundingSource, Transaction
from partnerwerk.projects.services_money import budget_create, transaction_create
from partnerwerk.testing import (
    make_activity,
    make_organisation,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db

APRIL = datetime.date(2025, 4, 3)
BUDGET = {
    "kind": "original",
    "status": "committed",
    "period_start": "2025-01-01",
    "period_end": "2025-12-31",
    "amount": "5000.00",
    "currency": "EUR",
}
CEDI_EXPENDITURE = {
    "kind": "expenditure",
    "date": "2025-04-03",
    "amount": "1250.00",
    "currency": "GHS",
    "exchange_rate": "12.5",
    "value_date": "2025-04-03",
    "visibility": "internal",
}


@pytest.fixture
def office(client):
    user = make_user(role=OfficeRole.OFFICE)
    sign_in_with_two_factors(client, user)
    return user


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def _page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_office_staff_add_a_budget_on_the_project_page_and_see_it_there(client, worlds, office):
    project = worlds["own"].project
    page = _page(client, f"/office/projects/{project.pk}/")
    assert "Noch keine Budgets." in page
    assert f'href="/office/budgets/new/?project={project.pk}"' in page

    form = _page(client, f"/office/budgets/new/?project={project.pk}")
    assert "Wechselkurs" in form and "1 EUR = 12,5 GHS" in form
    assert "Ghanaischer Cedi (GHS)" in form
    response = client.post(
        f"/office/budgets/new/?project={project.pk}", {**BUDGET, "project": project.pk}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/office/projects/{project.pk}/#money"
    budget = Budget.objects.get(project=project)
    assert budget.history.get().history_user == office

    page = _page(client, f"/office/projects/{project.pk}/")
    assert "5.000,00\xa0€" in page or "5.000,00 €" in page
    assert "Ursprünglich, zugesagt" in page and "committed" not in page


def test_a_transaction_in_cedi_shows_its_rate_and_its_value_in_euros(client, worlds, office):
    project = worlds["own"].project
    response = client.post(
        f"/office/transactions/new/?project={project.pk}",
        {**CEDI_EXPENDITURE, "project": project.pk},
    )
    assert response.status_code == 302
    transaction = Transaction.objects.get(project=project)
    assert transaction.amount_eur == Decimal("100.00")
    assert transaction.exchange_rate == Decimal("12.5")

    page = _page(client, f"/office/projects/{project.pk}/")
    assert "1.250,00 GHS" in page
    assert "1 EUR = 12,5 GHS (03.04.2025)" in page
    assert "100,00 €" in page
    assert "Ausgabe" in page and "expenditure" not in page


def test_a_foreign_amount_without_a_rate_is_refused_with_the_reason_at_the_field(
    client, worlds, office
):
    project = worlds["own"].project
    data = {**CEDI_EXPENDITURE, "project": project.pk, "exchange_rate": "", "value_date": ""}
    response = client.post(f"/office/transactions/new/?project={project.pk}", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Geben Sie den Wechselkurs an" in page
    assert "Geben Sie das Datum des Wechselkurses an." in page
    assert not Transaction.objects.exists()


def test_money_of_an_activity_is_entered_on_the_activity_page(client, worlds, office):
    activity = worlds["own"].activity
    page = _page(client, f"/office/activities/{activity.pk}/")
    assert f'href="/office/transactions/new/?activity={activity.pk}"' in page
    form = _page(client, f"/office/transactions/new/?activity={activity.pk}")
    assert f'<option value="{activity.pk}" selected>' in form
    response = client.post(
        f"/office/transactions/new/?activity={activity.pk}",
        {
            "kind": "donation",
            "amount": "250",
            "currency": "EUR",
            "activity": activity.pk,
            "visibility": "public",
        },
    )
    assert response["Location"] == f"/office/activities/{activity.pk}/#money"
    assert "250,00 €" in _page(client, f"/office/activities/{activity.pk}/")
    # The project counts its activity's money too.
    assert "250,00 €" in _page(client, f"/office/projects/{activity.project_id}/")


def test_the_partnership_page_shows_the_money_of_its_activities_without_a_project(
    client, worlds, office
):
    partnership = worlds["own"].partnership
    loose = make_activity(title_de="Spendenübergabe", partnerships=[partnership])
    transaction_create(actor=None, activity=loose, kind="donation", amount=Decimal("5000"))
    transaction_create(
        actor=None, project=worlds["own"].project, kind="expenditure", amount=Decimal("7")
    )
    page = _page(client, f"/office/partnerships/{partnership.pk}/")
    assert "5.000,00 €" in page and "Spendenübergabe" in page
    assert "7,00 €" not in page


def test_a_funding_source_is_added_by_programme_or_funder(client, worlds, office):
    project = worlds["own"].project
    funder = make_organisation(name="Engagement Global")
    response = client.post(
        f"/office/funding-sources/new/?project={project.pk}",
        {"project": project.pk, "funder": funder.pk, "amount": "2000", "currency": "EUR"},
    )
    assert response.status_code == 302
    assert FundingSource.objects.get(project=project).funder == funder
    assert "Engagement Global" in _page(client, f"/office/projects/{project.pk}/")


def test_editing_a_transaction_keeps_its_history(client, worlds, office):
    transaction = transaction_create(
        actor=office, project=worlds["own"].project, kind="donation", amount=Decimal("10")
    )
    form = _page(client, f"/office/transactions/{transaction.pk}/")
    assert worlds["own"].project.title_de in form  # the way back to the project
    data = {
        "kind": "donation",
        "amount": "12",
        "currency": "EUR",
        "project": transaction.project_id,
        "visibility": "public",
    }
    assert client.post(f"/office/transactions/{transaction.pk}/", data).status_code == 302
    transaction.refresh_from_db()
    assert transaction.amount == Decimal("12.00")
    history = _page(client, f"/office/transactions/{transaction.pk}/history/")
    assert history.count("<li>") >= 2


def test_a_department_editor_keeps_money_of_their_own_project_only(client, worlds):
    editor = make_user(role=OfficeRole.DEPARTMENT_EDITOR, organisation=worlds["own"].organisation)
    sign_in_with_two_factors(client, editor)
    own, other = worlds["own"].project, worlds["other"].project
    assert client.get(f"/office/budgets/new/?project={own.pk}").status_code == 200
    assert client.get(f"/office/budgets/new/?project={other.pk}").status_code == 403
    response = client.post(
        f"/office/budgets/new/?project={own.pk}", {**BUDGET, "project": other.pk}
    )
    assert response.status_code == 403
    assert not Budget.objects.exists()


def test_a_counterpart_reads_the_money_of_their_partnership_and_changes_none(client, worlds):
    own, other = worlds["own"].project, worlds["other"].project
    budget = budget_create(
        actor=None,
        project=own,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        amount=Decimal("900"),
    )
    foreign = budget_create(
        actor=None,
        project=other,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        amount=Decimal("800"),
    )
    counterpart = make_user(role=OfficeRole.COUNTERPART, partnership=worlds["own"].partnership)
    sign_in_with_two_factors(client, counterpart)
    page = _page(client, f"/office/projects/{own.pk}/")
    assert "900,00 €" in page
    assert "/office/budgets/new/" not in page
    assert f"/office/budgets/{budget.pk}/delete/" not in page
    assert client.get(f"/office/budgets/{budget.pk}/").status_code == 200
    assert client.get(f"/office/budgets/{foreign.pk}/").status_code == 404
    assert client.get(f"/office/budgets/new/?project={own.pk}").status_code == 403
    assert client.post(f"/office/budgets/{budget.pk}/delete/").status_code == 403


def test_a_form_offers_only_the_projects_and_activities_the_user_may_read(worlds):
    counterpart = make_user(role=OfficeRole.COUNTERPART, partnership=worlds["own"].partnership)
    form = TransactionForm(user=counterpart)
    assert list(form.fields["project"].queryset) == [worlds["own"].project]
    assert list(form.fields["activity"].queryset) == [worlds["own"].activity]
    assert not form.fields["provider"].queryset.exists()


def test_the_money_page_names_projects_and_kinds_and_shows_budgets(client, worlds, office):
    project = worlds["own"].project
    budget_create(
        actor=None,
        project=project,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        amount=Decimal("25000"),
        currency="GHS",
        exchange_rate=Decimal("12.5"),
        value_date=APRIL,
    )
    transaction_create(actor=None, project=project, kind="in_kind", description_de="Laptops")
    page = _page(client, "/office/money/")
    assert "Keine Budgets" not in page
    assert project.title_de in page and project.key not in page
    assert "2.000,00 €" in page
    assert "Sachleistung" in page and "in_kind" not in page


def test_a_deleted_budget_leaves_the_project_page_and_the_office_restores_it(
    client, worlds, office
):
    project = worlds["own"].project
    budget = budget_create(
        actor=None,
        project=project,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        amount=Decimal("4321"),
    )
    confirm = _page(client, f"/office/budgets/{budget.pk}/delete/")
    assert "4.321,00 EUR" in confirm
    response = client.post(f"/office/budgets/{budget.pk}/delete/")
    assert response["Location"] == f"/office/projects/{project.pk}/#money"
    assert "4.321,00" not in _page(client, f"/office/projects/{project.pk}/")
    assert "4.321,00 EUR" in _page(client, "/office/trash/")
    client.post(f"/office/budgets/{budget.pk}/restore/")
    assert "4.321,00" in _page(client, f"/office/projects/{project.pk}/")


def _add_money(project, count: int) -> None:
    from partnerwerk.projects.services_money import funding_source_create

    for number in range(count):
        budget_create(
            actor=None,
            project=project,
            period_start=datetime.date(2000 + len(Budget.objects.all()), 1, 1),
            period_end=datetime.date(2000 + len(Budget.objects.all()), 12, 31),
            amount=Decimal("100"),
            currency="GHS",
            exchange_rate=Decimal("12.5"),
            value_date=APRIL,
        )
        funding_source_create(
            actor=None, project=project, funder=make_organisation(), amount=Decimal(number)
        )
        transaction_create(
            actor=None,
            project=project,
            kind="disbursement",
            amount=Decimal("10"),
            provider=make_organisation(),
            receiver=make_organisation(),
        )
        transaction_create(
            actor=None,
            activity=make_activity(project=project),
            kind="in_kind",
            description_de="Laptops",
        )


def test_the_project_page_needs_as_many_queries_for_ten_rows_of_money_as_for_two(
    client, worlds, office
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    project = worlds["own"].project
    path = f"/office/projects/{project.pk}/"
    client.get(path)  # the first request starts the session's clock (a write)
    _add_money(project, 2)
    with CaptureQueriesContext(connection) as few:
        client.get(path)
    _add_money(project, 8)
    with CaptureQueriesContext(connection) as many:
        assert "80,00 €" in client.get(path).content.decode()  # ten budgets of 8 euros
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_history_of_a_transaction_reads_in_labels_and_names(client, worlds, office):
    transaction = transaction_create(
        actor=office, project=worlds["own"].project, kind="donation", amount=Decimal("10")
    )
    from partnerwerk.projects.services_money import transaction_update

    transaction_update(
        actor=office,
        transaction=transaction,
        kind="in_kind",
        description_de="Laptops",
        provider=make_organisation(name="Sparkasse Dortmund"),
    )
    page = _page(client, f"/office/transactions/{transaction.pk}/history/")
    assert "Geldspende" in page and "Sachleistung" in page
    assert "Sparkasse Dortmund" in page
    assert "in_kind" not in page and "donation" not in page


@pytest.mark.parametrize("slug", ["budgets", "funding-sources", "transactions", "involvements"])
def test_the_office_lists_each_kind_of_money_and_involvement(client, worlds, office, slug):
    transaction_create(
        actor=None, project=worlds["own"].project, kind="donation", amount=Decimal("75")
    )
    page = _page(client, f"/office/{slug}/")
    if slug == "transactions":
        assert "Geldspende · 75,00 EUR" in page
    if slug == "involvements":
        assert "Own office (Federführung)" in page
