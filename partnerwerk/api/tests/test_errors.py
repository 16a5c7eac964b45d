"""Errors of the API: always JSON in the one shape of `ErrorOut`, never a server error."""

import pytest
from django.test import Client

from partnerwerk.testing import make_partnership

pytestmark = pytest.mark.django_db

TOO_LARGE = "9223372036854775808"  # 2**63: one past the largest 64-bit integer
LISTS = [
    "/api/v1/partnerships",
    "/api/v1/places",
    "/api/v1/projects",
    "/api/v1/activities",
    "/api/v1/organisations",
    "/api/v1/registry/relations",
]


def _is_json_error(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert isinstance(body["detail"], str) and body["detail"]
    return body


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("page", [TOO_LARGE, "1000001"])
def test_a_list_refuses_a_page_past_the_last_possible_one(client, url, page):
    make_partnership()

    body = _is_json_error(client.get(url, {"page": page}), 422)

    assert [error["loc"] for error in body["errors"]] == [["query", "page"]]


@pytest.mark.parametrize("url", LISTS)
def test_a_list_answers_an_empty_page_past_its_end(client, url):
    make_partnership()

    response = client.get(url, {"page": 1_000_000})

    assert response.status_code == 200
    assert response.json()["items"] == []


def test_invalid_input_lists_each_refused_parameter_under_one_sentence(client):
    body = _is_json_error(client.get("/api/v1/partnerships?kind=marriage&sdg=18"), 422)

    assert {tuple(error["loc"]) for error in body["errors"]} == {
        ("query", "kind"),
        ("query", "sdg"),
    }
    assert all(error["msg"] and error["type"] for error in body["errors"])


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/nothing-here",
        "/api/v1/places/not-a-number",
        "/api/v1/partnerships/a/b",
        "/api/v2/partnerships",
        "/api/",
    ],
)
def test_an_address_no_operation_answers_is_a_json_404(client, url):
    _is_json_error(client.get(url), 404)
    _is_json_error(client.post(url), 404)


def test_an_unknown_record_is_a_json_404(client):
    _is_json_error(client.get("/api/v1/partnerships/nobody"), 404)


def test_the_suggestions_refuse_a_post_without_the_csrf_token_as_documented(client):
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(
        "/api/v1/sdg/suggest", {"text": "Water"}, content_type="application/json"
    )

    _is_json_error(response, 403)
    documented = client.get("/api/v1/openapi.json").json()
    responses = documented["paths"]["/api/v1/sdg/suggest"]["post"]["responses"]
    assert {"200", "401", "403", "422"} <= set(responses)


def test_the_suggestions_refuse_a_visitor_without_an_office_session(client):
    response = client.post(
        "/api/v1/sdg/suggest", {"text": "Water"}, content_type="application/json"
    )

    _is_json_error(response, 401)


def test_every_error_the_document_declares_has_the_one_error_schema(client):
    document = client.get("/api/v1/openapi.json").json()

    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ErrorOut"}, (
                        method,
                        path,
                        status,
                    )


def test_a_method_no_operation_accepts_is_a_json_405_naming_the_allowed_ones(client):
    response = client.delete("/api/v1/partnerships")
    body = _is_json_error(response, 405)
    assert "GET" in response["Allow"]
    assert "DELETE" in body["detail"]


def test_an_unexpected_failure_is_a_json_500_and_is_logged(client, monkeypatch, caplog):
    def fail(**_filters):
        raise RuntimeError("database gone")

    monkeypatch.setattr("partnerwerk.api.routes.selectors.public_partnership_list", fail)
    client.raise_request_exception = False
    with caplog.at_level("ERROR", logger="partnerwerk.api"):
        response = client.get("/api/v1/partnerships")
    body = _is_json_error(response, 500)
    assert "database gone" not in body["detail"]
    assert any("database gone" in str(record.exc_info) for record in caplog.records)
