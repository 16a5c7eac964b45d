"""The home city's partner cities as a GeoJSON FeatureCollection (RFC 7946)."""

import json
from collections.abc import Iterator
from typing import TextIO

from django.urls import reverse

from partnerwerk.exchange.bulk_rows import CHUNK_SIZE
from partnerwerk.partnerships.selectors import partner_place_list


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


def partner_places():
    return partner_place_list().filter(latitude__isnull=False, longitude__isnull=False)


def partner_cities_text() -> Iterator[str]:
    """The feature collection as `json.dump(..., indent=2)` writes it, one feature at a time
    (for a streamed response)."""
    yield '{\n  "type": "FeatureCollection",\n  "features": ['
    count = 0
    for place in partner_places().iterator(chunk_size=CHUNK_SIZE):
        text = json.dumps(place_feature(place), ensure_ascii=False, indent=2)
        # json.dumps escapes newlines inside strings, so every newline here is layout.
        yield ("," if count else "") + "\n    " + text.replace("\n", "\n    ")
        count += 1
    yield "\n  ]\n}\n" if count else "]\n}\n"


def export_partner_cities(stream: TextIO) -> int:
    """Write the partner cities as GeoJSON to `stream`; return the number of features."""
    pieces = 0
    for piece in partner_cities_text():
        stream.write(piece)
        pieces += 1
    return pieces - 2  # one piece per feature, between the opening and the closing piece
