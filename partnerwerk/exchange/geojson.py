"""The home city's partner cities as a GeoJSON FeatureCollection (RFC 7946)."""

import json
from typing import TextIO

from django.urls import reverse

from partnerwerk.places.selectors import partner_place_list


def place_feature(place) -> dict:
    """One partner city as a Point feature; `place.public_partnerships` must be prefetched."""
    partnerships = place.public_partnerships
    return {
        "type": "Feature",
        "id": place.geonames_id,
        "geometry": {
            # RFC 7946: longitude first.
            "type": "Point",
            "coordinates": [place.longitude, place.latitude],
        },
        "properties": {
            "geonames_id": place.geonames_id,
            "name": place.name,
            "name_de": place.name_de or place.name,
            "name_en": place.name_en or place.name,
            "country": str(place.country),
            "kinds": sorted({partnership.kind for partnership in partnerships}),
            "statuses": sorted({partnership.status for partnership in partnerships}),
            "url": reverse("portal:city", kwargs={"geonames_id": place.geonames_id})
            if place.geonames_id
            else None,
        },
    }


def partner_cities_feature_collection() -> dict:
    places = partner_place_list().filter(latitude__isnull=False, longitude__isnull=False)
    return {"type": "FeatureCollection", "features": [place_feature(place) for place in places]}


def export_partner_cities(stream: TextIO) -> int:
    """Write the partner cities as GeoJSON to `stream`; return the number of features."""
    collection = partner_cities_feature_collection()
    json.dump(collection, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(collection["features"])
