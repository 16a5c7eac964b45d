import pytest

from partnerwerk.places.geonames import city_facts
from partnerwerk.places.models import Place
from partnerwerk.places.services import place_get_or_create, place_upsert
from partnerwerk.testing import make_source

pytestmark = pytest.mark.django_db

KUMASI = 2298890


def _upsert(**overrides):
    values = {
        "geonames_id": KUMASI,
        "facts": city_facts(KUMASI),
        "name_de": "Kumasi",
        "name_en": "",
        "name_native": "",
        "region": "Ashanti",
        "wikidata_id": "",
        "description_de": "",
        "description_en": "",
        "sources": [make_source()],
    } | overrides
    return place_upsert(**values)


def test_an_upsert_creates_a_place_then_changes_only_what_differs():
    place, state = _upsert()
    assert state == "created"
    assert place.country.code == "GH"
    assert place.sources.count() == 1
    assert _upsert(sources=list(place.sources.all()))[1] == "unchanged"
    changed, state = _upsert(region="Aschanti", sources=list(place.sources.all()))
    assert state == "changed"
    assert Place.objects.get(geonames_id=KUMASI).region == "Aschanti"


def test_get_or_create_keeps_a_known_place_and_its_names():
    first = place_get_or_create(geonames_id=KUMASI, facts=city_facts(KUMASI), name_de="K")
    again = place_get_or_create(geonames_id=KUMASI, facts=city_facts(KUMASI), name_de="X")
    assert again.pk == first.pk
    assert Place.objects.get(pk=first.pk).name_de == "K"
