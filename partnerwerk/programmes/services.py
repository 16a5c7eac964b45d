"""Writes to funding programmes. The office does not edit programmes; the reference loader
writes them (decision 0022), so this checks no per-user permission: its caller is the
`load_reference` management command."""

from collections.abc import Iterable

from django.db.models import Model

from partnerwerk.core.models import Source
from partnerwerk.core.upsert import UpsertState, record_upsert
from partnerwerk.programmes.models import Programme


def programme_upsert(
    *,
    key: str,
    name_de: str,
    name_en: str,
    kind: str,
    description_de: str,
    description_en: str,
    operator: Model | None,
    funder: Model | None,
    sources: Iterable[Source],
) -> tuple[Programme, UpsertState]:
    """System import: create or change the programme with this key. Its operator and
    funder are organisations (actors; not imported here, the apps are independent)."""
    return record_upsert(
        Programme,
        lookup={"key": key},
        values={
            "name_de": name_de,
            "name_en": name_en,
            "kind": kind,
            "description_de": description_de,
            "description_en": description_en,
            "operator": operator,
            "funder": funder,
        },
        links={"sources": sources},
    )
