"""The registry in the JSON API (moved with the routes from registry/tests/test_views.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerwerk.partnerships.models import PartnershipOrigin
from partnerwerk.testing import make_partnership, make_place

pytestmark = pytest.mark.django_db


def _registry(home, partner):
    return make_partnership(home=home, partner=partner, origin=PartnershipOrigin.REGISTRY)


def _city_with_partners(count):
    city = make_place(name="Dortmund")
    for number in range(count):
        _registry(city, make_place(name=f"Partner {number}", country="GH"))
    return city


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize(
    "page",
    [
        "/api/v1/registry/relations?country=DE",
        "/api/v1/registry/cities/{ref}/partners",
        "/api/v1/registry/cities/{ref}/network",
    ],
)
def test_registry_pages_and_api_keep_their_query_count_as_the_data_grows(client, page):
    # The second city is made after the first page is served: a change of data also starts
    # a new cache generation, so both pages are computed, not served from the cache.
    small = _city_with_partners(2)
    first = _queries(client, page.format(ref=small.geonames_id))
    large = _city_with_partners(30)
    assert _queries(client, page.format(ref=large.geonames_id)) == first


def test_the_api_lists_relations_with_facets_and_a_city_without_geonames_id(client):
    unmatched = make_place(geonames_id=None, country="GH", registry_key="twin-cities:GH:nowhere")
    _registry(make_place(), unmatched)
    body = client.get("/api/v1/registry/relations?country=GH").json()
    assert body["count"] == 1
    assert body["facets"]["status"][0]["count"] == 1
    assert body["items"][0]["partner"]["ref"] == f"p{unmatched.pk}"
    partners = client.get(f"/api/v1/registry/cities/p{unmatched.pk}/partners").json()
    assert len(partners) == 1


def test_the_api_leaves_out_curated_relations_unless_asked(client):
    make_partnership(home=make_place(), partner=make_place(country="GH"))
    assert client.get("/api/v1/registry/relations?country=GH").json()["count"] == 0
    asked = client.get("/api/v1/registry/relations?country=GH&origin=curated").json()
    assert asked["count"] == 1


def test_with_the_answer_cache_off_a_repeated_question_is_answered_afresh(client, settings):
    settings.PARTNERWERK_CACHE_ANSWERS = False
    city = _city_with_partners(2)
    url = f"/api/v1/registry/cities/{city.geonames_id}/partners"
    first = _queries(client, url)
    assert first > 0
    assert _queries(client, url) == first
