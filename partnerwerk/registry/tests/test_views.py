import json

import pytest
from django.core.management import call_command
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


def test_export_relations_writes_registry_relations_as_home_and_partner(tmp_path):
    _registry(make_place(name="Kumasi", country="GH"), make_place(name="Wenzhou", country="CN"))
    make_partnership()  # curated: not part of the dataset
    output = tmp_path / "relations.json"
    call_command("export", "relations", "--format", "json", "--output", str(output))
    rows = json.loads(output.read_text(encoding="utf-8"))
    assert [(row["home"]["name"], row["partner"]["name"], row["kind"]) for row in rows] == [
        ("Kumasi", "Wenzhou", "twinning")
    ]
    call_command("export", "relations", "--format", "csv", "--output", str(tmp_path / "r.csv"))
    header = (tmp_path / "r.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "home_name" in header and "partner_geonames_id" in header


def test_a_city_map_marker_takes_the_most_binding_live_relation_of_the_pair(client):
    city, partner = make_place(name="Dortmund"), make_place(name="Kumasi", country="GH")
    make_partnership(home=city, partner=partner, kind="climate", status="ended")
    make_partnership(home=city, partner=partner, kind="twinning", status="active")
    response = client.get(f"/en/registry/cities/{city.geonames_id}/")
    (marker,) = response.context["map"]["cities"]
    assert (marker["kind"], marker["status"]) == ("twinning", "active")
