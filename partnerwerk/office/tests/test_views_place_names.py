"""The office names the places of the city's partnerships in German and English, and every
page uses those names (GeoNames' main name is sometimes the English one: Munich, Kyiv)."""

import pytest

from partnerwerk.places.geonames import city_facts
from partnerwerk.places.models import Place
from partnerwerk.places.selectors import place_search
from partnerwerk.places.services import place_get_or_create
from partnerwerk.testing import make_partnership, make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db

DORTMUND, MUNICH, LEEDS = 2935517, 2867714, 2644688


def _place(geonames_id):
    return place_get_or_create(geonames_id=geonames_id, facts=city_facts(geonames_id))


@pytest.fixture
def munich():
    dortmund, munich = _place(DORTMUND), _place(MUNICH)
    make_partnership(key="dortmund-munich", home=dortmund, partner=munich, visibility="public")
    leeds = _place(LEEDS)
    make_partnership(key="registry-pair", home=leeds, partner=_place(2643743), origin="registry")
    return munich


def test_the_office_lists_the_places_of_the_city_s_own_partnerships(client, munich):
    sign_in_with_two_factors(client, make_user(role="office"))
    page = client.get("/office/places/names/").content.decode()
    assert "Munich" in page and "Dortmund" in page
    assert "Leeds" not in page  # a registry pair's city is not the office's to name


def test_a_german_name_given_by_the_office_is_what_german_readers_see(client, munich):
    office = make_user(role="office")
    sign_in_with_two_factors(client, office)
    answer = client.post(
        f"/office/places/{munich.pk}/names/",
        {"name_de": "München", "name_en": "Munich", "name_native": "München"},
    )
    assert answer.status_code == 302
    munich.refresh_from_db()
    assert (munich.name_de, munich.name) == ("München", "Munich")
    assert munich.history.first().history_user == office
    assert "München" in client.get(f"/cities/{MUNICH}/").content.decode()
    assert "Munich" in client.get(f"/en/cities/{MUNICH}/").content.decode()
    assert place_search(query="München")[0] == munich


def test_only_office_staff_name_places(client, munich):
    sign_in_with_two_factors(client, make_user(role="viewer"))
    assert client.get("/office/places/names/").status_code == 403
    answer = client.post(f"/office/places/{munich.pk}/names/", {"name_de": "Minga"})
    assert answer.status_code == 403
    assert Place.objects.get(pk=munich.pk).name_de == ""
