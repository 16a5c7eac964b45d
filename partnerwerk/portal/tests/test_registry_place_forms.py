"""The registry's search and compare forms take the names of cities (German, English, local);
without JavaScript the server resolves them."""

import pytest

from partnerwerk.partnerships.models import PartnershipOrigin
from partnerwerk.places.geonames import city_facts
from partnerwerk.places.services import place_get_or_create
from partnerwerk.testing import make_partnership

pytestmark = pytest.mark.django_db

WARSAW, KRAKOW, LEEDS, DORTMUND = 756135, 3094802, 2644688, 2935517
SEVILLE, SEVILLA_COLOMBIA = 2510911, 3668132


def _places(*geonames_ids):
    return [place_get_or_create(geonames_id=g, facts=city_facts(g)) for g in geonames_ids]


def test_the_registry_search_finds_warschau_and_shows_country_and_population(client):
    _places(WARSAW, KRAKOW)
    page = client.get("/registry/", {"q": "Warschau"}).content.decode()
    assert "Warsaw</a> (Polen) · 1.702.139 Einwohner" in page
    assert "Kraków" not in page


def test_a_city_chosen_in_the_search_opens_its_page(client):
    _places(KRAKOW)
    answer = client.get("/en/registry/", {"q": str(KRAKOW)})
    assert answer.status_code == 302
    assert answer["Location"] == f"/en/registry/cities/{KRAKOW}/"


def test_two_cities_are_compared_by_their_names(client):
    leeds, dortmund, krakow = _places(LEEDS, DORTMUND, KRAKOW)
    for home in (leeds, dortmund):
        make_partnership(home=home, partner=krakow, origin=PartnershipOrigin.REGISTRY)
    page = client.get("/en/registry/common/", {"first": "Leeds", "second": "Dortmund"})
    assert page.status_code == 200
    assert "Common partners of Leeds and Dortmund" in page.content.decode()
    assert page.context["common"][0]["place"] == krakow


def test_a_name_of_several_cities_is_answered_with_the_cities_to_choose(client):
    _places(LEEDS, SEVILLE, SEVILLA_COLOMBIA)
    page = client.get("/en/registry/common/", {"first": "Leeds", "second": "Sevilla"})
    html = page.content.decode()
    assert "Second city: several places are called “Sevilla”" in html
    assert "Sevilla, Spain · 686,741 inhabitants" in html
    assert "Sevilla, Colombia · 43,738 inhabitants" in html
    chosen = {"first": "Leeds", "second": "Sevilla", "second__choice": str(SEVILLA_COLOMBIA)}
    answer = client.get("/en/registry/common/", chosen)
    assert answer.context["second"].geonames_id == SEVILLA_COLOMBIA


def test_an_unknown_city_is_named_in_the_message(client):
    _places(LEEDS)
    html = client.get("/en/registry/common/", {"first": "Atlantis", "second": "Leeds"}).content
    assert "First city: no place called “Atlantis” is known" in html.decode()
