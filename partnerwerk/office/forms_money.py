"""Office forms for money: budgets, funding sources and transactions (decision 0027).

A currency is chosen by its name; an amount in another currency than the euro asks for the
exchange rate, stated as "1 EUR = x units of the currency", and its date. The services check
and convert; the forms parse.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerwerk.actors.models import Organisation
from partnerwerk.office.forms import DATE, RecordForm
from partnerwerk.programmes.models import Programme
from partnerwerk.projects.currency import CURRENCIES, EURO
from partnerwerk.projects.models import Activity, Budget, FundingSource, Project, Transaction

RATE = forms.NumberInput(attrs={"step": "any", "min": "0", "inputmode": "decimal"})
AMOUNT = forms.NumberInput(attrs={"step": "0.01", "min": "0", "inputmode": "decimal"})


def _projects():
    return Project.objects.order_by("title_de")


def _activities():
    return Activity.objects.order_by("title_de")


def _organisations():
    return Organisation.objects.order_by("name")


def _programmes():
    return Programme.objects.order_by("name_de")


class MoneyForm(RecordForm):
    """Amount, currency, exchange rate and its date, worded the same in every money form."""

    currency = forms.ChoiceField(label=_("currency"), initial=EURO)
    exchange_rate = forms.DecimalField(
        label=_("exchange rate: 1 euro = … units of the currency"),
        required=False,
        min_value=0,
        max_digits=18,
        decimal_places=6,
        widget=RATE,
        help_text=_(
            "Only for another currency than the euro: how many units of the currency one "
            "euro was worth on the exchange date, e.g. 12.5 for 1 EUR = 12.5 GHS. The amount "
            "in euros is the amount divided by this rate."
        ),
    )
    value_date = forms.DateField(
        label=_("exchange date"),
        required=False,
        widget=DATE,
        help_text=_("Only for another currency than the euro: the date of the exchange rate."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(code, f"{name} ({code})") for code, name in CURRENCIES.items()]
        current = getattr(self.instance, "currency", "")
        if current and current not in CURRENCIES:
            choices.append((current, current))  # an imported record's other currency
        self.fields["currency"].choices = choices


class BudgetForm(MoneyForm):
    class Meta:
        model = Budget
        fields = [
            "project",
            "kind",
            "status",
            "period_start",
            "period_end",
            "amount",
            "currency",
            "exchange_rate",
            "value_date",
            "sources",
        ]
        widgets = {"period_start": DATE, "period_end": DATE, "amount": AMOUNT}

    offered = RecordForm.offered | {"project": _projects}


class FundingSourceForm(MoneyForm):
    class Meta:
        model = FundingSource
        fields = [
            "project",
            "funder",
            "programme",
            "amount",
            "currency",
            "exchange_rate",
            "value_date",
            "note_de",
            "note_en",
            "sources",
        ]
        widgets = {"amount": AMOUNT}
        help_texts = {"funder": _("The funding organisation, the programme, or both.")}

    offered = RecordForm.offered | {
        "project": _projects,
        "funder": _organisations,
        "programme": _programmes,
    }


class TransactionForm(MoneyForm):
    class Meta:
        model = Transaction
        fields = [
            "project",
            "activity",
            "kind",
            "date",
            "date_precision",
            "amount",
            "currency",
            "exchange_rate",
            "value_date",
            "provider",
            "receiver",
            "description_de",
            "description_en",
            "visibility",
            "sources",
        ]
        widgets = {"date": DATE, "amount": AMOUNT}
        help_texts = {
            "project": _("The project, the activity, or both (an activity of the project)."),
        }

    offered = RecordForm.offered | {
        "project": _projects,
        "activity": _activities,
        "provider": _organisations,
        "receiver": _organisations,
    }
