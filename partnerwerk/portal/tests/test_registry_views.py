"""The registry's public pages (moved with the views from registry/tests/test_views.py)."""

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
        "/registry/cities/{ref}/",
        "/en/registry/cities/{ref}/network/",
        "/registry/countries/DE/GH/",
        "/registry/",
    ],
)
def test_registry_pages_and_api_keep_their_query_count_as_the_data_grows(client, page):
    # The second city is made after the first page is served: a change of data also starts
    # a new cache generation, so both pages are computed, not served from the cache.
    small = _city_with_partners(2)
    first = _queries(client, page.format(ref=small.geonames_id))
    large = _city_with_partners(30)
    assert _queries(client, page.format(ref=large.geonames_id)) == first


def test_a_city_with_many_relations_is_listed_page_by_page(client, monkeypatch):
    from partnerwerk.registry import selectors

    monkeypatch.setattr(selectors, "CITY_RELATION_LIMIT", 2)
    city = _city_with_partners(3)
    first = client.get(f"/en/registry/cities/{city.geonames_id}/")
    text = first.content.decode()
    assert "3 relations are known; this page shows the partners of 2 of them" in text
    assert [p.place.name for p in first.context["partners"]] == ["Partner 0", "Partner 1"]
    following = client.get(
        f"/en/registry/cities/{city.geonames_id}/?after={first.context['next_after']}"
    )
    assert [p.place.name for p in following.context["partners"]] == ["Partner 2"]
    assert "The first relations" in following.content.decode()
    assert "The next relations" not in following.content.decode()
    assert client.get(f"/en/registry/cities/{city.geonames_id}/?after=x").status_code == 404


def test_a_city_page_lists_its_partners_and_puts_them_on_the_map(client):
    city = _city_with_partners(2)
    response = client.get(f"/en/registry/cities/{city.geonames_id}/")
    assert "Partner 0" in response.content.decode()
    assert "Wikipedia contributors" in response.content.decode()
    assert response.context["map"]["home"]["name"] == "Dortmund"
    assert len(response.context["map"]["cities"]) == 2


def test_an_unknown_city_or_country_is_not_found(client):
    assert client.get("/registry/cities/123/").status_code == 404
    assert client.get("/registry/cities/nonsense/").status_code == 404
    assert client.get("/registry/countries/DE/XX/").status_code == 404
    assert client.get("/api/v1/registry/cities/123/partners").status_code == 404


def test_the_country_form_leads_to_the_answer_page(client):
    response = client.get("/registry/countries/?first=de&second=gh")
    assert response.status_code == 302
    assert response["Location"] == "/registry/countries/DE/GH/"


def test_a_city_map_marker_takes_the_most_binding_live_relation_of_the_pair(client):
    city, partner = make_place(name="Dortmund"), make_place(name="Kumasi", country="GH")
    make_partnership(home=city, partner=partner, kind="climate", status="ended")
    make_partnership(home=city, partner=partner, kind="twinning", status="active")
    response = client.get(f"/en/registry/cities/{city.geonames_id}/")
    (marker,) = response.context["map"]["cities"]
    assert (marker["kind"], marker["status"]) == ("twinning", "active")
