"""Rows of the large datasets (every place, every registry relation) read as plain values.

At registry scale (about 17,000 places and 25,000 relations) building three model instances
per row and prefetching through Django's related managers took most of an export's 30 s.
These functions read only the columns a row needs, chunk by chunk, and the sources of a
whole chunk in one more query; each row is the same dict the serializer makes of a model
instance (`partnerwerk.exchange.serializers`), and the tests hold the two to that.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice

from django.db.models import Model, QuerySet

# Rows are read in chunks so a national registry does not have to fit in memory. The
# chunk is large enough that a city's own lists (a few hundred rows) take one chunk, so
# their query count does not grow with their size.
CHUNK_SIZE = 2000

PLACE_REFERENCE_COLUMNS = ("name", "country", "geonames_id", "latitude", "longitude")
PLACE_COLUMNS = (
    "id",
    "geonames_id",
    "wikidata_id",
    "name",
    "name_native",
    "name_de",
    "name_en",
    "country",
    "continent",
    "region",
    "population",
    "population_year",
    "latitude",
    "longitude",
    "description_de",
    "description_en",
)


def in_chunks(items: Iterable, size: int = CHUNK_SIZE) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def values_in_chunks(queryset: QuerySet, columns: Iterable[str]) -> Iterator[list[dict]]:
    """The rows of `queryset` as dicts of `columns`, in chunks read from one cursor."""
    # The prefetches a queryset carries for its serializer do not apply to values.
    rows = queryset.prefetch_related(None).values(*columns)
    return in_chunks(rows.iterator(chunk_size=CHUNK_SIZE))


def sources_by_record(model: type[Model], ids: list[int]) -> dict[int, list[dict]]:
    """The sources of the records `ids` of `model`, as `source_to_dict` writes them, in the
    sources' own order (by key), in one query."""
    through = model.sources.through
    owner = f"{model._meta.model_name}_id"
    sources: dict[int, list[dict]] = defaultdict(list)
    rows = (
        through.objects.filter(**{f"{owner}__in": ids})
        .order_by(owner, "source__key")
        .values_list(owner, "source__key", "source__title", "source__url", "source__seed_file")
    )
    for record_id, key, title, url, seed_file in rows:
        sources[record_id].append(
            {"key": key, "title": title, "url": url or None, "seed_file": seed_file or None}
        )
    return sources


def place_reference_columns(prefix: str) -> list[str]:
    return [f"{prefix}__{column}" for column in PLACE_REFERENCE_COLUMNS]


def place_reference(row: dict, prefix: str) -> dict | None:
    """`serializers.place_reference` of the place whose columns `row` holds under `prefix`."""
    if row[f"{prefix}_id"] is None:
        return None
    return {
        "name": row[f"{prefix}__name"],
        "country": row[f"{prefix}__country"],
        "geonames_id": row[f"{prefix}__geonames_id"],
        "lat": row[f"{prefix}__latitude"],
        "lon": row[f"{prefix}__longitude"],
    }


def place_rows(places: QuerySet) -> Iterator[dict]:
    """`serializers.place_to_dict` of each place, read as values."""
    for chunk in values_in_chunks(places, PLACE_COLUMNS):
        sources = sources_by_record(places.model, [row["id"] for row in chunk])
        for row in chunk:
            yield {
                "geonames_id": row["geonames_id"],
                "wikidata_id": row["wikidata_id"] or None,
                "name": row["name"],
                "name_native": row["name_native"],
                "name_de": row["name_de"],
                "name_en": row["name_en"],
                "country": row["country"],
                "continent": row["continent"],
                "region": row["region"],
                "population": row["population"],
                "population_year": row["population_year"],
                "lat": row["latitude"],
                "lon": row["longitude"],
                "description_de": row["description_de"],
                "description_en": row["description_en"],
                "sources": sources.get(row["id"], []),
            }
