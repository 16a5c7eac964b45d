from django import forms
from django.utils.translation import gettext_lazy as _

from partnerwerk.sdg.models import Goal, Significance, Target


class DecisionForm(forms.Form):
    goal = forms.ModelChoiceField(Goal.objects.all())
    target = forms.ModelChoiceField(Target.objects.all(), required=False)

    def clean(self):
        data = super().clean()
        goal, target = data.get("goal"), data.get("target")
        if goal and target and target.goal_id != goal.pk:
            raise forms.ValidationError(_("The target belongs to another goal."))
        return data


class ConfirmForm(DecisionForm):
    significance = forms.ChoiceField(
        choices=Significance.choices, initial=Significance.SIGNIFICANT, required=False
    )

    def clean_significance(self):
        return self.cleaned_data["significance"] or Significance.SIGNIFICANT


class TextForm(forms.Form):
    text = forms.CharField(
        label=_("Text (German, English or French)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20000,
    )
