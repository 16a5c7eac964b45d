"""Public iCalendar feeds: every public activity, or those of one public partnership."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from partnerwerk.exchange.ical import feed_language, public_feed
from partnerwerk.exchange.selectors import public_partnership


def _ics(request, data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any calendar may read it
    return response


@require_GET
def activities_feed(request):
    """/calendar/activities.ics (?lang=en for English titles)."""
    data = public_feed(
        base_url=request.build_absolute_uri("/"), language=feed_language(request.GET.get("lang"))
    )
    return _ics(request, data, "activities.ics")


@require_GET
def partnership_feed(request, key: str):
    """/calendar/partnerships/<key>.ics"""
    partnership = public_partnership(key=key)
    if partnership is None:
        raise Http404
    data = public_feed(
        base_url=request.build_absolute_uri("/"),
        language=feed_language(request.GET.get("lang")),
        partnership=partnership,
    )
    return _ics(request, data, f"{key}.ics")
