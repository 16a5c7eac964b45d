"""Open data downloads: the exporters' datasets as CSV or JSON, the partner cities as GeoJSON,
streamed (the registry's relations are 25,000 rows)."""

from django.http import Http404
from django.views.decorators.http import require_GET

from partnerwerk.exchange.exporters import DATASETS, FORMATS
from partnerwerk.exchange.responses import partner_cities_response, public_dataset_response

GEOJSON_DATASET = "partner-cities"


@require_GET
def download(request, dataset: str, format: str):
    """/data/partnerships.csv (?dialect=excel), /data/projects.json,
    /data/partner-cities.geojson."""
    if dataset == GEOJSON_DATASET and format == "geojson":
        response = partner_cities_response()
    elif dataset in DATASETS and format in FORMATS:
        # Open data is RFC 4180 for programs; ?dialect=excel is the same list for a German
        # Excel, downloaded as a file to open (decision 0024).
        excel = format == "csv" and request.GET.get("dialect") == "excel"
        response = public_dataset_response(
            dataset, format, dialect="excel" if excel else "rfc4180", attachment=excel
        )
    else:
        raise Http404
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response
