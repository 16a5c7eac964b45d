"""GeoNames facts about cities, read from the shipped data without a network
(places/geonames.py)."""

from partnerwerk.places.geonames import GEONAMES_CREDIT, city_facts
from partnerwerk.places.names import split_alternate_names

KUMASI = 2298890
COLOGNE = 2886242


def test_a_geonames_id_finds_the_city_with_its_country_continent_and_place_on_the_map():
    facts = city_facts(KUMASI)
    assert (facts["name"], facts["country"], facts["continent"]) == ("Kumasi", "GH", "AF")
    # Kumasi lies north of the equator and west of Greenwich.
    assert 0 < facts["latitude"] < 90 and -180 < facts["longitude"] < 0


def test_a_population_says_where_it_comes_from():
    facts = city_facts(KUMASI)
    assert facts["population"] > 0
    assert facts["population_source"] == GEONAMES_CREDIT
    assert "GeoNames" in GEONAMES_CREDIT and "CC BY 4.0" in GEONAMES_CREDIT


def test_a_city_comes_with_the_other_names_people_know_it_by():
    facts = city_facts(COLOGNE)
    assert facts["name"] == "Köln"
    assert "Cologne" in split_alternate_names(facts["alternate_names"])


def test_an_id_geonames_does_not_know_as_a_city_finds_nothing():
    assert city_facts(1) is None


def test_an_id_given_as_text_finds_the_same_city():
    assert city_facts(str(KUMASI)) == city_facts(KUMASI)
