"""Large open-data files are streamed, hold the same content as a file built at once, read
their rows in a fixed number of queries, and keep the city's partnerships apart from the
registry's relations."""

import csv
import io
import json

import pytest
from django.conf import settings
from django.db import connection
from django.http import FileResponse, StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape

from partnerwerk.core.dates import format_partial_date
from partnerwerk.core.models import Source
from partnerwerk.exchange import selectors, serializers
from partnerwerk.exchange.bulk_rows import place_rows
from partnerwerk.exchange.exporters import DATASETS, dataset_rows, flatten
from partnerwerk.exchange.geojson import partner_places, place_feature
from partnerwerk.exchange.reference.loader import load_reference
from partnerwerk.exchange.registry_exporters import relation_list
from partnerwerk.partnerships.models import Partnership, PartnershipOrigin
from partnerwerk.places.models import Place
from partnerwerk.testing import (
    make_active_partnership,
    make_partnership,
    make_place,
    make_source,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db

FORMULA = ("=", "+", "-", "@", "\t", "\r")


def registry_relations(count: int, *, source: Source | None = None) -> list[Partnership]:
    """`count` public registry relations between distinct places, written in bulk."""
    start = Place.objects.count()
    places = Place.objects.bulk_create(
        Place(
            geonames_id=8_000_000 + start + number,
            name=f"Registry place {start + number}",
            country="FR",
            continent="EU",
            latitude=45.0,
            longitude=-1.5,
        )
        for number in range(count + 1)
    )
    relations = Partnership.objects.bulk_create(
        Partnership(
            key=f"registry-{start + number}",
            kind="twinning",
            origin=PartnershipOrigin.REGISTRY,
            home=places[number],
            partner=places[number + 1],
        )
        for number in range(count)
    )
    if source is not None:
        Partnership.sources.through.objects.bulk_create(
            Partnership.sources.through(partnership=relation, source=source)
            for relation in relations
        )
    return relations


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    "path",
    [
        "/data/relations.csv",
        "/data/places.json",
        "/data/partnerships.csv",
        "/data/partner-cities.geojson",
        "/api/v1/open-data/relations.json",
        "/api/v1/open-data/partner-cities.geojson",
    ],
)
def test_the_public_files_are_streamed(client, path):
    make_active_partnership(home=make_place(geonames_id=2935517), key="dortmund-kumasi")
    registry_relations(3)

    response = client.get(path)

    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert body(response)


def test_the_office_xlsx_export_is_a_file_response(client):
    make_active_partnership(key="dortmund-kumasi")
    sign_in_with_two_factors(client, make_user(role="office"))

    response = client.get("/office/open-data/partnerships.xlsx")

    assert isinstance(response, FileResponse)
    # The German office (the default language) names the file in German.
    assert response["Content-Disposition"] == 'attachment; filename="partnerschaften.xlsx"'
    assert body(response).startswith(b"PK")


def test_a_large_file_comes_in_several_chunks():
    from partnerwerk.exchange.responses import dataset_response

    registry_relations(1200)

    chunks = list(dataset_response("relations", "csv").streaming_content)

    assert len(chunks) > 1
    assert len(b"".join(chunks).decode().splitlines()) == 1201


@pytest.mark.parametrize("dataset", ["relations", "places", "partnerships"])
def test_the_query_count_of_a_csv_export_does_not_grow_with_its_rows(client, dataset):
    source = make_source(key="registry-source")
    registry_relations(10, source=source)
    make_active_partnership(key="own-first", sources=[source], sdgs=[13])
    with CaptureQueriesContext(connection) as few:
        body(client.get(f"/data/{dataset}.csv"))

    registry_relations(990, source=source)
    for number in range(40):
        make_active_partnership(key=f"own-{number}", sources=[source], sdgs=[13])
    with CaptureQueriesContext(connection) as many:
        text = body(client.get(f"/data/{dataset}.csv")).decode()

    assert len(many) == len(few)
    assert len(text.splitlines()) > 40


def test_the_partnerships_file_holds_no_registry_pair(client):
    make_active_partnership(key="dortmund-kumasi")
    registry_relations(5)

    partnerships = json.loads(body(client.get("/data/partnerships.json")))
    relations = json.loads(body(client.get("/data/relations.json")))
    rows = list(csv.DictReader(io.StringIO(body(client.get("/data/partnerships.csv")).decode())))

    assert [row["id"] for row in partnerships] == ["dortmund-kumasi"]
    assert [row["id"] for row in rows] == ["dortmund-kumasi"]
    assert len(relations) == 5
    assert {row["origin"] for row in relations} == {"registry"}


def test_the_office_partnerships_export_holds_no_registry_pair(client):
    make_partnership(key="internal-own", visibility="internal")
    registry_relations(3)
    sign_in_with_two_factors(client, make_user(role="office"))

    rows = csv.DictReader(
        io.StringIO(body(client.get("/office/open-data/partnerships.csv")).decode("utf-8-sig")),
        delimiter=";",
    )

    assert [row["id"] for row in rows] == ["internal-own"]


def old_relation_to_dict(relation) -> dict:
    """The relation rows as the model-instance serializer wrote them before."""
    return {
        "id": relation.key,
        "kind": relation.kind,
        "status": relation.status,
        "since": format_partial_date(relation.since, relation.since_precision),
        "origin": relation.origin,
        "home": serializers.place_reference(relation.home),
        "partner": serializers.place_reference(relation.partner),
        "sources": [serializers.source_to_dict(source) for source in relation.sources.all()],
    }


def test_the_rows_read_as_values_equal_the_serialized_records_of_the_reference_data():
    load_reference(settings.PARTNERWERK_REFERENCE_DIR)
    registry_relations(30, source=make_source(key="twin-cities", url="https://example.org/"))

    places = selectors.place_list()
    relations = relation_list().prefetch_related("sources").select_related("home", "partner")

    assert list(place_rows(places)) == [serializers.place_to_dict(place) for place in places]
    assert list(dataset_rows("relations")) == [old_relation_to_dict(r) for r in relations]


def test_the_streamed_files_equal_the_files_built_at_once_for_the_reference_data(client):
    load_reference(settings.PARTNERWERK_REFERENCE_DIR)
    make_place(name="Ünterwäld", description_de='Zeile eins\n"zwei"')

    for dataset in ("places", "partnerships", "projects", "activities", "organisations"):
        rows = list(dataset_rows(dataset))
        streamed = body(client.get(f"/data/{dataset}.json")).decode()
        assert streamed == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for number, row in enumerate(rows):
            flat = flatten(row)
            if not number:
                writer.writerow(flat)
            writer.writerow(
                "'" + value if isinstance(value, str) and value.startswith(FORMULA) else value
                for value in flat.values()
            )
        assert body(client.get(f"/data/{dataset}.csv")).decode() == buffer.getvalue()

    features = [place_feature(place) for place in partner_places()]
    collection = {"type": "FeatureCollection", "features": features}
    assert features
    assert body(client.get("/data/partner-cities.geojson")).decode() == (
        json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
    )


def test_the_open_data_lists_name_the_city_s_partnerships_and_the_registry_apart(client):
    portal = client.get("/").content.decode()
    sign_in_with_two_factors(client, make_user(role="office"))
    office = client.get("/office/open-data/").content.decode()

    assert 'href="/data/partnerships.csv"' in portal
    assert 'href="/data/relations.csv"' in portal
    with translation.override(client.get("/office/open-data/")["Content-Language"]):
        assert escape(str(DATASETS["partnerships"].title)) in office
        assert escape(str(DATASETS["relations"].title)) in office
