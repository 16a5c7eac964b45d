"""Office forms: they parse and validate input; the services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerwerk.accounts.models import OfficeRole
from partnerwerk.actors.models import Organisation, Person
from partnerwerk.core.models import Source
from partnerwerk.documents.models import Document
from partnerwerk.partnerships.models import Partnership, Step
from partnerwerk.places.models import Place
from partnerwerk.projects.models import Activity, Project

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlaceField(forms.ModelChoiceField):
    """A place by its GeoNames id: there may be thousands of places, too many for a list."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("The place's GeoNames id, e.g. 2298890 for Kumasi."))
        super().__init__(
            queryset=Place.objects.all(),
            to_field_name="geonames_id",
            widget=forms.TextInput(attrs={"inputmode": "numeric"}),
            **kwargs,
        )


def _curated_partnerships():
    return Partnership.objects.curated().select_related("home", "partner")


class RecordForm(forms.ModelForm):
    """Common behaviour: sources chosen from the known citations."""

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if "sources" in self.fields:
            self.fields["sources"].queryset = Source.objects.order_by("title")
            self.fields["sources"].required = False
        if "key" in self.fields:
            self.fields["key"].required = False
            self.fields["key"].help_text = _("Stable code; made from the title when left empty.")
        if "partnerships" in self.fields:
            self.fields["partnerships"].queryset = _curated_partnerships()
        for name, form_field in self.fields.items():
            # A place is typed as its GeoNames id, so that is what an edit form shows.
            if isinstance(form_field, PlaceField) and self.instance.pk:
                place = getattr(self.instance, name, None)
                self.initial[name] = place.geonames_id if place else None


class PartnershipForm(RecordForm):
    home = PlaceField(label=_("home place"))
    partner = PlaceField(label=_("partner place"))

    class Meta:
        model = Partnership
        fields = [
            "key",
            "home",
            "partner",
            "kind",
            "visibility",
            "description_de",
            "description_en",
            "themes",
            "succeeds",
            "sources",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].required = True
        self.fields["succeeds"].queryset = _curated_partnerships()


class StepForm(RecordForm):
    class Meta:
        model = Step
        fields = [
            "kind",
            "date",
            "date_precision",
            "decision_body",
            "note_de",
            "note_en",
            "sources",
        ]
        widgets = {"date": DATE}


class ProjectForm(RecordForm):
    class Meta:
        model = Project
        fields = [
            "key",
            "title_de",
            "title_en",
            "summary_de",
            "summary_en",
            "status",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
            "partnerships",
            "themes",
            "programme",
            "visibility",
            "sources",
        ]
        widgets = {"start_date": DATE, "end_date": DATE}


class ActivityForm(RecordForm):
    place = PlaceField(label=_("place"), required=False)

    class Meta:
        model = Activity
        fields = [
            "key",
            "title_de",
            "title_en",
            "kind",
            "description_de",
            "description_en",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
            "place",
            "location_text",
            "project",
            "partnerships",
            "themes",
            "visibility",
            "sources",
        ]
        widgets = {"start_date": DATE, "end_date": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = Project.objects.order_by("title_de")


class OrganisationForm(RecordForm):
    place = PlaceField(label=_("place"), required=False)
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [
            "key",
            "name",
            "name_en",
            "short_name",
            "kind",
            "parent",
            "place",
            "description_de",
            "description_en",
            "address",
            "website",
            "iati_identifier",
            "sources",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].required = True


class PersonForm(RecordForm):
    class Meta:
        model = Person
        fields = [
            "key",
            "name",
            "honorific",
            "function_de",
            "function_en",
            "organisation",
            "email",
            "phone",
            "visibility",
            "legal_basis",
            "consent_given_on",
            "consent_text",
            "sources",
        ]
        widgets = {"consent_given_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].required = True


class DocumentForm(RecordForm):
    upload = forms.FileField(
        label=_("file"),
        required=False,
        help_text=_("PDF, JPEG, PNG or WebP; the file's content decides, not its name."),
    )

    class Meta:
        model = Document
        fields = [
            "key",
            "kind",
            "status",
            "title_de",
            "title_en",
            "date",
            "date_precision",
            "credit",
            "alt_text_de",
            "alt_text_en",
            "visibility",
            "partnership",
            "project",
            "activity",
            "sources",
        ]
        widgets = {"date": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = _curated_partnerships()
        self.fields["project"].queryset = Project.objects.order_by("title_de")
        self.fields["activity"].queryset = Activity.objects.order_by("title_de")


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("email"))
    role = forms.ChoiceField(label=_("role"), choices=OfficeRole.choices)
    organisation = forms.ModelChoiceField(
        label=_("organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_("For department editors."),
    )
    partnership = forms.ModelChoiceField(
        label=_("partnership"),
        queryset=Partnership.objects.none(),
        required=False,
        help_text=_("For partner-city counterparts."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = _curated_partnerships()
