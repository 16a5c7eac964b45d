"""One place picker for every form that takes a place (decision 0026).

Without JavaScript it is a text input: a typed name is resolved on the server (one place:
that place; several: the field lists them by name, country and population to choose from;
none: a message naming the field). With JavaScript, place-picker.js turns it into an
autocomplete (Tom Select) that asks `source` and posts the chosen place's ref."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from partnerwerk.places import gazetteer
from partnerwerk.places.geonames import city_facts
from partnerwerk.places.models import Place
from partnerwerk.places.names import fold
from partnerwerk.places.presentation import place_label, place_option
from partnerwerk.places.selectors import (
    CHOICE_LIMIT,
    name_and_country,
    place_by_ref,
    place_ref,
    places_named,
)
from partnerwerk.places.services import place_get_or_create

CHOICE_SUFFIX = "__choice"
REF_SUFFIX = "__ref"


def _is_ref(text: str) -> bool:
    return text.isdigit() or (text[:1] == "p" and text[1:].isdigit())


class PlacePicker(forms.TextInput):
    """A text input for a place's name, with the ref of the place it shows (so an unchanged
    name means the same place again) and, after an ambiguous name, the places to choose."""

    template_name = "places/widgets/place_picker.html"

    def __init__(self, source: str = "", attrs=None):
        super().__init__(attrs)
        self.source = source
        self.found: list[dict] = []
        self.found_name = ""

    def format_value(self, value):
        return value

    def get_context(self, name, value, attrs):
        place = value if isinstance(value, Place) else None
        if place is None and isinstance(value, str) and _is_ref(value.strip()):
            place = place_by_ref(value)
        text = place_label(place) if place else (value or "")
        context = super().get_context(name, text, attrs)
        context["widget"].update(
            {
                "ref": place_ref(place) if place else "",
                "ref_name": name + REF_SUFFIX,
                "choice_name": name + CHOICE_SUFFIX,
                "source": str(self.source),
                "found": self.found,
                "found_name": self.found_name,
            }
        )
        return context

    def value_from_datadict(self, data, files, name):
        choice = data.get(name + CHOICE_SUFFIX, "")
        if choice:
            return choice
        text = (data.get(name) or "").strip()
        ref = (data.get(name + REF_SUFFIX) or "").strip()
        if ref and text and not _is_ref(text):
            # The name shown for a place and left as it was still means that place.
            place = place_by_ref(ref)
            if place is not None and fold(text) in {fold(place_label(place)), fold(str(place))}:
                return ref
        return text

    def value_omitted_from_data(self, data, files, name):
        return name not in data and name + CHOICE_SUFFIX not in data


class PlaceField(forms.ModelChoiceField):
    """A place by name (German, English or local) or by its ref (the picker's answer).

    With `gazetteer`, a GeoNames city not stored yet is found too and stored when it is
    chosen (a new partner city); without it, only stored places (`queryset`) are."""

    default_error_messages = {
        "unknown": _(
            "%(field)s: no place called “%(name)s” is known. Check the spelling, or type the "
            "beginning of the name and choose the place from the list."
        ),
        "several": _(
            "%(field)s: several places are called “%(name)s”. Choose one below, or add the "
            "country after a comma (“%(example)s”)."
        ),
        "many": _(
            "%(field)s: more than %(count)s places have a name beginning with “%(name)s”. "
            "Type more of the name, or choose one below."
        ),
        "invalid_choice": _("%(field)s: this place is not known."),
    }

    def __init__(self, *, source: str = "", queryset=None, gazetteer: bool = False, **kwargs):
        self.gazetteer = gazetteer
        kwargs.setdefault(
            "help_text",
            _("Type the name in German, English or the local language and choose the place."),
        )
        super().__init__(
            queryset=Place.objects.all() if queryset is None else queryset,
            widget=PlacePicker(source=source),
            **kwargs,
        )

    def _error(self, code: str, **params) -> ValidationError:
        params = {"field": self.label or _("Place"), **params}
        return ValidationError(self.error_messages[code], code=code, params=params)

    def prepare_value(self, value):
        if isinstance(value, Place) or value in self.empty_values or isinstance(value, str):
            return value
        return self.queryset.model._base_manager.filter(pk=value).first()

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Place):
            return value
        text = str(value).strip()
        if _is_ref(text):
            place = place_by_ref(text)
            if place is None and self.gazetteer and text.isdigit():
                place = self._stored(int(text))
            if place is None or not self.queryset.filter(pk=place.pk).exists():
                raise self._error("invalid_choice")
            return place
        found = places_named(name=text, within=self.queryset)
        if not found and self.gazetteer:
            found = self._unstored_named(text)
        if len(found) == 1:
            return found[0] if found[0].pk else self._stored(found[0].geonames_id)
        if not found:
            raise self._error("unknown", name=text)
        self.widget.found = [place_option(place) for place in found[:CHOICE_LIMIT]]
        self.widget.found_name = text
        if len(found) > CHOICE_LIMIT:
            raise self._error("many", name=text, count=CHOICE_LIMIT)
        raise self._error("several", name=text, example=place_label(found[0]))

    @staticmethod
    def _stored(geonames_id: int) -> Place | None:
        """The GeoNames city stored as a place (a new partner city), or None if unknown."""
        facts = city_facts(geonames_id)
        if facts is None:
            return None
        return place_get_or_create(geonames_id=geonames_id, facts=facts)

    @staticmethod
    def _unstored_named(text: str) -> list[Place]:
        """GeoNames cities not stored yet whose name is `text` (in the country it names)."""
        name, country = name_and_country(text)
        found = gazetteer.gazetteer_search(
            query=name, limit=10 * (CHOICE_LIMIT + 1), exclude=set(), exact=True
        )
        return [place for place in found if country in (None, place.country.code)][
            : CHOICE_LIMIT + 1
        ]

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        before = self.prepare_value(initial)
        try:
            after = self.to_python(data)
        except ValidationError:
            return True
        return getattr(before, "pk", None) != getattr(after, "pk", None)
