"""Errors that arise outside the API's operations answer in the API's JSON shape too: a
method no operation accepts (405) and an unexpected failure (500). Everything else under
/api/ is answered by django-ninja (decision record 0018)."""

import logging

from django.http import JsonResponse
from django.utils.translation import gettext as _

logger = logging.getLogger("partnerwerk.api")
API_PREFIX = "/api/"


def _error(detail: str, status: int) -> JsonResponse:
    return JsonResponse(
        {"detail": detail}, status=status, json_dumps_params={"ensure_ascii": False}
    )


class ApiErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        is_api = request.path.startswith(API_PREFIX)
        if is_api and response.status_code == 405 and not _is_json(response):
            allowed = response.get("Allow", "")
            response = _error(
                _("This address does not accept the method %(method)s; it accepts %(allowed)s.")
                % {"method": request.method, "allowed": allowed},
                405,
            )
            response["Allow"] = allowed
        return response

    def process_exception(self, request, exception):
        if not request.path.startswith(API_PREFIX):
            return None
        logger.exception("Unexpected error in %s %s", request.method, request.path)
        return _error(_("The server failed to answer; the error has been logged."), 500)


def _is_json(response) -> bool:
    return response.get("Content-Type", "").startswith("application/json")
