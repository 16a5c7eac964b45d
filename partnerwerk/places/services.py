"""Writes to places. The reference loader, the IATI reader and the office's place pickers add
them from GeoNames facts (decision 0022, 0026), so those writes check no per-user
permission: their callers are management commands, the office's own import or a form that
already checks its record's permission. The office names a place in German and English
(`place_rename`, office staff)."""

from collections.abc import Iterable

from partnerwerk.core.models import Source
from partnerwerk.core.services import attribute_history, require_permission
from partnerwerk.core.upsert import UpsertState, record_upsert
from partnerwerk.places.models import Place


def place_upsert(
    *,
    geonames_id: int,
    facts: dict,
    name_de: str,
    name_en: str,
    name_native: str,
    region: str,
    wikidata_id: str,
    description_de: str,
    description_en: str,
    sources: Iterable[Source],
) -> tuple[Place, UpsertState]:
    """System import: create or change the place with this GeoNames id. `facts` are its
    GeoNames facts (name, country, continent, coordinates, population and its source); the
    other values are the reference data's and win over them."""
    return record_upsert(
        Place,
        lookup={"geonames_id": geonames_id},
        values=facts
        | {
            "name_de": name_de,
            "name_en": name_en,
            "name_native": name_native,
            "region": region,
            "wikidata_id": wikidata_id,
            "description_de": description_de,
            "description_en": description_en,
        },
        links={"sources": sources},
    )


def place_get_or_create(
    *, geonames_id: int, facts: dict, name_de: str = "", name_en: str = ""
) -> Place:
    """System import (IATI): the known place with this GeoNames id, or a new one from its
    GeoNames `facts` with the file's names."""
    place = Place.objects.filter(geonames_id=geonames_id).first()
    if place is None:
        place = Place.objects.create(
            geonames_id=geonames_id, **facts, name_de=name_de, name_en=name_en
        )
    return place


def place_rename(*, actor, place: Place, name_de: str, name_en: str, name_native: str) -> Place:
    """Office: the names people read for a place in German and English, and its own name in
    the local language (GeoNames' main name stays as it is); the search key follows on
    saving, so the place is found by the new names too."""
    require_permission(actor, "places.change_place", place)
    place.name_de, place.name_en = name_de.strip(), name_en.strip()
    place.name_native = name_native.strip()
    place.full_clean()
    attribute_history(place, actor)
    place.save()
    return place
