"""Names sorted as a reader expects them, in the database: "Öhringen" beside "Oberhausen",
"Łódź" beside "Lodz", "Schytomyr" under S, whatever the letter case.

A database sorts text by its bytes unless told otherwise, which puts every accented or
capitalised initial in the wrong place. `ReaderCollate(expression)` orders by a collation
that ignores case and accents (German DIN 5007-1: ä as a, ß as ss): on PostgreSQL ICU's root
collation, on SQLite a collation this module registers on every new connection
(`register_collation`, connected in `CoreConfig.ready`).
"""

import unicodedata
from functools import lru_cache

from django.db.models.functions import Collate

SQLITE_COLLATION = "partnerwerk_reader"
POSTGRESQL_COLLATION = "und-x-icu"
# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i"})


@lru_cache(maxsize=100_000)
def reader_key(text: str) -> tuple[str, str]:
    """The sort key of a text: without case and accents first, the text itself on a tie (so
    the order is total and the same on every run)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    return folded.translate(_UNDECOMPOSED), text


def _compare(first: str, second: str) -> int:
    a, b = reader_key(first), reader_key(second)
    return (a > b) - (a < b)


def register_collation(sender, connection, **kwargs) -> None:
    """Give a new SQLite connection the reader's collation (a `connection_created` receiver)."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, _compare)


class ReaderCollate(Collate):
    """`expression` compared as the reader's collation compares it, for `order_by`."""

    def __init__(self, expression):
        super().__init__(expression, SQLITE_COLLATION)

    def as_postgresql(self, compiler, connection, **extra_context):
        extra_context["collation"] = connection.ops.quote_name(POSTGRESQL_COLLATION)
        return self.as_sql(compiler, connection, **extra_context)
