"""The office's place search: the place picker of every office form asks it (decision 0026);
with `?geonames=1` it adds GeoNames cities not stored yet (a new partner city)."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from partnerwerk.office.access import office_view
from partnerwerk.places.gazetteer import place_search_with_geonames
from partnerwerk.places.presentation import place_option
from partnerwerk.places.selectors import place_search as find_places

QUERY_LIMIT = 100


@require_GET
@office_view
def place_search(request):
    """`{"results": [...]}`, each a place with its ref, name, country and population."""
    query = request.GET.get("q", "")[:QUERY_LIMIT]
    search = place_search_with_geonames if request.GET.get("geonames") else find_places
    places = search(query=query)
    results = [place_option(place) for place in places]
    return JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})
