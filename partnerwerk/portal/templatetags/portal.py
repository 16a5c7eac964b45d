"""Template helpers of the public portal: dates with precision, language links, fallbacks."""

import datetime

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import formats
from django.utils.translation import get_language, get_language_info

from partnerwerk.core.models import localized_text

register = template.Library()


@register.filter
def partial_date(value: datetime.date | None, precision: str = "day") -> str:
    """A date shown only as exactly as it is known: "2011", "Februar 2023", "9. Juli 2025"."""
    if not value:
        return ""
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


@register.filter
def period(record) -> str:
    """The start and end of a project or activity with their precision."""
    start = partial_date(record.start_date, record.start_precision or "day")
    end = partial_date(record.end_date, record.end_precision or "day")
    if start and end and start != end:
        return f"{start} – {end}"
    return start or end


# The text in the active language, or in German with `fallback` set (core's one fallback).
register.simple_tag(localized_text, name="localized_text")


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in every interface language (i18n_patterns paths, no form needed)."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
