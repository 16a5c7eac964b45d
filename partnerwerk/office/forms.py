"""Office forms: they parse and validate input; the services write."""

from django import forms
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from partnerwerk.accounts.models import OfficeRole
from partnerwerk.actors.models import Organisation, Person
from partnerwerk.core.models import Source
from partnerwerk.documents.models import Document
from partnerwerk.office.access import readable_choices
from partnerwerk.partnerships.models import Partnership, Step
from partnerwerk.places import forms as places_forms
from partnerwerk.projects.models import Activity, Project

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# A multiple choice with a search (office/multi-select.js); without JavaScript an ordinary
# multiple select. The texts are the script's, in the reader's language.
MULTI_SELECT = {
    "data-multi-select": "",
    "data-placeholder": _("Type to search"),
    "data-no-results": _("Nothing found."),
    "data-remove-label": _("Remove"),
}


class PlaceField(places_forms.PlaceField):
    """A place by name, with the office's place search behind the picker; with `gazetteer`,
    GeoNames cities not stored yet are offered too (a new partner city)."""

    def __init__(self, *, gazetteer: bool = False, **kwargs):
        source = reverse_lazy("office:place-search")
        if gazetteer:
            source = format_lazy("{}?geonames=1", source)
        super().__init__(source=source, gazetteer=gazetteer, **kwargs)


def _curated_partnerships():
    return Partnership.objects.curated().select_related("home", "partner")


def _projects():
    return Project.objects.order_by("title_de")


def _activities():
    return Activity.objects.order_by("title_de")


def _sources():
    return Source.objects.order_by("title")


class ReadableChoicesMixin:
    """The base of every office form: each model choice offers only what the signed-in user
    may read (`readable_choices`), so a partner-city counterpart never sees another
    partnership's records in a drop-down, and an id posted by hand fails validation like
    any unknown choice. A form names the records a field offers in `offered`; the narrowing
    is applied here to every model choice field, declared or generated, so a new form or
    field is covered without code of its own.

    When an existing record links to records the user may not read, the form keeps those
    links: the user never saw them, so leaving them out of the choices is not a request to
    remove them.
    """

    # field name → a function returning the records the field offers before narrowing.
    offered: dict = {}

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField):
                records = self.offered[name]() if name in self.offered else field.queryset
                field.queryset = readable_choices(user, records)
            if isinstance(field.widget, forms.SelectMultiple):
                field.widget.attrs.update(MULTI_SELECT)

    def clean(self):
        cleaned_data = super().clean()
        for name, hidden in self._hidden_links().items():
            if name not in cleaned_data:
                continue
            if isinstance(self.fields[name], forms.ModelMultipleChoiceField):
                cleaned_data[name] = [*cleaned_data[name], *hidden]
            elif cleaned_data[name] is None:
                cleaned_data[name] = hidden[0]
        return cleaned_data

    def _hidden_links(self) -> dict:
        """Field name → the records the instance links to that the field does not offer."""
        instance = getattr(self, "instance", None)
        if instance is None or instance.pk is None:
            return {}
        hidden = {}
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField) or field.disabled:
                continue
            try:
                model_field = instance._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if model_field.many_to_many:
                linked = getattr(instance, name).all()
            elif model_field.many_to_one:
                linked = field.queryset.model._base_manager.filter(
                    pk=getattr(instance, model_field.attname)
                )
            else:
                continue
            unseen = list(linked.exclude(pk__in=field.queryset.values("pk")))
            if unseen:
                hidden[name] = unseen
        return hidden


class RecordForm(ReadableChoicesMixin, forms.ModelForm):
    """Common behaviour: sources chosen from the known citations."""

    offered = {"sources": _sources, "partnerships": _curated_partnerships}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "sources" in self.fields:
            self.fields["sources"].required = False
        if "key" in self.fields:
            self.fields["key"].required = False
            self.fields["key"].help_text = _("Stable code; made from the title when left empty.")


class PartnershipForm(RecordForm):
    home = PlaceField(label=_("home place"), gazetteer=True)
    partner = PlaceField(label=_("partner place"), gazetteer=True)

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

    offered = RecordForm.offered | {"succeeds": _curated_partnerships}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].required = True


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
    place = PlaceField(label=_("place"), required=False, gazetteer=True)

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

    offered = RecordForm.offered | {"project": _projects}


class OrganisationForm(RecordForm):
    place = PlaceField(label=_("place"), required=False, gazetteer=True)
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

    offered = RecordForm.offered | {
        "partnership": _curated_partnerships,
        "project": _projects,
        "activity": _activities,
    }


class InvitationForm(ReadableChoicesMixin, forms.Form):
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
    language = forms.ChoiceField(
        label=_("language"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
        help_text=_("The invitation e-mail and the page it links to are in this language."),
    )

    offered = {"partnership": _curated_partnerships}

    def clean_language(self) -> str:
        return self.cleaned_data["language"] or settings.LANGUAGE_CODE
