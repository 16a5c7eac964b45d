"""GET /api/v1/places/search: the place picker of the portal's registry forms asks it."""

import pytest
from django.core.cache import cache

from partnerwerk.api import routes
from partnerwerk.places.geonames import city_facts
from partnerwerk.places.services import place_get_or_create

pytestmark = pytest.mark.django_db

URL = "/api/v1/places/search"
KRAKOW, WARSAW = 3094802, 756135


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def poland(db):
    return [
        place_get_or_create(geonames_id=geonames_id, facts=city_facts(geonames_id))
        for geonames_id in (KRAKOW, WARSAW)
    ]


def test_a_german_name_finds_the_city_with_its_country_and_population(client, poland):
    answer = client.get(URL, {"q": "Krakau", "lang": "de"})
    assert answer.status_code == 200
    [krakow] = answer.json()
    assert krakow["ref"] == str(KRAKOW)
    assert krakow["label"] == "Kraków, Polen"
    assert krakow["country"] == "PL"
    assert krakow["population"] == 816_614
    assert krakow["population_text"] == "816.614 Einwohner"


def test_the_answer_is_in_the_asked_language(client, poland):
    [warsaw] = client.get(URL, {"q": "Warschau", "lang": "en"}).json()
    assert warsaw["label"] == "Warsaw, Poland"
    assert warsaw["population_text"] == "1,702,139 inhabitants"


def test_a_missing_or_overlong_query_is_refused_in_the_apis_error_shape(client):
    for params in ({}, {"q": ""}, {"q": "x" * 101}, {"q": "Wien", "lang": "fr"}):
        answer = client.get(URL, params)
        assert answer.status_code == 422, params
        assert answer.json()["detail"] and answer.json()["errors"], params


def test_a_client_asking_too_often_is_told_to_wait(client, poland, monkeypatch):
    monkeypatch.setattr(routes, "PLACE_SEARCHES_PER_MINUTE", 2)
    assert client.get(URL, {"q": "Kra"}).status_code == 200
    assert client.get(URL, {"q": "Krak"}).status_code == 200
    refused = client.get(URL, {"q": "Kraka"})
    assert refused.status_code == 429
    assert "warten Sie eine Minute" in refused.json()["detail"]  # the API's default language


def test_the_search_is_in_the_openapi_document_with_its_errors(client):
    operation = client.get("/api/v1/openapi.json").json()["paths"][URL]["get"]
    assert {"200", "422", "429"} <= set(operation["responses"])
    assert {parameter["name"] for parameter in operation["parameters"]} == {"q", "lang"}
