"""The feedback form's limit: five messages per sender and hour, the sender being the address
the app can trust (the direct peer, or what a trusted proxy saw)."""

import time

import pytest
from django.test import Client

from partnerwerk.feedback.models import Feedback

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture
def production_cache(settings, tmp_path):
    # The file cache of settings.py, the one production runs on (not the tests' LocMemCache).
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }


@pytest.fixture
def clock(monkeypatch):
    """time.time() that a test moves forward by hand (caches expire by it)."""

    class Clock:
        now = time.time()

        def advance(self, seconds):
            self.now += seconds

    fake = Clock()
    monkeypatch.setattr(time, "time", lambda: fake.now)
    return fake


def send(client, number, **headers):
    return client.post("/en/accessibility/", {"message": f"Barrier number {number}"}, **headers)


def test_the_sixth_message_within_the_hour_is_refused_and_still_after_six_minutes(
    production_cache, clock
):
    client = Client(REMOTE_ADDR="203.0.113.5")
    for number in range(5):
        assert send(client, number).status_code == 302
    assert send(client, 6).status_code == 429
    clock.advance(6 * 60)
    assert send(client, 7).status_code == 429
    clock.advance(50 * 60)
    assert send(client, 8).status_code == 429
    assert Feedback.objects.count() == 5


def test_a_message_is_accepted_again_once_the_hour_has_passed(production_cache, clock):
    client = Client(REMOTE_ADDR="203.0.113.5")
    for number in range(5):
        assert send(client, number).status_code == 302
    clock.advance(3600 + 1)
    assert send(client, 6).status_code == 302


def test_a_direct_client_cannot_reset_its_count_by_rotating_x_forwarded_for(
    production_cache, settings
):
    settings.PRODUCTION = True  # the old code trusted the header in production
    client = Client(REMOTE_ADDR="203.0.113.5")
    for number in range(5):
        assert send(client, number, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}").status_code == 302
    for number in range(5, 8):
        response = send(client, number, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
        assert response.status_code == 429
    assert Feedback.objects.count() == 5


def test_behind_a_trusted_proxy_the_forwarded_client_is_counted(production_cache, settings):
    settings.PARTNERWERK_TRUSTED_PROXIES = [PROXY]
    client = Client(REMOTE_ADDR=PROXY)
    # The client made up the first entry; the proxy appended the address it saw.
    for number in range(5):
        forwarded = f"192.0.2.{number}, 203.0.113.5"
        assert send(client, number, HTTP_X_FORWARDED_FOR=forwarded).status_code == 302
    assert send(client, 5, HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.5").status_code == 429
    # Another client behind the same proxy is not affected.
    assert send(client, 6, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 302
    assert Feedback.objects.count() == 6
