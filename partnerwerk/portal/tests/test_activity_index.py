"""The activities page: coming ones first, then past ones (the newest first), with filters by
kind, partnership and year that never fail on odd input."""

import datetime

import pytest
from django.utils import timezone

from partnerwerk.projects.selectors_activities import COMING, PAST, UNDATED
from partnerwerk.testing import make_activity, make_partnership, make_project

TODAY = timezone.localdate()


def _days(number: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=number)


@pytest.fixture
def timeline(db, kumasi, home):
    """Activities before, around and after today, of two partnerships."""
    climate = kumasi.partner_partnerships.get()
    other = make_partnership(key="dortmund-leeds-twinning", home=home)
    make_activity(
        key="next-month",
        title_de="Nächsten Monat",
        kind="workshop",
        start_date=_days(30),
        partnerships=[climate],
    )
    make_activity(
        key="tomorrow", title_de="Morgen", kind="meeting", start_date=_days(1), partnerships=[other]
    )
    make_activity(
        key="running",
        title_de="Läuft noch",
        kind="exchange",
        start_date=_days(-3),
        end_date=_days(3),
        partnerships=[climate],
    )
    make_activity(
        key="last-week",
        title_de="Letzte Woche",
        kind="meeting",
        start_date=_days(-7),
        partnerships=[other],
    )
    make_activity(
        key="long-ago",
        title_de="Lange her",
        kind="conference",
        start_date=datetime.date(2015, 6, 1),
        partnerships=[climate],
    )
    make_activity(key="undated", title_de="Ohne Datum", kind="meeting", partnerships=[climate])
    make_activity(
        key="internal",
        title_de="Nur für das Büro",
        kind="meeting",
        start_date=_days(2),
        visibility="internal",
        partnerships=[climate],
    )
    return climate, other


def _keys(response) -> list[str]:
    return [activity.key for activity in response.context["page"].object_list]


def test_coming_activities_come_first_the_soonest_first_then_past_ones_newest_first(
    client, timeline
):
    response = client.get("/activities/")
    assert _keys(response) == [
        "running",
        "tomorrow",
        "next-month",
        "last-week",
        "delegation-2023",
        "long-ago",
        "undated",
    ]
    phases = [activity.phase for activity in response.context["page"].object_list]
    assert phases == [COMING, COMING, COMING, PAST, PAST, PAST, UNDATED]
    text = response.text
    assert text.index("Kommende und laufende") < text.index("Vergangene Aktivitäten")
    assert "Nur für das Büro" not in text


def test_the_activities_filter_by_kind_partnership_and_year(client, timeline):
    assert set(_keys(client.get("/activities/?kind=meeting"))) == {
        "tomorrow",
        "last-week",
        "undated",
    }
    by_partnership = client.get("/activities/?partnership=dortmund-leeds-twinning")
    assert set(_keys(by_partnership)) == {"tomorrow", "last-week"}
    assert _keys(client.get("/activities/?year=2015")) == ["long-ago"]
    both = client.get("/activities/?kind=conference&partnership=dortmund-kumasi-climate&year=2015")
    assert _keys(both) == ["long-ago"]
    assert "1 Aktivität entspricht dieser Auswahl." in both.text


def test_a_partnership_filter_finds_the_activities_of_its_projects_too(client, timeline):
    climate, _other = timeline
    project = make_project(key="climate-project", partnerships=[climate])
    make_activity(
        key="project-visit",
        title_de="Projektbesuch",
        kind="meeting",
        start_date=datetime.date(2019, 3, 1),
        project=project,
    )
    keys = _keys(client.get("/activities/?partnership=dortmund-kumasi-climate"))
    assert "project-visit" in keys and "tomorrow" not in keys


def test_the_filters_offer_only_what_has_activities_and_show_names(client, timeline):
    text = client.get("/activities/").text
    assert '<option value="dortmund-kumasi-climate">Kumasi (Klimapartnerschaft)</option>' in text
    assert '<option value="2015">2015</option>' in text
    assert '<option value="1999">' not in text


@pytest.mark.parametrize(
    "query",
    [
        "year=99999999999999999999999",
        "year=-5",
        "year=0",
        "year=abc",
        "year=²",
        "kind=nonsense",
        "partnership=no-such-key",
        "partnership=%00",
        "page=99999999999999999999",
        "page=x",
    ],
)
def test_odd_filters_give_a_page_never_an_error(client, timeline, query):
    response = client.get(f"/activities/?{query}")
    assert response.status_code == 200


def test_a_year_without_activities_says_so_cleanly(client, timeline):
    response = client.get("/en/activities/?year=99999999999999999999999")
    assert response.status_code == 200
    assert "No activity matches this choice." in response.text
    assert 'href="/en/activities/"' in response.text


def test_unknown_filter_values_are_no_filter(client, timeline):
    assert len(_keys(client.get("/activities/?kind=nonsense&partnership=nope"))) == 7


def test_the_page_says_when_nothing_is_coming(client, kumasi):
    text = client.get("/activities/").text
    assert "Zurzeit sind keine kommenden Aktivitäten veröffentlicht." in text
    assert "Delegationsreise nach Kumasi" in text  # the past ones follow


def test_coming_activities_leave_no_such_note(client, timeline):
    assert "Zurzeit sind keine kommenden" not in client.get("/activities/").text


def test_a_chosen_partnership_offers_its_calendar_feed(client, timeline):
    from django.urls import reverse

    feed = reverse("calendar:partnership", args=["dortmund-leeds-twinning"])
    assert f'href="{feed}"' in client.get("/activities/?partnership=dortmund-leeds-twinning").text
    assert f'href="{feed}"' not in client.get("/activities/").text
