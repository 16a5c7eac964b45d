"""The names people read for the places of the city's partnerships: GeoNames' main name is
sometimes English (Munich, Kyiv), and GeoNames' alternate names carry no language in the data
Partnerwerk ships, so the office gives the German and English names itself (decision 0026)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerwerk.office.access import office_view, require_perm
from partnerwerk.partnerships.selectors import places_of_own_partnerships
from partnerwerk.places.models import Place
from partnerwerk.places.services import place_rename


class PlaceNamesForm(forms.ModelForm):
    class Meta:
        model = Place
        fields = ["name_de", "name_en", "name_native"]
        help_texts = {
            "name_de": gettext_lazy("As German readers know it, e.g. München, Kyjiw."),
            "name_en": gettext_lazy("As English readers know it, e.g. Munich, Kyiv."),
            "name_native": gettext_lazy("In the local language and script."),
        }


@office_view
def place_names(request):
    require_perm(request, "places.change_place")
    return render(request, "office/place_names.html", {"places": places_of_own_partnerships()})


@office_view
def place_names_edit(request, pk: int):
    place = get_object_or_404(Place, pk=pk)
    require_perm(request, "places.change_place", place)
    form = PlaceNamesForm(request.POST or None, instance=place)
    if request.method == "POST" and form.is_valid():
        try:
            place_rename(actor=request.user, place=place, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The names of %(place)s are saved.") % {"place": place})
            return redirect("office:place-names")
    return render(request, "office/place_names_form.html", {"place": place, "form": form})
