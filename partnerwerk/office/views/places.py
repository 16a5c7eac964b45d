"""The office's place search: the place picker of every office form asks it (decision 0026);
with `?geonames=1` it adds GeoNames cities not stored yet (a new partner city)."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from partnerwerk.office.access import office_view
from partnerwerk.places.gazetteer import gazetteer_search
from partnerwerk.places.models import Place
from partnerwerk.places.presentation import place_option
from partnerwerk.places.selectors import SEARCH_LIMIT
from partnerwerk.places.selectors import place_search as find_places

QUERY_LIMIT = 100


@require_GET
@office_view
def place_search(request):
    """`{"results": [...]}`, each a place with its ref, name, country and population."""
    query = request.GET.get("q", "")[:QUERY_LIMIT]
    places = find_places(query=query)
    if request.GET.get("geonames") and len(places) < SEARCH_LIMIT:
        more = gazetteer_search(
            query=query, limit=SEARCH_LIMIT, exclude={place.geonames_id for place in places}
        )
        stored = set(
            Place.objects.filter(geonames_id__in=[place.geonames_id for place in more]).values_list(
                "geonames_id", flat=True
            )
        )
        places += [place for place in more if place.geonames_id not in stored]
        places = places[:SEARCH_LIMIT]
    results = [place_option(place) for place in places]
    return JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})
