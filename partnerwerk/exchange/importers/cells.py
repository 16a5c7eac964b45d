"""Cell parsers of the spreadsheet import: each reads one cell of a row into a model value
or raises a RowError that names the column."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext as _

from partnerwerk.core.dates import parse_partial_date
from partnerwerk.places.models import Place

KEY = re.compile(r"^[-a-zA-Z0-9_]+$")
GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


class RowError(Exception):
    def __init__(self, field_name: str, message: str):
        self.field_name, self.message = field_name, message
        super().__init__(message)


def text(*, required: bool = False):
    """Text as it stands; its length is checked against the model field (`_check_length`)."""

    def parse(value: str, column: str, context) -> str:
        if required and not value:
            raise RowError(column, _("The field is required."))
        return value

    return parse


def _check_length(model: type[models.Model], name: str, value, column: str) -> None:
    """Refuse text longer than the model's field holds: PostgreSQL would refuse the whole
    import with a database error instead of naming the row."""
    max_length = getattr(model._meta.get_field(name), "max_length", None)
    if isinstance(value, str) and max_length and len(value) > max_length:
        raise RowError(
            column, _("The text is longer than %(max)d characters.") % {"max": max_length}
        )


def choice(choices: type[models.TextChoices], *, default: str | None = None):
    def parse(value: str, column: str, context) -> str:
        if not value and default is not None:
            return default
        if value not in choices.values:
            raise RowError(
                column,
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": value, "choices": ", ".join(choices.values)},
            )
        return value

    return parse


def url(value: str, column: str, context) -> str:
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise RowError(
                column, _("“%(value)s” is not a web address.") % {"value": value}
            ) from None
    return value[:200]


def partial_date(value: str, column: str, context):
    if not value:
        return None, ""
    german = GERMAN_DATE.match(value)
    if german:
        day, month, year = german.groups()
        value = f"{year}-{int(month):02d}-{int(day):02d}"
    try:
        return parse_partial_date(value)
    except ValueError:
        raise RowError(
            column,
            _("“%(value)s” is not a date like 2011, 2023-02 or 2025-07-09.") % {"value": value},
        ) from None


def place(value: str, column: str, context) -> Place | None:
    if not value:
        return None
    try:
        geonames_id = int(value)
    except ValueError:
        raise RowError(column, _("“%(value)s” is not a GeoNames id.") % {"value": value}) from None
    found = context.places.get(geonames_id)
    if found is None:
        raise RowError(
            column, _("There is no place with the GeoNames id %(id)s.") % {"id": geonames_id}
        )
    return found


def reference(attribute: str, label: str, *, same_file: bool = False):
    """A key of another record: in the database, or (same_file) a row of this file."""

    def parse(value: str, column: str, context):
        if not value:
            return None
        found = getattr(context, attribute).get(value)
        if found is None and same_file and value in context.keys_in_file:
            return Deferred(value)
        if found is None:
            raise RowError(
                column, _("There is no %(label)s “%(key)s”.") % {"label": label, "key": value}
            )
        return found

    return parse


def many(attribute: str, label: str):
    def parse(value: str, column: str, context) -> list:
        keys = [item.strip() for item in value.split("|") if item.strip()]
        found = []
        for key in keys:
            record = getattr(context, attribute).get(key)
            if record is None:
                raise RowError(
                    column, _("There is no %(label)s “%(key)s”.") % {"label": label, "key": key}
                )
            found.append(record)
        return found

    return parse


@dataclass(frozen=True)
class Deferred:
    """A reference to a record created by an earlier or later row of the same file."""

    key: str
