"""The registry's public pages: a city's known partners, the most connected cities, a country
pair, common partners of two cities and the network two steps out. Whole pages are cached per
language until the data changes (portal.caching)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_countries import countries

from partnerwerk.core.params import MAX_ID, MAX_PAGE, bounded_int
from partnerwerk.partnerships.models import PartnershipKind, PartnershipStatus
from partnerwerk.places import selectors as place_selectors
from partnerwerk.places.models import Place
from partnerwerk.places.presentation import place_population
from partnerwerk.portal.caching import cached_page
from partnerwerk.portal.mapdata import main_partnership, map_frame
from partnerwerk.portal.registry_forms import CompareForm
from partnerwerk.registry import selectors
from partnerwerk.registry.conf import registry_mode
from partnerwerk.registry.places import city_url, place_from_ref, place_or_404, place_ref

SEARCH_LIMIT = 50
PAGE_SIZE = 50


def _country_or_404(code: str) -> str:
    code = code.upper()
    if code not in countries:
        raise Http404
    return code


def _map(place: Place, partners) -> dict:
    cities = []
    for partner in partners:
        if partner.place.latitude is None:
            continue
        main = main_partnership(partner.relations)
        cities.append(
            {
                "name": partner.place.display_name,
                "lat": partner.place.latitude,
                "lon": partner.place.longitude,
                "kind": main.kind,
                "status": main.status,
                "label": ", ".join(str(label) for label in partner.kind_labels),
                "url": city_url(partner.place),
            }
        )
    return map_frame(home=place, cities=cities)


@require_GET
@cached_page
def index(request):
    query = request.GET.get("q", "").strip()
    chosen = place_from_ref(query) if query else None
    if chosen is not None:
        # The place picker sends the chosen city's ref: its page is the answer.
        return redirect(city_url(chosen))
    found = place_selectors.place_search(query=query, limit=SEARCH_LIMIT) if query else []
    context = {
        "query": query,
        "found": [{"place": place, "population": place_population(place)} for place in found],
        "most_connected": selectors.most_connected(limit=25),
        "countries": list(countries),
    }
    return render(request, "registry/index.html", context)


@require_GET
@cached_page
def city(request, ref: str):
    place = place_or_404(ref)
    after = request.GET.get("after", "")
    cursor = bounded_int(after, default=None, minimum=0, maximum=MAX_ID)
    if after and cursor is None:
        raise Http404
    found = selectors.city_partner_page(place=place, after=cursor)
    context = {
        **found,
        "paged": bool(after) or found["next_after"] is not None,
        "place": place,
        "ref": place_ref(place),
        "map": _map(place, found["partners"]),
        "compare_form": CompareForm(initial={"first": place}),
        "is_home": place.geonames_id == settings.PARTNERWERK_HOME_GEONAMES_ID,
        "registry_mode": registry_mode(),
    }
    return render(request, "registry/city.html", context)


@require_GET
@cached_page
def network(request, ref: str):
    place = place_or_404(ref)
    context = {"place": place, "ref": place_ref(place), **selectors.network(place=place)}
    return render(request, "registry/network.html", context)


@require_GET
@cached_page
def common(request):
    """Common partners of two cities, each named or chosen with the place picker."""
    asked = "first" in request.GET or "second" in request.GET
    form = CompareForm(request.GET if asked else None)
    context = {"form": form, "asked": asked}
    if asked and form.is_valid():
        first, second = form.cleaned_data["first"], form.cleaned_data["second"]
        context |= {
            "first": first,
            "second": second,
            "common": selectors.common_partners(first=first, second=second),
        }
    return render(request, "registry/common.html", context)


@require_GET
@cached_page
def relation_index(request):
    """Registry relations with one of the two places in a country, by kind and status."""
    params = {
        name: request.GET.get(name, "").strip() or None for name in ("country", "kind", "status")
    }
    found = selectors.relation_search(**params)
    # The page's rows as plain values, no model instances (decision 0036).
    paginator = Paginator(found["relations"].as_values(), PAGE_SIZE)
    if found["count"] is not None:
        paginator.count = found["count"]  # known from the summary: no counting query
    page = paginator.get_page(
        bounded_int(request.GET.get("page"), default=1, minimum=1, maximum=MAX_PAGE)
    )
    for name, values in found["facets"].items():
        for item in values:
            query = request.GET.copy()
            query.pop("page", None)
            if item["selected"]:
                query.pop(name, None)
            else:
                query[name] = item["value"]
            item["url"] = f"{request.path}?{query.urlencode()}"
    # Each row's kind and status by name, translated once per page (not per row).
    kinds = {value: str(label) for value, label in PartnershipKind.choices}
    statuses = {value: str(label) for value, label in PartnershipStatus.choices}
    for relation, _home, _partner in page.object_list:
        relation["kind_label"] = kinds.get(relation["kind"], relation["kind"])
        relation["status_label"] = statuses.get(relation["status"], relation["status"])
    labels = {"kind": _("Kind"), "status": _("Status")}
    context = {
        "page": page,
        "params": params,
        "facets": [(labels[name], values) for name, values in found["facets"].items()],
    }
    return render(request, "registry/relation_index.html", context)


@require_GET
def country_choice(request):
    """The country-pair form sends two codes; the answer has an address of its own."""
    first, second = request.GET.get("first", ""), request.GET.get("second", "")
    return redirect(
        "registry:country-pair", first=_country_or_404(first), second=_country_or_404(second)
    )


@require_GET
@cached_page
def country_pair(request, first: str, second: str):
    first, second = _country_or_404(first), _country_or_404(second)
    context = {
        "first": countries.name(first),
        "second": countries.name(second),
        "first_code": first,
        "second_code": second,
        "cities": selectors.country_pair(first=first, second=second),
        "countries": list(countries),
    }
    return render(request, "registry/country_pair.html", context)
