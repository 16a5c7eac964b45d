"""How a place is named where a reader has to tell namesakes apart: name, country and
population, in the reader's language."""

from django.utils.formats import number_format
from django.utils.translation import ngettext

from partnerwerk.places.models import Place
from partnerwerk.places.selectors import place_ref


def place_label(place: Place) -> str:
    """ "Kumasi, Ghana": what a place picker shows once the place is chosen; typed again, it
    means the same place (selectors.places_named reads the country after the comma)."""
    country = place.country.name if place.country else ""
    return f"{place.display_name}, {country}" if country else place.display_name


def place_population(place: Place) -> str:
    if not place.population:
        return ""
    return ngettext("%(count)s inhabitant", "%(count)s inhabitants", place.population) % {
        "count": number_format(place.population, force_grouping=True)
    }


def place_description(place: Place) -> str:
    """ "Ghana · 2,544,530 inhabitants": what tells namesakes apart."""
    parts = [str(place.country.name) if place.country else "", place_population(place)]
    return " · ".join(part for part in parts if part)


def place_option(place: Place) -> dict:
    """One answer of the place search (JSON for the place picker)."""
    return {
        "ref": place_ref(place),
        "name": place.display_name,
        "country": place.country.code if place.country else "",
        "country_name": str(place.country.name) if place.country else "",
        "population": place.population,
        "label": place_label(place),
        "population_text": place_population(place),
        "description": place_description(place),
    }
