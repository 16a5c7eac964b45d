"""Currencies and the conversion of amounts into euros (decision 0027).

A rate is stated as units of the currency per euro ("1 EUR = 12.5 GHS"), the way banks and
the European Central Bank quote the euro; the amount in euros is the amount divided by it.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.translation import gettext_lazy as _

EURO = "EUR"
CENT = Decimal("0.01")

# The currencies the office's forms offer: the euro, the currencies of the partner cities'
# countries, and the usual currencies of funders. A record may hold any ISO 4217 code.
CURRENCIES = {
    "EUR": _("euro"),
    "GHS": _("Ghanaian cedi"),
    "USD": _("US dollar"),
    "GBP": _("pound sterling"),
    "CHF": _("Swiss franc"),
    "PLN": _("Polish złoty"),
    "CZK": _("Czech koruna"),
    "UAH": _("Ukrainian hryvnia"),
    "RUB": _("Russian rouble"),
    "TRY": _("Turkish lira"),
    "ILS": _("Israeli new shekel"),
    "RSD": _("Serbian dinar"),
    "CNY": _("Chinese renminbi"),
}


def euros_at(amount: Decimal, rate: Decimal) -> Decimal:
    """The amount in euros at `rate` units of its currency per euro, to the cent."""
    return (amount / rate).quantize(CENT, rounding=ROUND_HALF_UP)


def money_text(amount: Decimal, currency: str) -> str:
    """An amount as the reader's language writes it, with its currency: "5.000,00 EUR"."""
    return f"{formats.number_format(amount, 2, use_l10n=True, force_grouping=True)} {currency}"
