"""Open data downloads: the exporters' datasets as CSV or JSON, the partner cities as GeoJSON."""

import io

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from partnerwerk.exchange.exporters import DATASETS, FORMATS, export_dataset
from partnerwerk.exchange.geojson import export_partner_cities

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "geojson": "application/geo+json",
}
GEOJSON_DATASET = "partner-cities"


def _download(text: str, filename: str, format: str) -> HttpResponse:
    response = HttpResponse(text, content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


@require_GET
def download(request, dataset: str, format: str):
    """/data/partnerships.csv, /data/projects.json, /data/partner-cities.geojson."""
    buffer = io.StringIO()
    if dataset == GEOJSON_DATASET and format == "geojson":
        export_partner_cities(buffer)
    elif dataset in DATASETS and format in FORMATS:
        export_dataset(dataset, format, buffer)
    else:
        raise Http404
    return _download(buffer.getvalue(), f"{dataset}.{format}", format)
