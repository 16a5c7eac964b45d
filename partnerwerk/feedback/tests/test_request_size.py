"""An anonymous sender cannot make the app read a large body through the feedback form."""

import time

import pytest
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, FakePayload, encode_multipart

from partnerwerk.feedback.models import Feedback

pytestmark = pytest.mark.django_db

HUNDRED_MB = 100 * 1024 * 1024


def multipart(size: int) -> bytes:
    return encode_multipart(BOUNDARY, {"message": "x" * size, "page": "/"})


def test_a_post_declaring_100_mb_is_refused_fast_before_its_body_is_read(settings):
    body = multipart(settings.PARTNERWERK_ANON_MAX_BODY + 1024)
    payload = FakePayload(body)
    client = Client(enforce_csrf_checks=True)
    # With its cookie set, CSRF's check would read the body if it came first.
    assert client.get("/en/accessibility/").cookies["csrftoken"]
    started = time.monotonic()
    response = client.generic(
        "POST",
        "/en/accessibility/",
        data=body,
        content_type=MULTIPART_CONTENT,
        CONTENT_LENGTH=str(HUNDRED_MB),
        **{"wsgi.input": payload},
    )
    assert time.monotonic() - started < 1
    assert response.status_code == 413
    assert "Too much data sent" in response.text
    assert not payload.read_started
    assert not Feedback.objects.exists()


def test_a_body_just_over_the_limit_is_refused_in_german_by_default(settings):
    body = multipart(settings.PARTNERWERK_ANON_MAX_BODY)
    response = Client().generic("POST", "/accessibility/", body, MULTIPART_CONTENT)
    assert response.status_code == 413
    assert "64" in response.text and "KB" in response.text
    assert not Feedback.objects.exists()


def test_an_ordinary_message_is_still_accepted():
    response = Client().post("/en/accessibility/", {"message": "The map has no alt text."})
    assert response.status_code == 302
    assert Feedback.objects.count() == 1
