"""The form that asks for a report (issue 18): kind, period, language, city."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerwerk.partnerships.models import Partnership
from partnerwerk.places.models import Place
from partnerwerk.reports.models import ReportKind, ReportLanguage


def _last_year() -> tuple[datetime.date, datetime.date]:
    year = timezone.localdate().year - 1
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=ReportKind.choices)
    period_start = forms.DateField(
        label=_("Period from"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    period_end = forms.DateField(
        label=_("Period to"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    language = forms.ChoiceField(label=_("Language"), choices=ReportLanguage.choices)
    place = forms.ModelChoiceField(
        label=_("Partner city (fact sheet)"),
        queryset=Place.objects.none(),
        required=False,
        help_text=_("Only for a fact sheet."),
    )
    public_only = forms.BooleanField(
        label=_("Public facts only"),
        required=False,
        help_text=_("What the portal shows; without internal records and notes."),
    )
    outlook = forms.CharField(
        label=_("Outlook"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Written by the office; the annual report prints it as its last chapter."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        start, end = _last_year()
        self.fields["period_start"].initial = start
        self.fields["period_end"].initial = end
        partners = Partnership.objects.curated().values("partner_id")
        self.fields["place"].queryset = Place.objects.filter(pk__in=partners).order_by("name")

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period ends before it starts."))
        if data.get("kind") == ReportKind.FACT_SHEET and not data.get("place"):
            self.add_error("place", _("A fact sheet needs a partner city."))
        return data
