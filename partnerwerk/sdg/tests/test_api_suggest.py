import pytest

from partnerwerk.sdg.tests.texts import KUMASI
from partnerwerk.testing import make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_client(client):
    sign_in_with_two_factors(client, make_user(role="office"))
    return client


def test_the_endpoint_returns_the_ranked_suggestions(office_client):
    response = office_client.post(
        "/api/v1/sdg/suggest", {"text": KUMASI}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    suggestions = response.json()
    assert suggestions[0]["goal"] == 13
    assert set(suggestions[0]) == {"goal", "target", "score", "passage"}


def test_the_endpoint_refuses_an_empty_text(office_client):
    response = office_client.post(
        "/api/v1/sdg/suggest", {"text": ""}, content_type="application/json"
    )
    assert response.status_code == 422


def test_the_endpoint_is_closed_to_anonymous_visitors(client):
    response = client.post("/api/v1/sdg/suggest", {"text": KUMASI}, content_type="application/json")
    assert response.status_code in (401, 403)
