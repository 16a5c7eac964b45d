"""Dates with their precision: "2011", "2023-02" or "2025-07-09"."""

import datetime
import re

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(text: str) -> tuple[datetime.date, str]:
    """Return the first day the text can mean and its precision (day, month or year)."""
    match = PARTIAL_DATE.match(str(text).strip())
    if not match:
        raise ValueError(f"{text!r} is not a date like 2011, 2023-02 or 2025-07-09")
    year, month, day = match.groups()
    try:
        value = datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError as error:
        raise ValueError(f"{text!r} is not a valid date ({error})") from None
    precision = "day" if day else "month" if month else "year"
    return value, precision


def format_partial_date(value: datetime.date | None, precision: str | None) -> str | None:
    if value is None:
        return None
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def display_partial_date(value: datetime.date | None, precision: str | None) -> str:
    """A date for people, in the active language and only as exact as it is known:
    "2011", "Februar 2023", "9. Juli 2025"."""
    from django.utils import formats

    if value is None:
        return ""
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")
