import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from partnerwerk.exchange.ical import public_feed
from partnerwerk.testing import make_active_partnership, make_activity, make_place

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, whatever the default language."""
    with translation.override("en"):
        yield


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_the_feed_parses_back_with_stable_uids_dtstamp_and_the_berlin_time_zone():
    make_activity(
        key="signing",
        title_de="Unterzeichnung",
        start_date=datetime.date(2024, 5, 14),
        start_precision="day",
        start_time=datetime.time(11, 0),
        end_time=datetime.time(12, 30),
        place=make_place(name="Dortmund"),
    )
    make_activity(
        key="visit",
        title_de="Besuch",
        start_date=datetime.date(2024, 11, 17),
        start_precision="day",
        end_date=datetime.date(2024, 11, 20),
        end_precision="day",
    )

    data = public_feed(base_url="https://example.org/")
    calendar = Calendar.from_ical(data)
    signing, visit = events(data)

    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert str(signing["UID"]) == "activity-signing@partnerwerk-2935517"
    assert signing["DTSTAMP"].dt.tzinfo is not None
    start = signing["DTSTART"].dt
    assert (start.hour, str(start.tzinfo)) == (11, "Europe/Berlin")
    assert signing["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert str(signing["URL"]) == "https://example.org/activities/signing/"
    assert visit["DTSTART"].dt == datetime.date(2024, 11, 17)
    assert visit["DTEND"].dt == datetime.date(2024, 11, 21)  # exclusive end of an all-day event
    assert public_feed(base_url="https://example.org/") == data  # same data, same feed


def test_the_feed_leaves_out_internal_activities_and_those_dated_only_by_month():
    make_activity(
        key="secret",
        start_date=datetime.date(2024, 1, 2),
        start_precision="day",
        visibility="internal",
    )
    make_activity(key="april", start_date=datetime.date(2023, 4, 1), start_precision="month")
    make_activity(key="undated")

    assert events(public_feed(base_url="https://example.org/")) == []


def test_the_partnership_feed_holds_only_that_partnerships_activities(client):
    kumasi = make_active_partnership(key="dortmund-kumasi")
    make_activity(
        key="ours",
        start_date=datetime.date(2024, 5, 14),
        start_precision="day",
        partnerships=[kumasi],
    )
    make_activity(key="other", start_date=datetime.date(2024, 5, 15), start_precision="day")

    response = client.get(reverse("calendar:partnership", kwargs={"key": "dortmund-kumasi"}))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert [str(event["UID"]) for event in events(response.content)] == [
        "activity-ours@partnerwerk-2935517"
    ]


def test_an_internal_partnership_has_no_feed(client):
    make_active_partnership(key="hidden", visibility="internal")

    response = client.get(reverse("calendar:partnership", kwargs={"key": "hidden"}))

    assert response.status_code == 404


def test_the_feed_of_all_activities_speaks_english_when_asked(client):
    make_activity(
        title_de="Besuch",
        title_en="Visit",
        start_date=datetime.date(2024, 1, 2),
        start_precision="day",
    )

    response = client.get(reverse("calendar:activities") + "?lang=en")

    assert str(events(response.content)[0]["SUMMARY"]) == "Visit"
