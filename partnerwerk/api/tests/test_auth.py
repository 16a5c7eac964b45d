"""The office endpoint of the API needs an office user signed in with two factors; the public
endpoints stay open."""

import pytest
from django.test import Client

from partnerwerk.testing import make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db

SUGGEST = "/api/v1/sdg/suggest"
TEXT = {"text": "Climate adaptation and flood protection in Kumasi."}


def test_sdg_suggestions_refuse_an_anonymous_caller(client):
    response = client.post(SUGGEST, TEXT, content_type="application/json")
    assert response.status_code == 401


def test_sdg_suggestions_refuse_a_password_only_session(client):
    user = make_user(role="office")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(SUGGEST, TEXT, content_type="application/json")
    assert response.status_code == 401


def test_sdg_suggestions_refuse_a_user_without_an_office_role(client):
    sign_in_with_two_factors(client, make_user())
    response = client.post(SUGGEST, TEXT, content_type="application/json")
    assert response.status_code == 401


def test_sdg_suggestions_refuse_a_session_call_without_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    sign_in_with_two_factors(client, make_user(role="office"))
    response = client.post(SUGGEST, TEXT, content_type="application/json")
    assert response.status_code == 403


def test_sdg_suggestions_answer_an_office_user_signed_in_with_two_factors(client):
    sign_in_with_two_factors(client, make_user(role="viewer"))
    response = client.post(SUGGEST, TEXT, content_type="application/json")
    assert response.status_code == 200
    assert response.json()[0]["goal"] == 13


def test_the_public_endpoints_stay_open(client):
    assert client.get("/api/v1/partnerships").status_code == 200
