"""The office's place search: the place picker of every office form asks it (decision 0026)."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from partnerwerk.office.access import office_view
from partnerwerk.places.presentation import place_option
from partnerwerk.places.selectors import place_search as find_places

QUERY_LIMIT = 100


@require_GET
@office_view
def place_search(request):
    """`{"results": [...]}`, each a place with its ref, name, country and population."""
    query = request.GET.get("q", "")[:QUERY_LIMIT]
    results = [place_option(place) for place in find_places(query=query)]
    return JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})
