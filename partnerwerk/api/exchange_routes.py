"""Open data files through the API: every list as CSV, JSON or XLSX, the partner cities as
GeoJSON, the IATI 2.03 activity and organisation files and the iCalendar feeds."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError

from partnerwerk.api.schemas import ErrorOut
from partnerwerk.exchange.exporters import ALL_FORMATS, CONTENT_TYPES, DATASETS
from partnerwerk.exchange.iati.writer import export_activities, export_organisation
from partnerwerk.exchange.ical import feed_language, public_feed
from partnerwerk.exchange.responses import partner_cities_response, public_dataset_response
from partnerwerk.exchange.selectors import public_partnership

open_data = Router(tags=["open data"])


def _content(*types: str) -> dict:
    """The document's note of the file types a 200 answers with (files, not JSON)."""
    return {"responses": {200: {"content": {type.split(";")[0]: {} for type in types}}}}


def _open(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _file(data, filename: str, format: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return _open(response)


@open_data.get("/partner-cities.geojson", summary="Partner cities as GeoJSON")
def partner_cities(request):
    return _open(partner_cities_response())


@open_data.get("/iati-activities.xml", summary="Public projects as an IATI 2.03 activity file")
def iati_activities(request):
    return _file(export_activities().to_bytes(), "iati-activities.xml", "xml")


@open_data.get("/iati-organisation.xml", summary="The city as an IATI 2.03 organisation file")
def iati_organisation(request):
    return _file(export_organisation().to_bytes(), "iati-organisation.xml", "xml")


@open_data.get("/calendar/activities.ics", summary="Public activities as iCalendar")
def calendar_activities(request, lang: str = "de"):
    data = public_feed(base_url=request.build_absolute_uri("/"), language=feed_language(lang))
    return _file(data, "activities.ics", "ics")


@open_data.get(
    "/calendar/partnerships/{key}.ics",
    response={200: None, 404: ErrorOut},
    openapi_extra=_content("text/calendar"),
    summary="Public activities of one partnership as iCalendar",
)
def calendar_partnership(request, key: str, lang: str = "de"):
    partnership = public_partnership(key=key)
    if partnership is None:
        raise HttpError(
            404, _("There is no public partnership with the key “%(key)s”.") % {"key": key}
        )
    data = public_feed(
        base_url=request.build_absolute_uri("/"),
        language=feed_language(lang),
        partnership=partnership,
    )
    return _file(data, f"{key}.ics", "ics")


@open_data.get(
    "/{dataset}.{format}",
    response={200: None, 404: ErrorOut},
    openapi_extra=_content(*(CONTENT_TYPES[format] for format in ALL_FORMATS)),
    summary="A public list as CSV, JSON or XLSX",
)
def dataset_file(request, dataset: str, format: str):
    """`dataset` is one of the export's lists (partnerships, places, projects, activities,
    organisations, transactions, ...); `format` is csv, json or xlsx (same columns as csv)."""
    if dataset not in DATASETS or format not in ALL_FORMATS:
        raise HttpError(
            404,
            _("There is no file “%(name)s”; lists: %(names)s; formats: %(formats)s.")
            % {
                "name": f"{dataset}.{format}",
                "names": ", ".join(DATASETS),
                "formats": ", ".join(ALL_FORMATS),
            },
        )
    # Stored per content generation and streamed, as on the portal (decision 0038).
    return _open(public_dataset_response(dataset, format, attachment=format == "xlsx"))
