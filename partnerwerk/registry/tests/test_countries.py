import pytest

from partnerwerk.registry.countries import (
    Country,
    normalise_country,
    parse_city,
    split_country_from_city,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany", Country("DE")),
        ("England", Country("GB", "England")),
        ("England, United Kingdom", Country("GB", "England")),
        ("Scotland, United Kingdom", Country("GB", "Scotland")),
        ("Ohio, United States", Country("US", "Ohio")),
        ("Georgia (country)", Country("GE")),
        ("Georgia", Country("GE")),
        ("Grece", Country("GR")),
        ("in Italy", Country("IT")),
        ("Réunion, France", Country("RE")),
        ("Åland Islands, Finland", Country("AX")),
        ("Netherlands", Country("NL")),
        ("Northern Cyprus", Country("CY", "Northern Cyprus")),
        ("Ivory Coast", Country("CI")),
    ],
)
def test_free_text_countries_become_iso_codes_with_their_region(text, expected):
    assert normalise_country(text) == expected


def test_a_text_that_names_no_country_gives_none():
    assert normalise_country("Atlantis") is None
    assert normalise_country("") is None


def test_a_row_without_country_takes_it_from_the_city_text():
    assert split_country_from_city("Varna, Bulgaria") == ("Varna", Country("BG"))


def test_a_comma_qualifier_is_a_region_and_brackets_stay_with_the_name_for_lookup():
    cordoba = parse_city("Córdoba, Bolívar")
    assert (cordoba.name, cordoba.qualifier) == ("Córdoba", "Bolívar")
    frankfurt = parse_city("Frankfurt (Oder)")
    assert frankfurt.keys == ["frankfurt oder", "frankfurt"]
