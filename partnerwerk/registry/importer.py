"""Import of the world's twin-city pairs (Wikipedia's lists, as collected by Hekman/twincities).

Reading and resolving happen in memory first: every row's two cities get an ISO country (and
region) and a GeoNames entry or, unmatched, a key of their own; then the same relation given
twice (A-B and B-A, or with two spellings of a country) collapses to one pair of places. Only
then is anything written, in bulk, by `registry.services.twin_cities_import`.
"""

import csv
import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from partnerwerk.places.models import GeoNamesMatch
from partnerwerk.registry.countries import (
    Country,
    fold,
    normalise_country,
    parse_city,
    split_country_from_city,
)
from partnerwerk.registry.matching import GeoNamesIndex, distance_km

COLUMNS = ("city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2")
# Two unmatched places of the same name and country this close are one place (the file
# geocodes spellings of one city a little differently); farther apart, they are two.
SAME_UNMATCHED_PLACE_KM = 10

# The credit every imported record carries (SOURCE.md of the data: Wikipedia text is
# CC BY-SA 4.0 and must be credited to "Wikipedia contributors").
TWIN_CITIES_SOURCE = {
    "key": "wikipedia-twin-towns-hekman-twincities",
    "title": (
        "Wikipedia contributors: Lists of twin towns and sister cities, "
        "collected and geocoded in Hekman/twincities (commit 84ebdec)"
    ),
    "url": "https://github.com/Hekman/twincities",
    "publisher": "Wikipedia contributors",
    "published": "2026-02-08",
    "licence": "CC BY-SA 4.0 (Wikipedia contributors); collection MIT (Hekman/twincities)",
}
# The day the collection was published: a registry relation is known to exist then
# (a `recorded` step, decision 0003), not since then.
TWIN_CITIES_RECORDED_ON = datetime.date(2026, 2, 8)


class RegistryImportError(Exception):
    """The file cannot be imported; nothing has been written."""


@dataclass
class Side:
    """One city of a row, resolved: `identity` says which place it is."""

    text: str
    country: Country | None
    name: str = ""
    region: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    match: str = GeoNamesMatch.UNMATCHED
    note: str = ""
    candidate: object = None
    registry_key: str = ""

    @property
    def identity(self) -> str:
        return f"geonames:{self.geonames_id}" if self.geonames_id else self.registry_key


@dataclass
class Row:
    line: int
    values: dict
    first: Side | None = None
    second: Side | None = None
    outcome: str = ""
    relation: str = ""


@dataclass
class Resolution:
    rows: list[Row]
    # identity -> the side that first named the place (its facts create the place)
    places: dict[str, Side] = field(default_factory=dict)
    # unordered pair of identities -> the first row naming it (its order is home, partner)
    pairs: dict[frozenset, Row] = field(default_factory=dict)


def read_rows(path: Path) -> list[Row]:
    try:
        with Path(path).open(encoding="utf-8", newline="") as file:
            reader = csv.DictReader(file)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                raise RegistryImportError(
                    _("%(path)s has the columns %(found)s; expected %(expected)s.")
                    % {
                        "path": path,
                        "found": ", ".join(reader.fieldnames or ()) or _("none"),
                        "expected": ", ".join(COLUMNS),
                    }
                )
            return [Row(line=number, values=values) for number, values in enumerate(reader, 2)]
    except FileNotFoundError as error:
        raise RegistryImportError(_("There is no file %(path)s.") % {"path": path}) from error


def _coordinate(text: str | None, limit: float) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if -limit <= value <= limit else None


class Resolver:
    """Turns the file's texts into places, remembering each text it has seen."""

    def __init__(self, index: GeoNamesIndex, unmatched_places: list[dict]):
        self.index = index
        self._seen: dict[tuple, Side] = {}
        # (country, folded name) -> [(latitude, longitude, registry key)] of unmatched places
        self._unmatched: dict[tuple[str, str], list[tuple[float | None, float | None, str]]] = {}
        for place in unmatched_places:
            self._remember_unmatched(
                place["country"],
                place["folded_name"],
                place["latitude"],
                place["longitude"],
                place["registry_key"],
            )

    def _remember_unmatched(self, country, folded_name, latitude, longitude, key) -> None:
        self._unmatched.setdefault((country, folded_name), []).append((latitude, longitude, key))

    def _known_unmatched(self, country, folded_name, latitude, longitude) -> str:
        for known_latitude, known_longitude, key in self._unmatched.get((country, folded_name), ()):
            if latitude is None or known_latitude is None:
                if latitude is None and known_latitude is None:
                    return key
                continue
            if (
                distance_km(latitude, longitude, known_latitude, known_longitude)
                <= SAME_UNMATCHED_PLACE_KM
            ):
                return key
        return ""

    def side(self, city_text: str, country_text: str, lat_text: str, lon_text: str) -> Side:
        cache_key = (city_text, country_text, lat_text, lon_text)
        if cache_key in self._seen:
            return self._seen[cache_key]
        city_text = " ".join((city_text or "").split())
        country = normalise_country(country_text or "")
        if country is None and not (country_text or "").strip():
            city_text, country = split_country_from_city(city_text)
        latitude = _coordinate(lat_text, 90)
        longitude = _coordinate(lon_text, 180)
        if latitude is None or longitude is None or (latitude == 0 and longitude == 0):
            latitude = longitude = None
        city = parse_city(city_text)
        side = Side(text=city_text, country=country, name=city.name, latitude=latitude)
        side.longitude = longitude
        if country is None or not city.name:
            side.note = _("no country") if country is None else _("no name")
            self._seen[cache_key] = side
            return side
        # A qualifier after a comma is a region ("Córdoba, Bolívar"); one in brackets is part
        # of the name ("Frankfurt (Oder)") and only helps the lookup.
        side.region = city.qualifier if "," in city_text else country.region
        found = self.index.match(city.keys, country.code, latitude, longitude)
        side.note = found.note
        if found.candidate is not None:
            side.geonames_id = found.candidate.geonames_id
            side.match = found.method
            side.candidate = found.candidate
        else:
            folded = fold(city_text)
            key = self._known_unmatched(country.code, folded, latitude, longitude)
            if not key:
                where = f":{latitude:.3f}:{longitude:.3f}" if latitude is not None else ""
                key = f"twin-cities:{country.code}:{folded}{where}"[:255]
                self._remember_unmatched(country.code, folded, latitude, longitude, key)
            side.registry_key = key
        self._seen[cache_key] = side
        return side


def resolve(rows: list[Row], resolver: Resolver, progress=None) -> Resolution:
    """Resolve both cities of every row and collapse the rows to unordered pairs of places."""
    resolution = Resolution(rows=rows)
    for row in progress(rows) if progress else rows:
        values = row.values
        row.first = resolver.side(
            values["city1"], values["country1"], values["lat1"], values["lng1"]
        )
        row.second = resolver.side(
            values["city2"], values["country2"], values["lat2"], values["lng2"]
        )
        if not row.first.identity or not row.second.identity:
            row.outcome = (
                "skipped: no country"
                if (row.first.country is None or row.second.country is None)
                else "skipped: no name"
            )
            continue
        if row.first.identity == row.second.identity:
            row.outcome = "skipped: both cities are one place"
            continue
        for side in (row.first, row.second):
            resolution.places.setdefault(side.identity, side)
        pair = frozenset((row.first.identity, row.second.identity))
        if pair in resolution.pairs:
            row.outcome = "merged"
            row.relation = pair  # replaced by the relation's key once it is known
            continue
        resolution.pairs[pair] = row
        row.relation = pair
    return resolution
