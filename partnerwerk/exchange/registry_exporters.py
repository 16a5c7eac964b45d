"""The `relations` dataset: registry relations in the shape of the partnership export."""

from collections.abc import Iterator

from django.db.models import QuerySet

from partnerwerk.core.dates import format_partial_date
from partnerwerk.exchange.bulk_rows import (
    place_reference,
    place_reference_columns,
    sources_by_record,
    values_in_chunks,
)
from partnerwerk.partnerships.models import Partnership
from partnerwerk.partnerships.selectors import registry_relations

RELATION_COLUMNS = (
    "id",
    "key",
    "kind",
    "status",
    "since",
    "since_precision",
    "origin",
    "home_id",
    *place_reference_columns("home"),
    "partner_id",
    *place_reference_columns("partner"),
)


def relation_list() -> QuerySet:
    """The registry's public relations, without the pairs the office curates: those are in
    the `partnerships` dataset (decision 0025)."""
    return registry_relations(Partnership.objects.public()).order_by("key")


def relation_rows(relations: QuerySet) -> Iterator[dict]:
    """Each relation as the partnership export writes it (its identity, places and sources),
    read as values: the registry holds about 25,000."""
    for chunk in values_in_chunks(relations, RELATION_COLUMNS):
        sources = sources_by_record(Partnership, [row["id"] for row in chunk])
        for row in chunk:
            yield {
                "id": row["key"],
                "kind": row["kind"],
                "status": row["status"],
                "since": format_partial_date(row["since"], row["since_precision"]),
                "origin": row["origin"],
                "home": place_reference(row, "home"),
                "partner": place_reference(row, "partner"),
                "sources": sources.get(row["id"], []),
            }
