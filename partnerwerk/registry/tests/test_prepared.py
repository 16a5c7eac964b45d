"""Registry questions compiled once per process answer each request with its own values and
apply the network's rules as the querysets do (decision 0036)."""

import pytest
from django.utils import timezone

from partnerwerk.core.models import Visibility
from partnerwerk.partnerships.models import PartnershipOrigin
from partnerwerk.registry import selectors, values
from partnerwerk.testing import make_partnership, make_place

pytestmark = pytest.mark.django_db


def _registry(home, partner, **fields):
    return make_partnership(home=home, partner=partner, origin=PartnershipOrigin.REGISTRY, **fields)


def _keys(relations) -> list[str]:
    return [relation.key for relation in relations]


def test_each_city_gets_its_own_partners_from_the_statement_compiled_for_the_first():
    first, second = make_place(name="Amiens"), make_place(name="Leeds")
    _registry(first, make_place(name="Kumasi", country="GH"))
    _registry(make_place(name="Accra", country="GH"), second)
    assert [p.place.name for p in selectors.city_partners(place=first)] == ["Kumasi"]
    assert [p.place.name for p in selectors.city_partners(place=second)] == ["Accra"]


def test_a_partner_comes_with_its_place_loaded_as_the_pages_show_it():
    city = make_place(name="Dortmund")
    _registry(city, make_place(name="Kumasi", country="GH", region="Ashanti"))
    (partner,) = selectors.city_partners(place=city)
    assert (partner.place.name, partner.place.country.code, partner.place.region) == (
        "Kumasi",
        "GH",
        "Ashanti",
    )
    assert partner.relations[0].home.name == "Dortmund"


@pytest.mark.parametrize("dense", [0, 10**9])
def test_a_country_page_lists_the_same_relations_read_by_ids_or_walked_by_id(monkeypatch, dense):
    monkeypatch.setattr(selectors, "DENSE_COUNTRY", dense)
    city = make_place(country="DE")
    shown = [_registry(city, make_place(country="GH")) for _ in range(3)]
    shown.append(_registry(make_place(country="GH"), make_place(country="FR")))
    _registry(city, make_place(country="FR"))
    _registry(city, make_place(country="GH"), visibility=Visibility.INTERNAL)
    _registry(city, make_place(country="GH"), deleted_at=timezone.now())
    found = selectors.relation_search(country="gh")
    assert found["count"] == 4
    assert _keys(found["relations"][0:10]) == _keys(shown)
    assert _keys(found["relations"][1:3]) == _keys(shown[1:3])
    assert found["relations"].count() == 4


def test_a_registry_twin_of_a_curated_pair_stays_out_of_a_page_read_by_ids(monkeypatch):
    monkeypatch.setattr(selectors, "DENSE_COUNTRY", 10**9)
    city, partner = make_place(country="DE"), make_place(country="GH")
    make_partnership(home=city, partner=partner)
    _registry(partner, city)
    found = selectors.relation_search(country="GH", origin=None)
    assert [relation.origin for relation in found["relations"][0:10]] == ["curated"]


def test_a_citys_partners_as_plain_values_match_its_partners_as_places_in_order_and_content():
    city = make_place(name="Dortmund")
    kumasi = make_place(name="Kumasi", country="GH")
    amiens = make_place(name="Amiens", country="FR", name_de="Amiens (Somme)")
    _registry(city, kumasi, kind="twinning")
    _registry(kumasi, city, kind="climate")
    make_partnership(home=city, partner=make_place(name="Leeds", country="GB"), kind="project")
    _registry(amiens, city)
    _registry(make_place(name="Lyon", country="FR"), make_place(name="Lille", country="FR"))
    places = selectors.city_partners(place=city)
    plain = values.city_partner_values(place_id=city.pk)
    assert [partner["place"]["id"] for partner in plain] == [p.place.pk for p in places]
    assert [partner["kinds"] for partner in plain] == [p.kinds for p in places]
    assert [partner["place"]["name"] for partner in plain] == ["Amiens", "Leeds", "Kumasi"]
    assert plain[2]["kinds"] == ["climate", "twinning"]
    assert [partner["origins"] for partner in plain] == [["registry"], ["curated"], ["registry"]]


def test_a_place_id_is_found_by_geonames_id_or_by_its_own_id_and_an_unknown_number_finds_none():
    place = make_place(geonames_id=2935517)
    assert values.registry_place_id(geonames_id=2935517) == place.pk
    assert values.registry_place_id(pk=place.pk) == place.pk
    assert values.registry_place_id(geonames_id=2935518) is None
    assert values.registry_place_id(geonames_id=10**30) is None
    assert values.registry_place_id(pk=10**30) is None


def test_a_city_without_relations_has_no_partners_and_an_unknown_city_is_none():
    lonely = make_place(geonames_id=2935518)
    _registry(make_place(), make_place())
    assert values.city_partner_values(geonames_id=2935518) == []
    assert values.city_partner_values(place_id=lonely.pk) == []
    assert values.city_partner_values(geonames_id=2935519) is None
    assert values.city_partner_values(place_id=10**30) is None


def test_a_city_is_found_by_geonames_id_or_own_id_with_the_same_partners():
    city = make_place(geonames_id=2935517)
    _registry(city, make_place(name="Kumasi", country="GH"))
    _registry(make_place(name="Amiens", country="FR", geonames_id=None), city)
    by_geonames = values.city_partner_values(geonames_id=2935517)
    assert [p["place"]["name"] for p in by_geonames] == ["Amiens", "Kumasi"]
    assert values.city_partner_values(place_id=city.pk) == by_geonames
