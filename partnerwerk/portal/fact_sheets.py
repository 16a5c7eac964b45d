"""The public fact sheet of a partner city as a PDF (issue 18): public facts only, built from
the same records as the city's page, cached like the portal's pages."""

from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from partnerwerk.partnerships.selectors import home_public_partnerships
from partnerwerk.places.models import Place
from partnerwerk.portal.caching import cached_page
from partnerwerk.reports.rendering import public_fact_sheet_pdf


@require_GET
@cached_page
def city_fact_sheet(request, geonames_id: int):
    place = (
        Place.objects.filter(
            geonames_id=geonames_id, partner_partnerships__in=home_public_partnerships()
        )
        .distinct()
        .first()
    )
    if place is None:
        raise Http404
    language = "en" if (get_language() or "de").startswith("en") else "de"
    response = HttpResponse(
        public_fact_sheet_pdf(place=place, language=language), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="fact-sheet-{geonames_id}-{language}.pdf"'
    return response
