import csv
import io
import json


def test_it_serves_the_partnerships_as_csv(client, kumasi):
    response = client.get("/data/partnerships.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    assert len(rows) == 1


def test_it_serves_the_partner_cities_as_geojson(client, kumasi):
    response = client.get("/data/partner-cities.geojson")
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.getvalue())
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [-1.62, 6.69]}
    assert feature["properties"]["name"] == "Kumasi"
    assert feature["properties"]["country"] == "GH"
    assert feature["properties"]["kinds"] == ["climate"]
    assert feature["properties"]["statuses"] == ["active"]
    assert feature["properties"]["url"] == "/cities/2298890/"


def test_it_answers_404_for_an_unknown_dataset_or_format(client, db):
    assert client.get("/data/secrets.csv").status_code == 404
    assert client.get("/data/partnerships.xlsx").status_code == 404
    assert client.get("/data/partnerships.geojson").status_code == 404
