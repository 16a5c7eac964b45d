"""Registry questions asked on every request, compiled to SQL once per process.

Building and compiling a queryset of the network (the public relations without the registry's
twins of curated pairs: two EXISTS subqueries, two joined places) took about 3 ms per query;
running the SQL took under half a millisecond for a city, so an uncached city's partners were
mostly the ORM's work (decision 0036). The querysets are still built by the selectors from the
one definition, `network_relations()`, and compiled by Django for the database in use, once
per combination of asked filters, with a placeholder where each asked value goes; a request
runs the stored statement with its own values and makes the model instances from the rows.
A builder may compile in only values that never change (visibility, origin's names); what a
request asks is a parameter of the builder.
"""

from collections.abc import Callable
from functools import cache

from django.db import connection
from django.db.models import QuerySet

from partnerwerk.partnerships.models import Partnership
from partnerwerk.places.models import Place

# Stand-ins compiled into a statement and replaced by the asked values: no row has them.
PLACEHOLDERS = {
    "place": -7_919_131_001,
    "after": -7_919_131_002,
    # Positive: the ORM compiles a negative GeoNames id to no query at all.
    "geonames_id": 7_919_131_003,
    "country": "\x00COUNTRY",
    "kind": "\x00KIND",
    "status": "\x00STATUS",
    "origin": "\x00ORIGIN",
}
RELATION_FIELDS = ("id", "key", "home_id", "partner_id", "kind", "status", "origin")


def _ordered(model, names) -> tuple[str, ...]:
    """`names` in the order of the model's columns, as `Model.from_db` reads them."""
    return tuple(f.attname for f in model._meta.concrete_fields if f.attname in names)


@cache
def _columns(place_fields: tuple[str, ...]) -> tuple[tuple, tuple]:
    """The relation's and a place's columns; a place's id comes first (rows are matched to
    places by it)."""
    place = _ordered(Place, place_fields)
    assert place[0] == "id", place
    return _ordered(Partnership, RELATION_FIELDS), place


@cache
def _statement(
    vendor: str, build: Callable[..., QuerySet], asked: tuple[str, ...], place_fields: tuple
) -> tuple[str, tuple]:
    queryset = build(**{name: PLACEHOLDERS[name] for name in asked})
    relation, place = _columns(place_fields)
    queryset = queryset.values_list(
        *relation,
        *(f"home__{name}" for name in place),
        *(f"partner__{name}" for name in place),
    )
    sql, params = queryset.query.sql_with_params()
    return sql, tuple(params)


def relations_from_rows(rows, place_fields: tuple[str, ...]) -> list[Partnership]:
    """Relations with their two places attached, as `select_related` would give them; a place
    met twice is one instance."""
    relation_columns, place_columns = _columns(place_fields)
    first, size = len(relation_columns), len(place_columns)
    places: dict[int, Place] = {}
    relations = []
    for row in rows:
        relation = Partnership.from_db(connection.alias, relation_columns, row[:first])
        for offset, field in ((first, "home"), (first + size, "partner")):
            values = row[offset : offset + size]
            place = places.get(values[0])
            if place is None:
                place = places[values[0]] = Place.from_db(connection.alias, place_columns, values)
            Partnership._meta.get_field(field).set_cached_value(relation, place)
        relations.append(relation)
    return relations


def _run(sql: str, template: tuple, asked: dict, limit=None, offset=0) -> list[tuple]:
    values = {PLACEHOLDERS[name]: value for name, value in asked.items()}
    params = [values.get(param, param) for param in template]
    if limit is not None:
        sql, params = f"{sql} LIMIT %s OFFSET %s", [*params, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _rows(build, place_fields, limit, offset, asked) -> list[tuple]:
    asked = {name: value for name, value in asked.items() if value is not None}
    sql, template = _statement(connection.vendor, build, tuple(sorted(asked)), place_fields)
    return _run(sql, template, asked, limit, offset)


@cache
def _plain_statement(vendor: str, build: Callable[..., QuerySet], asked: tuple) -> tuple:
    sql, params = build(**{name: PLACEHOLDERS[name] for name in asked}).query.sql_with_params()
    return sql, tuple(params)


def rows(build: Callable[..., QuerySet], **asked) -> list[tuple]:
    """The rows of `build(**asked)`, a queryset that names its own columns (`values_list`)
    and may be sliced, by its statement compiled once per process."""
    sql, template = _plain_statement(connection.vendor, build, tuple(sorted(asked)))
    return _run(sql, template, asked)


def relations(
    build: Callable[..., QuerySet],
    *,
    place_fields: tuple[str, ...],
    limit: int | None = None,
    offset: int = 0,
    **asked,
) -> list[Partnership]:
    """The relations of `build(**asked)` (an ordered queryset of relations; the asked values
    that are None are left out of the call) with their places' `place_fields`; with `limit`,
    that many after the first `offset` (one query)."""
    rows = _rows(build, place_fields, limit, offset, asked)
    return relations_from_rows(rows, place_fields)


def relation_values(
    build: Callable[..., QuerySet],
    *,
    place_fields: tuple[str, ...],
    limit: int | None = None,
    offset: int = 0,
    **asked,
) -> list[tuple[dict, dict, dict]]:
    """The same rows as plain values: (relation, home, partner), each a dict by column name,
    for answers that only copy them (no model instances: about 3 ms less for a page of 50)."""
    relation_columns, place_columns = _columns(place_fields)
    first, size = len(relation_columns), len(place_columns)
    return [
        (
            dict(zip(relation_columns, row[:first], strict=True)),
            dict(zip(place_columns, row[first : first + size], strict=True)),
            dict(zip(place_columns, row[first + size :], strict=True)),
        )
        for row in _rows(build, place_fields, limit, offset, asked)
    ]


class Relations:
    """The relations of `build(**asked)`, read a slice at a time (a page) by its prepared
    statement and counted by the queryset; what a Paginator and the API's pages ask of a
    queryset."""

    ordered = True

    def __init__(self, build: Callable[..., QuerySet], *, place_fields: tuple, **asked):
        self.build, self.place_fields = build, place_fields
        self.asked = {name: value for name, value in asked.items() if value is not None}

    def count(self) -> int:
        return self.build(**self.asked).count()

    def __len__(self) -> int:
        return self.count()

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, item):
        if not isinstance(item, slice):
            found = self[item : item + 1]
            if not found:
                raise IndexError(item)
            return found[0]
        start, stop = item.start or 0, item.stop
        if item.step is not None or start < 0 or (stop is not None and stop < 0):
            raise ValueError("Only plain slices of relations are read.")
        if stop is None:
            every = relations(self.build, place_fields=self.place_fields, **self.asked)
            return every[start:]
        return relations(
            self.build,
            place_fields=self.place_fields,
            limit=max(stop - start, 0),
            offset=start,
            **self.asked,
        )

    def as_values(self) -> "RelationValues":
        """The same relations, sliced as plain values."""
        return RelationValues(self.build, place_fields=self.place_fields, **self.asked)

    def values(
        self, start: int, stop: int, place_fields: tuple[str, ...] | None = None
    ) -> list[tuple[dict, dict, dict]]:
        """Relations `start` to `stop` as plain values (see `relation_values`), with the
        places' `place_fields` if given (an answer that shows fewer reads fewer)."""
        return relation_values(
            self.build,
            place_fields=place_fields or self.place_fields,
            limit=max(stop - start, 0),
            offset=start,
            **self.asked,
        )


class RelationValues(Relations):
    """The same relations whose slices are plain values (`relation_values`): a page that only
    shows them needs no model instances."""

    def __getitem__(self, item):
        if not isinstance(item, slice) or item.stop is None or item.step is not None:
            raise ValueError("Only bounded slices of relation values are read.")
        return self.values(item.start or 0, item.stop)
