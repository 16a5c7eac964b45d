import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
def health(request):
    """Liveness: the process answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def _database_ready() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def _cache_ready() -> bool:
    key, value = f"readiness:{secrets.token_hex(8)}", secrets.token_hex(8)
    cache.set(key, value, 10)
    ready = cache.get(key) == value
    cache.delete(key)
    return ready


@never_cache
@require_GET
def ready(request):
    """Readiness for a load balancer: 503 while the database cannot be reached. A cache that
    is away is reported as degraded but keeps the server in service: every server shares the
    one cache, and the app answers without it (core.cache)."""
    database, cache_ok = _database_ready(), _cache_ready()
    body = {
        "database": "ok" if database else "unreachable",
        "cache": "ok" if cache_ok else "degraded",
        "ready": database,
    }
    return JsonResponse(body, status=200 if database else 503)
