"""Amounts as people write them: "1.250,00 GHS", "100,00 €", "1 EUR = 12,5 GHS"."""

from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from partnerwerk.projects.currency import EURO, money_text

register = template.Library()


@register.filter
def euros(value) -> str:
    """An amount in euros with the euro sign where the reader's language puts it."""
    if value is None:
        return "–"
    amount = formats.number_format(value, 2, use_l10n=True, force_grouping=True)
    return _("€%(amount)s") % {"amount": amount}


@register.filter
def amount(record) -> str:
    """A record's amount in its own currency, or a dash when it has none."""
    if record.amount is None:
        return "–"
    return money_text(record.amount, record.currency)


@register.filter
def exchange(record) -> str:
    """The stated rate and its date of an amount in another currency: "1 EUR = 12,5 GHS
    (03.04.2025)"; empty for euros."""
    if record.currency == EURO or record.exchange_rate is None:
        return ""
    plain = format(record.exchange_rate, "f").rstrip("0").rstrip(".")
    rate = formats.number_format(Decimal(plain), use_l10n=True, force_grouping=True)
    text = f"1 {EURO} = {rate} {record.currency}"
    if record.value_date:
        text += f" ({formats.date_format(record.value_date, 'SHORT_DATE_FORMAT')})"
    return text
