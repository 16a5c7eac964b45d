"""The office's place search, which the place picker of every office form asks."""

import pytest

from partnerwerk.partnerships.models import Partnership
from partnerwerk.places.geonames import city_facts
from partnerwerk.places.models import Place
from partnerwerk.places.services import place_get_or_create
from partnerwerk.testing import make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db

URL = "/en/office/places/search/"
KUMASI, KUMAMOTO, DORTMUND = 2298890, 1858421, 2935517


@pytest.fixture
def places(db):
    return [
        place_get_or_create(geonames_id=geonames_id, facts=city_facts(geonames_id))
        for geonames_id in (KUMAMOTO, KUMASI)
    ]


def test_office_staff_find_places_by_the_beginning_of_their_name(client, places):
    sign_in_with_two_factors(client, make_user(role="office"))
    results = client.get(URL, {"q": "Kum"}).json()["results"]
    assert [item["label"] for item in results] == ["Kumasi, Ghana", "Kumamoto, Japan"]
    assert results[0]["ref"] == str(KUMASI)
    assert results[0]["population_text"] == "2,544,530 inhabitants"


def test_the_office_place_search_needs_a_signed_in_user(client, places):
    answer = client.get(URL, {"q": "Kum"})
    assert answer.status_code in (302, 403)
    assert b"Kumasi" not in answer.content


def test_a_partnership_is_entered_with_the_names_of_its_cities(client, places):
    dortmund = place_get_or_create(geonames_id=DORTMUND, facts=city_facts(DORTMUND))
    sign_in_with_two_factors(client, make_user(role="office"))
    data = {"key": "dortmund-kumasi", "home": "Dortmund", "partner": "Kumasi", "kind": "friendship"}
    data["visibility"] = "public"
    answer = client.post("/en/office/partnerships/new/", data)
    assert answer.status_code == 302
    partnership = Partnership.objects.get(partner__geonames_id=KUMASI)
    assert partnership.home == dortmund


def test_a_name_shared_by_several_places_is_answered_with_the_places_to_choose(client, places):
    place_get_or_create(geonames_id=DORTMUND, facts=city_facts(DORTMUND))
    sign_in_with_two_factors(client, make_user(role="office"))
    data = {"key": "dortmund-kumasi", "home": "Dortmund", "partner": "Kum", "kind": "friendship"}
    data["visibility"] = "public"
    answer = client.post("/en/office/partnerships/new/", data)
    assert answer.status_code == 200
    page = answer.content.decode()
    assert "partner place: several places are called “Kum”" in page
    assert "Kumasi, Ghana · 2,544,530 inhabitants" in page
    assert "Kumamoto, Japan · 738,907 inhabitants" in page
    data["partner__choice"] = str(KUMASI)
    assert client.post("/en/office/partnerships/new/", data).status_code == 302
    assert Partnership.objects.filter(partner__geonames_id=KUMASI).exists()


def test_the_partner_search_takes_the_partner_city_by_name(client, places):
    sign_in_with_two_factors(client, make_user(role="office"))
    answer = client.get("/en/office/registry/", {"via": "Kumasi"})
    assert answer.status_code == 200
    assert answer.context["via"].geonames_id == KUMASI
    assert 'value="Kumasi"' in answer.content.decode()  # as typed, for the next search


LEEDS = 2644688


def test_a_city_not_stored_yet_is_found_among_geonames_cities_for_a_new_partnership(client, places):
    sign_in_with_two_factors(client, make_user(role="office"))
    assert client.get(URL, {"q": "Leeds"}).json()["results"] == []
    results = client.get(URL, {"q": "Leeds", "geonames": "1"}).json()["results"]
    assert results[0]["label"] == "Leeds, United Kingdom"
    assert results[0]["ref"] == str(LEEDS)
    assert not Place.objects.filter(geonames_id=LEEDS).exists()  # found, not yet stored


def test_stored_places_come_first_and_once_when_geonames_cities_are_added(client, places):
    sign_in_with_two_factors(client, make_user(role="office"))
    results = client.get(URL, {"q": "Kum", "geonames": "1"}).json()["results"]
    refs = [item["ref"] for item in results]
    assert refs[:2] == [str(KUMASI), str(KUMAMOTO)]
    assert len(refs) == len(set(refs))


def test_a_partnership_with_a_new_partner_city_stores_the_city_from_geonames(client, places):
    place_get_or_create(geonames_id=DORTMUND, facts=city_facts(DORTMUND))
    sign_in_with_two_factors(client, make_user(role="office"))
    data = {"key": "dortmund-leeds", "home": "Dortmund", "partner": "Leeds", "kind": "friendship"}
    data["visibility"] = "public"
    answer = client.post("/en/office/partnerships/new/", data)
    assert answer.status_code == 302
    partner = Partnership.objects.get(key="dortmund-leeds").partner
    assert (partner.geonames_id, partner.country.code) == (LEEDS, "GB")
    assert partner.population and "leeds" in partner.search_names


def test_the_picker_s_answer_for_a_geonames_city_stores_it(client, places):
    place_get_or_create(geonames_id=DORTMUND, facts=city_facts(DORTMUND))
    sign_in_with_two_factors(client, make_user(role="office"))
    data = {"key": "dortmund-leeds", "home": str(DORTMUND), "partner": str(LEEDS)}
    data |= {"kind": "friendship", "visibility": "public"}
    assert client.post("/en/office/partnerships/new/", data).status_code == 302
    assert Partnership.objects.get(key="dortmund-leeds").partner.geonames_id == LEEDS
