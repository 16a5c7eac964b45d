"""The dashboard: quick actions only for what the user may do (each opens its page), counts of
the city's own records with correct plurals, and what is late or coming: activities in the
next 30 days, steps awaiting confirmation, ongoing projects past their end date, money
without a value in euros; its query count does not grow with the data."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from lxml import html

from partnerwerk.office.dashboard import COUNT_TEXTS, NEW_RECORDS, number_text
from partnerwerk.office.selectors import step_proposal_partnerships
from partnerwerk.partnerships.models import Partnership
from partnerwerk.partnerships.services import step_propose
from partnerwerk.testing import (
    make_activity,
    make_budget,
    make_involvement,
    make_organisation,
    make_partnership,
    make_project,
    make_transaction,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db

ROLES = ["office", "administrator", "department_editor", "counterpart", "viewer"]


def _today() -> datetime.date:
    return timezone.localdate()


def _page(client, path: str = "/office/"):
    response = client.get(path)
    assert response.status_code == 200
    return html.fromstring(response.content)


def _actions(tree) -> dict[str, str]:
    links = tree.xpath("//section[@class='quick-actions']//a")
    return {" ".join(link.text_content().split()): link.get("href") for link in links}


def _section_text(tree, heading_id: str) -> str:
    [section] = tree.xpath(f"//section[@aria-labelledby='{heading_id}']")
    return " ".join(section.text_content().split())


def _counts(tree) -> list[str]:
    return [
        " ".join(item.text_content().split())
        for item in tree.xpath("//section[@aria-labelledby='own-records']//li")
    ]


def _user(role: str, worlds):
    own = worlds["own"]
    if role == "department_editor":
        return make_user(role=role, organisation=own.organisation)
    if role == "counterpart":
        return make_user(role=role, partnership=own.partnership)
    return make_user(role=role)


def test_office_staff_find_every_quick_action(client, worlds):
    sign_in_with_two_factors(client, make_user(role="office"))
    actions = _actions(_page(client))
    assert actions == {
        "Neue Partnerschaft": "/office/partnerships/new/",
        "Neues Projekt": "/office/projects/new/",
        "Neue Aktivität": "/office/activities/new/",
        "Neues Dokument": "/office/documents/new/",
        "2 vorgeschlagene Schritte bestätigen": "#pending-steps",
        "Tabelle importieren": "/office/open-data/import/",
        "Offene Daten herunterladen": "/office/open-data/",
    }


def test_office_staff_choose_the_partnership_of_a_new_step_first(client, worlds):
    sign_in_with_two_factors(client, make_user(role="office"))
    [select] = _page(client).xpath("//form[@class='step-action']//select")
    assert select.get("required") is not None
    assert select.xpath("./option/@value") == [
        "",
        *(str(p.pk) for p in step_proposal_partnerships(make_user(role="office"))),
    ]


def test_a_viewer_is_offered_only_what_a_viewer_may_do(client, worlds):
    sign_in_with_two_factors(client, make_user(role="viewer"))
    tree = _page(client)
    assert _actions(tree) == {"Offene Daten herunterladen": "/office/open-data/"}
    assert not tree.xpath("//form[@class='step-action']")


def test_a_counterpart_proposes_a_step_for_their_own_partnership_only(client, worlds):
    own = worlds["own"]
    sign_in_with_two_factors(client, make_user(role="counterpart", partnership=own.partnership))
    tree = _page(client)
    [form] = tree.xpath("//form[@class='step-action']")
    assert form.get("action") == "/office/steps/new/"
    assert form.xpath(".//option/@value") == [str(own.partnership.pk)]
    assert " ".join(form.xpath(".//button")[0].text_content().split()) == "Schritt vorschlagen"
    assert "Neue Partnerschaft" not in _actions(tree)


@pytest.mark.parametrize("role", ROLES)
def test_every_quick_action_opens_its_page_for_the_user(client, worlds, role):
    sign_in_with_two_factors(client, _user(role, worlds))
    tree = _page(client)
    for url in _actions(tree).values():
        if not url.startswith("#"):
            assert client.get(url).status_code == 200, url
    for value in tree.xpath("//form[@class='step-action']//option[@value != '']/@value"):
        assert client.get("/office/steps/new/", {"partnership": value}).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_a_new_record_is_offered_exactly_when_its_form_opens(client, worlds, role):
    sign_in_with_two_factors(client, _user(role, worlds))
    offered = set(_actions(_page(client)).values())
    for slug in NEW_RECORDS:
        url = f"/office/{slug}/new/"
        assert (url in offered) == (client.get(url).status_code == 200), url


@pytest.mark.parametrize("role", ROLES)
def test_steps_are_offered_for_exactly_the_partnerships_the_user_may_propose_for(worlds, role):
    user = _user(role, worlds)
    make_partnership(origin="registry")
    allowed = [
        partnership
        for partnership in Partnership.objects.curated()
        if user.has_perm("partnerships.propose_step", partnership)
    ]
    assert sorted(p.pk for p in step_proposal_partnerships(user)) == sorted(p.pk for p in allowed)


def test_the_counts_are_of_the_city_s_own_records_not_the_registry_s(client):
    sign_in_with_two_factors(client, make_user(role="office"))
    make_partnership()
    make_partnership()
    for _ in range(3):
        make_partnership(origin="registry")
    make_project()
    assert _counts(_page(client)) == [
        "2 Partnerschaften",
        "1 Projekt",
        "0 Aktivitäten",
        "0 Dokumente",
        "0 Organisationen",
        "0 Personen",
    ]


def test_a_counterpart_counts_only_their_partnership_s_records(client, worlds):
    own = worlds["own"]
    sign_in_with_two_factors(client, make_user(role="counterpart", partnership=own.partnership))
    # Neither organisations nor people: a counterpart may not open those lists.
    assert _counts(_page(client)) == ["1 Partnerschaft", "1 Projekt", "1 Aktivität", "1 Dokument"]


def test_a_count_groups_its_digits_as_the_reader_does():
    with translation.override("de"):
        assert number_text(COUNT_TEXTS["partnerships"], 24627) == "24.627 Partnerschaften"
        assert number_text(COUNT_TEXTS["people"], 1) == "1 Person"
    with translation.override("en"):
        assert number_text(COUNT_TEXTS["partnerships"], 24627) == "24,627 partnerships"
        assert number_text(COUNT_TEXTS["activities"], 1) == "1 activity"


def test_activities_of_the_next_30_days_are_coming(client):
    sign_in_with_two_factors(client, make_user(role="office"))
    make_activity(title_de="Morgen", start_date=_today() + datetime.timedelta(days=1))
    make_activity(title_de="In 30 Tagen", start_date=_today() + datetime.timedelta(days=30))
    make_activity(title_de="In 31 Tagen", start_date=_today() + datetime.timedelta(days=31))
    make_activity(title_de="Gestern", start_date=_today() - datetime.timedelta(days=1))
    text = _section_text(_page(client), "coming-activities")
    assert text.startswith("Aktivitäten der nächsten 30 Tage")
    assert "Morgen" in text and "In 30 Tagen" in text
    assert "In 31 Tagen" not in text and "Gestern" not in text


def test_more_than_ten_coming_activities_say_how_many_more(client):
    sign_in_with_two_factors(client, make_user(role="office"))
    for day in range(12):
        make_activity(start_date=_today() + datetime.timedelta(days=day))
    assert "und 2 weitere" in _section_text(_page(client), "coming-activities")


def test_ongoing_projects_past_their_end_date_are_late(client):
    sign_in_with_two_factors(client, make_user(role="office"))
    past = _today() - datetime.timedelta(days=3)
    make_project(title_de="Überfällig", status="ongoing", end_date=past)
    make_project(title_de="Abgeschlossen", status="completed", end_date=past)
    make_project(title_de="Läuft noch", status="ongoing", end_date=_today())
    make_project(title_de="Ohne Ende", status="ongoing")
    text = _section_text(_page(client), "overdue-projects")
    assert "Überfällig" in text
    assert "Abgeschlossen" not in text and "Läuft noch" not in text and "Ohne Ende" not in text


def test_money_in_another_currency_without_a_value_in_euros_is_listed(client):
    sign_in_with_two_factors(client, make_user(role="office"))
    project = make_project(title_de="Kumasi-Projekt")
    make_transaction(project=project, currency="GHS", amount=Decimal("1250.00"))
    make_transaction(
        project=project,
        currency="GHS",
        amount=Decimal("500.00"),
        exchange_rate=Decimal("12.5"),
        value_date=datetime.date(2025, 4, 3),
        amount_eur=Decimal("40.00"),
    )
    make_transaction(project=project, amount=Decimal("99.00"))  # in euros
    make_budget(project=project, currency="GHS", amount=Decimal("7000.00"))
    tree = _page(client)
    text = _section_text(tree, "unconverted-money")
    assert "1.250,00 GHS" in text and "7.000,00 GHS" in text
    assert "500,00" not in text and "99,00" not in text
    links = tree.xpath("//section[@aria-labelledby='unconverted-money']//li/a/@href")
    assert links == [f"/office/projects/{project.pk}/#money"] * 2


def test_a_counterpart_sees_only_their_partnership_s_late_money(client, worlds):
    own, other = worlds["own"], worlds["other"]
    make_transaction(project=own.project, currency="GHS", amount=Decimal("11.00"))
    make_transaction(project=other.project, currency="GHS", amount=Decimal("22.00"))
    sign_in_with_two_factors(client, make_user(role="counterpart", partnership=own.partnership))
    text = _section_text(_page(client), "unconverted-money")
    assert "11,00 GHS" in text and "22,00" not in text


def test_the_dashboard_reads_in_english_too(client):
    sign_in_with_two_factors(client, make_user(role="office"))
    make_project()
    tree = _page(client, "/en/office/")
    assert "1 project" in _counts(tree)
    assert "New partnership" in _actions(tree)
    assert _section_text(tree, "coming-activities").startswith("Activities in the next 30 days")


def _add_dashboard_rows(count: int, organisation, proposer) -> None:
    """Records for every part of the dashboard: partnerships the editor's organisation takes
    part in with a proposed step, late projects, coming activities, unconverted money."""
    for _ in range(count):
        partnership = make_partnership()
        make_involvement(organisation=organisation, partnership=partnership)
        step_propose(actor=proposer, partnership=partnership, kind="visit", on=_today())
        project = make_project(
            partnerships=[partnership], end_date=_today() - datetime.timedelta(days=1)
        )
        make_activity(
            partnerships=[partnership],
            project=project,
            start_date=_today() + datetime.timedelta(days=2),
        )
        make_transaction(project=project, currency="GHS", amount=Decimal("10.00"))
        make_budget(project=project, currency="GHS", amount=Decimal("10.00"))
        make_partnership(origin="registry")


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get("/office/").status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("role", ROLES)
def test_the_dashboard_needs_as_many_queries_for_ten_rows_of_each_kind_as_for_two(client, role):
    organisation = make_organisation()
    proposer = make_user(role="office")
    first = make_partnership()
    user = make_user(
        role=role,
        organisation=organisation if role == "department_editor" else None,
        partnership=first if role == "counterpart" else None,
    )
    sign_in_with_two_factors(client, user)
    client.get("/office/")  # the first request starts the session's clock (a write)
    _add_dashboard_rows(2, organisation, proposer)
    few = _queries(client)
    _add_dashboard_rows(10, organisation, proposer)
    assert _queries(client) == few
