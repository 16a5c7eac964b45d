"""The registry in the back office: matchmaking, and any city's partners and network."""

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from partnerwerk.office.access import office_view
from partnerwerk.office.forms import PlaceField
from partnerwerk.partnerships.models import Theme
from partnerwerk.places.selectors import home_place
from partnerwerk.registry import matchmaking, selectors
from partnerwerk.registry.conf import registry_mode
from partnerwerk.registry.places import place_or_404, place_ref


class PartnerSearchForm(forms.Form):
    """The places of the partner search: the partner city through which to look, and (in
    registry mode) the city to find partners for."""

    via = PlaceField(label=_("Partner city"), required=False)

    def __init__(self, *args, registry: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if registry:
            self.fields["for"] = PlaceField(label=_("For the city"), required=False)
            self.order_fields(["for", "via"])


@office_view
def matchmaking_page(request):
    """Suggestions for a theme, a country or a partner city; in registry mode for any city."""
    theme = Theme.objects.filter(code=request.GET.get("theme", "")).first()
    country = request.GET.get("country", "").upper()
    country = country if country in countries else ""
    place_form = PartnerSearchForm(request.GET or None, registry=registry_mode())
    places = place_form.cleaned_data if place_form.is_valid() else {}
    via = places.get("via")
    for_place = places.get("for") or home_place()
    asked = bool(theme or country or via)
    context = {
        "themes": Theme.objects.order_by("code"),
        "countries": list(countries),
        "theme": theme,
        "country": country,
        "via": via,
        "place_form": place_form,
        "for_place": for_place,
        "registry_mode": registry_mode(),
        "asked": asked,
        "home_geonames_id": settings.PARTNERWERK_HOME_GEONAMES_ID,
    }
    if asked and for_place is not None:
        context["cities"] = matchmaking.suggest_cities(
            for_place=for_place, theme=theme, country=country or None, via=via
        )
    if theme is not None:
        context["people"] = matchmaking.suggest_people(theme=theme, home=for_place)
    return render(request, "registry/office_matchmaking.html", context)


@office_view
def city(request, ref: str):
    place = place_or_404(ref)
    context = {
        "place": place,
        "ref": place_ref(place),
        "network": selectors.network(place=place, limit=100),
    }
    return render(request, "registry/office_city.html", context)
