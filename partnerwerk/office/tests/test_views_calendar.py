"""The office calendar and money pages of projects."""

import datetime

import pytest
from django.urls import reverse

from partnerwerk.testing import (
    make_activity,
    make_partnership,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db


def test_the_month_counts_only_the_activities_a_counterpart_may_see(client):
    partnership = make_partnership()
    on = datetime.date(2025, 7, 9)
    make_activity(
        title_de="Offen", partnerships=[partnership], start_date=on, start_precision="day"
    )
    make_activity(
        title_de="Geheimtreffen",
        partnerships=[partnership],
        start_date=on,
        start_precision="day",
        visibility="internal",
    )
    make_activity(
        title_de="Geheimtreffen im Juli",
        start_date=datetime.date(2025, 7, 1),
        start_precision="month",
        visibility="internal",
    )
    sign_in_with_two_factors(client, make_user(role="counterpart", partnership=partnership))

    response = client.get(reverse("office:calendar"), {"year": 2025, "month": 7})

    month = response.context["month"]
    shown = {a.pk for week in month["weeks"] for _day, items in week for a in items}
    shown |= {a.pk for a in month["undated_days"]}
    assert month["count"] == len(shown) == 1
    assert "Geheimtreffen" not in response.content.decode()


@pytest.mark.parametrize(
    ("asked", "shown"),
    [
        ({"year": 9999, "month": 12}, datetime.date(9998, 12, 1)),
        ({"year": 1, "month": 1}, datetime.date(2, 1, 1)),
        ({"year": 2025, "month": 2147483648}, datetime.date(2025, 12, 1)),
        ({"year": "9223372036854775808", "month": 7}, datetime.date(9998, 7, 1)),
        ({"year": "²", "month": "7"}, None),
    ],
)
def test_the_month_page_shows_the_nearest_month_it_can_link_around(client, asked, shown):
    sign_in_with_two_factors(client, make_user(role="office"))

    response = client.get(reverse("office:calendar"), asked)

    assert response.status_code == 200
    first = response.context["month"]["first"]
    if shown is None:  # not a number: this year
        assert first.year == datetime.date.today().year and first.month == 7
    else:
        assert first == shown
    assert response.context["previous"] < first < response.context["following"]


def test_the_list_without_coming_activities_says_so_and_offers_the_dated_ones(client):
    for days in (40, 400):
        make_activity(start_date=datetime.date.today() - datetime.timedelta(days=days))
    make_activity(title_de="Ohne Datum")
    sign_in_with_two_factors(client, make_user(role="office"))

    text = " ".join(client.get(reverse("office:calendar-list")).text.split())
    assert "Keine Aktivitäten ab " in text
    assert "Keine datierten Aktivitäten" not in text
    assert '<a href="?all=1">Alle 2 datierten Aktivitäten davor zeigen</a>' in text
    assert client.get(reverse("office:calendar-list"), {"all": "1"}).context["activities"]
