"""A page's number of queries must not grow with the number of partnerships."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerwerk.partnerships.models import Partnership, Step, Theme
from partnerwerk.places.models import Place
from partnerwerk.portal.caching import content_changed
from partnerwerk.projects.models import Activity
from partnerwerk.sdg.models import SdgTag
from partnerwerk.testing import make_organisation


def add_partnerships(home, count: int, offset: int) -> None:
    """`count` active partnerships with a step, a theme and an SDG each, made in bulk."""
    places = Place.objects.bulk_create(
        Place(
            geonames_id=8_000_000 + offset + number,
            name=f"Bulk {offset + number}",
            country="FR",
            continent="EU",
            latitude=48.0,
            longitude=2.0,
        )
        for number in range(count)
    )
    partnerships = Partnership.objects.bulk_create(
        Partnership(
            key=f"bulk-{offset + number}",
            home=home,
            partner=place,
            kind="twinning",
            status="active",
            since=datetime.date(2000, 1, 1),
            since_precision="year",
        )
        for number, place in enumerate(places)
    )
    theme, _ = Theme.objects.get_or_create(code="bulk", name_de="Masse", name_en="Bulk")
    Step.objects.bulk_create(
        Step(partnership=p, kind="agreement_signed", date=datetime.date(2000, 1, 1))
        for p in partnerships
    )
    Partnership.themes.through.objects.bulk_create(
        Partnership.themes.through(partnership=p, theme=theme) for p in partnerships
    )
    SdgTag.objects.bulk_create(SdgTag(partnership=p, goal_id=11) for p in partnerships)
    # One activity each, on the activities page and the partnership's own page.
    activities = Activity.objects.bulk_create(
        Activity(
            key=f"bulk-activity-{offset + number}",
            title_de=f"Treffen {offset + number}",
            kind="meeting",
            start_date=datetime.date(2000, 1, 1) + datetime.timedelta(days=number),
            start_precision="day",
        )
        for number in range(count)
    )
    Activity.partnerships.through.objects.bulk_create(
        Activity.partnerships.through(activity=a, partnership=p)
        for a, p in zip(activities, partnerships, strict=True)
    )
    # Bulk writes send no signals: like every bulk writer, announce the change to the cache.
    content_changed()


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/en/",
        "/partnerships/",
        "/partnerships/?theme=bulk&sdg=11&q=bulk",
        "/cities/8000000/",
        "/partnerships/bulk-0/",
        "/activities/",
        "/activities/?kind=meeting&partnership=bulk-0&year=2000",
        "/sdg/11/",
        "/sdg/",
    ],
)
def test_the_number_of_queries_does_not_grow_with_the_partnerships(client, home, path):
    """Nor with their activities: each partnership has one."""
    make_organisation(key="office", place=home)
    add_partnerships(home, 20, offset=0)
    with_20 = queries(client, path)
    add_partnerships(home, 1980, offset=20)
    assert Partnership.objects.count() == 2000
    assert queries(client, path) == with_20
