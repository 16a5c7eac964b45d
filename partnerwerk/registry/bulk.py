"""Rows made ready for the database before the write transaction, sent in it at once.

Django's `bulk_create` turns every value into its database form while the transaction is
open: for the 195,000 rows of the registry import (places, relations, steps, their history
and sources) that held SQLite's one write lock for about 100 seconds, and every sign-in and
office edit meanwhile failed. Here each value is converted by its own field
(`get_db_prep_save`, as `bulk_create` does) while nothing is locked; in the transaction the
rows only need the ids of rows written just before (`fill`) and one `executemany`.
"""

from django.db import connections, router
from django.db.models import Model


class PreparedRows:
    """Unsaved instances of one model as rows of database values, without their primary key.

    A column whose value is known only once other rows exist (a foreign key to a row written
    in the same transaction, a key made of such ids) is set with `fill` before `insert`.
    """

    def __init__(self, model: type[Model], objects: list[Model]):
        self.model = model
        self.connection = connections[router.db_for_write(model)]
        meta = model._meta
        self.fields = [
            field
            for field in meta.concrete_fields
            if field is not meta.auto_field and not getattr(field, "generated", False)
        ]
        self._position = {field.attname: index for index, field in enumerate(self.fields)}
        self.rows = [
            [
                field.get_db_prep_save(field.pre_save(obj, True), self.connection)
                for field in self.fields
            ]
            for obj in objects
        ]

    def __len__(self) -> int:
        return len(self.rows)

    def fill(self, attname: str, values) -> None:
        """Set the column `attname` of every row, in order, to the values given: ids or text,
        which are their own database form (no conversion, since this runs in the lock)."""
        index = self._position[attname]
        for row, value in zip(self.rows, values, strict=True):
            row[index] = value

    def insert(self) -> None:
        if not self.rows:
            return
        insert_rows(self.model, [field.column for field in self.fields], self.rows)


def insert_rows(model: type[Model], columns: list[str], rows: list) -> None:
    """INSERT `rows` (sequences of database values in the order of `columns`) in one go."""
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {table} ({columns}) VALUES ({values})".format(
        table=quote(model._meta.db_table),
        columns=", ".join(quote(column) for column in columns),
        values=", ".join(["%s"] * len(columns)),
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
