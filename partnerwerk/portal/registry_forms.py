"""The registry's public forms that take a city: the place picker asks the API's place search
(GET /api/v1/places/search), and without JavaScript a typed name is resolved on the server."""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from partnerwerk.places.forms import PlaceField

PLACE_SEARCH = reverse_lazy("api-v1:place_search")


class CompareForm(forms.Form):
    """Two cities whose common partners the reader asks for."""

    first = PlaceField(label=_("First city"), source=PLACE_SEARCH)
    second = PlaceField(label=_("Second city"), source=PLACE_SEARCH)
