"""Filters of the reports' templates: dates as exact as they are known, euros, counts."""

from django import template
from django.utils import formats

from partnerwerk.core.dates import display_partial_date

register = template.Library()


@register.filter
def partial_date(value, precision="day"):
    """A date only as exact as it is known ("2011", "Mai 2024", "14. Mai 2024")."""
    return display_partial_date(value, precision or "day")


@register.filter
def euros(value) -> str:
    """An amount in euros as the reader's language writes it: "5.000,00 EUR"."""
    if value is None:
        return "–"
    return f"{formats.number_format(value, 2, use_l10n=True, force_grouping=True)} EUR"


@register.filter
def number(value) -> str:
    """A count as the reader's language groups it: "1.000.000" or "1,000,000"."""
    return formats.number_format(value, use_l10n=True, force_grouping=True)


@register.simple_tag
def record_date(record) -> str:
    """The (start) date of a step, activity, project, transaction or document."""
    for field, precision in (
        ("date", "date_precision"),
        ("start_date", "start_precision"),
    ):
        value = getattr(record, field, None)
        if value is not None:
            return display_partial_date(value, getattr(record, precision, "") or "day")
    return ""
