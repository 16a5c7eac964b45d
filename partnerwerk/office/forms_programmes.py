"""Office forms of a joint programme's records (decision 0029). They parse and validate; the
action_programmes services write and check who may change what."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from partnerwerk.action_programmes.models import (
    SIDE_FIELDS,
    FieldOfAction,
    Goal,
    Indicator,
    JointProgramme,
    Measure,
    MeasureComment,
    Reading,
    Review,
    StrategyLink,
)
from partnerwerk.action_programmes.selectors import (
    partner_side_organisations,
    partner_side_people,
)
from partnerwerk.action_programmes.services_measures import PART_PERMISSIONS, part_of
from partnerwerk.office.forms import DATE, RecordForm


class JointProgrammeForm(RecordForm):
    class Meta:
        model = JointProgramme
        fields = [
            "title_de",
            "title_en",
            "vision_de",
            "vision_en",
            "period_start",
            "period_end",
            "is_current",
            "visibility",
            "sources",
        ]
        widgets = {"period_start": DATE, "period_end": DATE}


class StrategyLinkForm(RecordForm):
    url = forms.URLField(
        label=capfirst(_("address")), max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = StrategyLink
        fields = ["side", "title_de", "title_en", "city_strategy", "source", "url"]


class FieldOfActionForm(RecordForm):
    class Meta:
        model = FieldOfAction
        fields = [
            "name_de",
            "name_en",
            "theme",
            "description_de",
            "description_en",
            "position",
            "sources",
        ]


class GoalForm(RecordForm):
    class Meta:
        model = Goal
        fields = [
            "title_de",
            "title_en",
            "description_de",
            "description_en",
            "position",
            "visibility",
        ]


SHARED_FIELDS = [
    "title_de",
    "title_en",
    "description_de",
    "description_en",
    "status",
    "start_date",
    "end_date",
    "needs_third_parties",
    "third_parties_de",
    "third_parties_en",
    "visibility",
    "position",
    "projects",
    "activities",
]


class MeasureForm(RecordForm):
    """The whole measure; the parts the user may not keep are shown but disabled (a
    counterpart edits the partner side, the home organisation's editor the home side)."""

    class Meta:
        model = Measure
        fields = [*SHARED_FIELDS, *SIDE_FIELDS["home"], *SIDE_FIELDS["partner"]]
        widgets = {"start_date": DATE, "end_date": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 3
        measure = self.instance
        if measure.pk is None or self.user is None:
            return
        for name, field in self.fields.items():
            if not self.user.has_perm(PART_PERMISSIONS[part_of(name)], measure):
                self._keep_as_it_is(name, field)
        if not self.user.has_perm(PART_PERMISSIONS["shared"], measure):
            partnership = measure.goal.field_of_action.programme.partnership
            for name, offered in (
                ("partner_organisation", partner_side_organisations),
                ("partner_person", partner_side_people),
            ):
                if not self.fields[name].disabled:
                    self.fields[name].queryset = offered(partnership=partnership)

    def _keep_as_it_is(self, name, field) -> None:
        """Disable a field; a disabled choice still offers its current value, so the form
        validates what it shows without offering anything else."""
        field.disabled = True
        if isinstance(field, forms.ModelMultipleChoiceField):
            field.queryset = getattr(self.instance, name).all()
        elif isinstance(field, forms.ModelChoiceField):
            current = getattr(self.instance, Measure._meta.get_field(name).attname)
            field.queryset = field.queryset.model._base_manager.filter(pk=current)

    def parts(self) -> list[tuple]:
        """The fields in three groups, each with its heading: the measure as a whole, the
        home side and the partner side."""
        return [
            (_("The measure"), [self[name] for name in SHARED_FIELDS]),
            (_("Home city"), [self[name] for name in SIDE_FIELDS["home"]]),
            (_("Partner city"), [self[name] for name in SIDE_FIELDS["partner"]]),
        ]


class IndicatorForm(RecordForm):
    class Meta:
        model = Indicator
        fields = [
            "title_de",
            "title_en",
            "unit_de",
            "unit_en",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "position",
        ]
        widgets = {"baseline_date": DATE, "target_date": DATE}


class ReadingForm(RecordForm):
    class Meta:
        model = Reading
        fields = ["value", "measured_on", "evidence_de", "evidence_en", "document"]
        widgets = {"measured_on": DATE}
        help_texts = {
            "evidence_de": _("Where the value comes from; a text, a document or both."),
        }


class ReviewForm(RecordForm):
    class Meta:
        model = Review
        fields = ["held_on", "title_de", "title_en", "decisions_de", "decisions_en", "document"]
        widgets = {"held_on": DATE}


class MeasureCommentForm(forms.ModelForm):
    class Meta:
        model = MeasureComment
        fields = ["text"]
        labels = {"text": _("Your comment")}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
