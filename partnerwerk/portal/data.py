"""Open data downloads: the exporters' datasets as CSV or JSON, the partner cities as GeoJSON."""

import io

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from partnerwerk.exchange.exporters import CONTENT_TYPES, DATASETS, FORMATS, export_bytes
from partnerwerk.exchange.geojson import export_partner_cities

GEOJSON_DATASET = "partner-cities"


def _download(data: bytes, filename: str, format: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


@require_GET
def download(request, dataset: str, format: str):
    """/data/partnerships.csv, /data/projects.json, /data/partner-cities.geojson."""
    if dataset == GEOJSON_DATASET and format == "geojson":
        buffer = io.StringIO()
        export_partner_cities(buffer)
        data = buffer.getvalue().encode()
    elif dataset in DATASETS and format in FORMATS:
        data = export_bytes(dataset, format)
    else:
        raise Http404
    return _download(data, f"{dataset}.{format}", format)
