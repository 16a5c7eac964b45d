"""Forms of the office's funding pages (issue 17); the services check everything again."""

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from partnerwerk.grants.models import MAX_SCORE, FundingCall


class CallForm(forms.ModelForm):
    criteria = forms.CharField(
        label=_("Criteria"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One criterion a line: German name | English name | weight, e.g. Wirkung | Impact | 2."
        ),
    )

    class Meta:
        model = FundingCall
        fields = [
            "key",
            "title_de",
            "title_en",
            "purpose_de",
            "purpose_en",
            "eligibility_de",
            "eligibility_en",
            "required_documents_de",
            "required_documents_en",
            "budget",
            "opens_on",
            "closes_on",
            "is_public",
        ]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "closes_on": forms.DateInput(attrs={"type": "date"}),
        }

    def clean_criteria(self):
        rows = []
        for line in self.cleaned_data["criteria"].splitlines():
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            if len(parts) != 3 or not parts[0] or not parts[2].isdigit() or int(parts[2]) < 1:
                raise ValidationError(
                    _("Write each criterion as: German name | English name | weight (1 or more).")
                )
            rows.append((parts[0], parts[1], int(parts[2])))
        return rows


class ReviewerForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Reviewer"), queryset=get_user_model().objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Reviewers work in the office: users who hold an office role.
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, memberships__isnull=False)
            .distinct()
            .order_by("username")
        )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AssessmentForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=_("%(criterion)s (weight %(weight)s), 0 to %(max)s")
                % {"criterion": criterion, "weight": criterion.weight, "max": MAX_SCORE},
                min_value=0,
                max_value=MAX_SCORE,
            )

    def scores(self) -> dict[int, int]:
        return {
            int(name.removeprefix("score_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("score_")
        }


class DecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("approve")), ("0", _("reject"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    amount = forms.DecimalField(
        label=_("Approved amount in euros"),
        max_digits=12,
        decimal_places=2,
        min_value=0,
        required=False,
    )
    conditions = forms.CharField(
        label=_("Conditions"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    proof_due_on = forms.DateField(
        label=_("Proof of use due on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reasons = forms.CharField(
        label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_amount(self):
        return self.cleaned_data["amount"] or Decimal(0)


class PaymentForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Instalment in euros"), max_digits=12, decimal_places=2, min_value=0
    )
    paid_on = forms.DateField(label=_("Paid on"), widget=forms.DateInput(attrs={"type": "date"}))
