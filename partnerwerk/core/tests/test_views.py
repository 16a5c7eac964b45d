"""Health and readiness answers for a load balancer."""

import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_readiness_is_ok_with_the_database_and_the_cache(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "ready": True}
    assert "no-cache" in response["Cache-Control"]


def test_readiness_fails_without_the_database(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("partnerwerk.core.views.connection.cursor", unreachable)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_a_cache_that_is_away_leaves_the_server_ready_but_degraded(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "partnerwerk.core.cache.TolerantRedisCache",
            # Nothing listens on port 1: every call fails at once.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "degraded", "ready": True}
    # The portal answers without the cache.
    assert client.get("/").status_code == 200
