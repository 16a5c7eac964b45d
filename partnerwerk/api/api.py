"""API v1. Every answer is JSON; every error has the shape of `schemas.ErrorOut` and is
declared in the OpenAPI document (decision record 0018)."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError

from partnerwerk.api import routes
from partnerwerk.api.exchange_routes import open_data
from partnerwerk.api.sdg_routes import sdg_router

api = NinjaAPI(
    title="Partnerwerk API",
    version="1",
    description="Read-only public data of the city's partnerships.",
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
api.add_router("/partnerships", routes.partnerships)
api.add_router("/places", routes.places)
api.add_router("/projects", routes.projects)
api.add_router("/activities", routes.activities)
api.add_router("/organisations", routes.organisations)
api.add_router("/sdg", sdg_router)
api.add_router("/registry", "partnerwerk.api.registry_routes.router")
api.add_router("/open-data", open_data)


@api.exception_handler(ValidationError)
def invalid_input(request, error: ValidationError):
    """Invalid input as one sentence and the list of refused parameters, in the shape of every
    other error (django-ninja's default puts the list in `detail`)."""
    errors = [
        {"loc": list(item["loc"]), "msg": item["msg"], "type": item["type"]}
        for item in error.errors
    ]
    return api.create_response(
        request,
        {"detail": _("The request is not valid; see “errors”."), "errors": errors},
        status=422,
    )


def not_found(request):
    """Every address under /api/ that no operation answers: a JSON 404, not the site's page."""
    return JsonResponse(
        {"detail": _("There is no API operation at this address.")},
        status=404,
        json_dumps_params={"ensure_ascii": False},
    )
