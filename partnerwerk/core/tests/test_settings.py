import json
import os
import subprocess
import sys

GOOD_KEY = "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP"


def load_settings(**env):
    """Import the settings in a fresh interpreter with the given environment."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PARTNERWERK_")}
    clean.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", "import partnerwerk.settings as s; print(s.DEBUG, s.ALLOWED_HOSTS)"],
        env=clean | {"PARTNERWERK_VAR_DIR": "/tmp/partnerwerk-settings-test"} | env,
        capture_output=True,
        text=True,
    )
    return result


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings(PARTNERWERK_ENV="production", PARTNERWERK_ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "PARTNERWERK_SECRET_KEY" in result.stderr


def test_production_refuses_debug():
    result = load_settings(
        PARTNERWERK_ENV="production",
        PARTNERWERK_SECRET_KEY=GOOD_KEY,
        PARTNERWERK_ALLOWED_HOSTS="example.org",
        PARTNERWERK_DEBUG="true",
    )
    assert result.returncode != 0
    assert "PARTNERWERK_DEBUG must be off" in result.stderr


def test_production_refuses_a_wildcard_host():
    result = load_settings(
        PARTNERWERK_ENV="production", PARTNERWERK_SECRET_KEY=GOOD_KEY, PARTNERWERK_ALLOWED_HOSTS="*"
    )
    assert result.returncode != 0
    assert "PARTNERWERK_ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_safe_settings():
    result = load_settings(
        PARTNERWERK_ENV="production",
        PARTNERWERK_SECRET_KEY=GOOD_KEY,
        PARTNERWERK_ALLOWED_HOSTS="partner.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['partner.example.org']"


def test_a_development_machine_needs_no_settings_at_all():
    result = load_settings()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True")


def test_an_unknown_database_url_is_refused_by_name():
    result = load_settings(DATABASE_URL="mysql://localhost/partnerwerk")
    assert result.returncode != 0
    assert "DATABASE_URL must start with sqlite:// or postgres://" in result.stderr


def test_a_malformed_boolean_is_refused_by_name():
    result = load_settings(PARTNERWERK_DEBUG="maybe")
    assert result.returncode != 0
    assert "PARTNERWERK_DEBUG must be one of" in result.stderr


def run_with_django(code: str, tmp_path, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PARTNERWERK_")}
    clean.pop("DATABASE_URL", None)
    setup = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='partnerwerk.settings'; "
    return subprocess.run(
        [sys.executable, "-c", setup + "django.setup(); " + code],
        env=clean | {"PARTNERWERK_VAR_DIR": str(tmp_path)} | env,
        capture_output=True,
        text=True,
    )


def test_the_default_database_is_sqlite_in_wal_mode_with_a_busy_timeout(tmp_path):
    result = run_with_django(
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]); "
        "c.execute('PRAGMA busy_timeout'); print(c.fetchone()[0])",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "20000"]
    assert (tmp_path / "partnerwerk.sqlite3").exists()


def test_a_postgres_url_uses_psycopg_with_a_connection_pool(tmp_path):
    result = run_with_django(
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['NAME'], sorted(d['OPTIONS']['pool']))",
        tmp_path,
        DATABASE_URL="postgres://office@db.internal:5432/partnerwerk",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "django.db.backends.postgresql partnerwerk ['max_size', 'min_size']"
    )


def _run_django(code: str, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PARTNERWERK_")}
    clean.pop("DATABASE_URL", None)
    program = "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'partnerwerk.settings'; "
    program += "django.setup(); " + code
    return subprocess.run(
        [sys.executable, "-c", program],
        env=clean | {"PARTNERWERK_VAR_DIR": "/tmp/partnerwerk-settings-test"} | env,
        capture_output=True,
        text=True,
    )


def test_json_logs_give_one_json_object_per_line():
    result = _run_django(
        "import logging; logging.getLogger('partnerwerk.test').warning('import took %s s', 3)",
        PARTNERWERK_LOG_FORMAT="json",
    )
    record = json.loads(result.stderr.strip().splitlines()[-1])
    assert record["message"] == "import took 3 s"
    assert (record["level"], record["logger"]) == ("WARNING", "partnerwerk.test")
    assert "time" in record


def test_the_redis_cache_and_cached_sessions_are_chosen_by_the_environment():
    result = _run_django(
        "from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'], s.SESSION_ENGINE)",
        PARTNERWERK_CACHE="redis",
        PARTNERWERK_REDIS_URL="redis://10.0.0.5:6379/2",
        PARTNERWERK_SESSIONS="cached_db",
    )
    assert result.stdout.split() == [
        "partnerwerk.core.cache.TolerantRedisCache",
        "redis://10.0.0.5:6379/2",
        "django.contrib.sessions.backends.cached_db",
    ]


def test_an_unknown_cache_is_refused_by_name():
    result = load_settings(PARTNERWERK_CACHE="memcached")
    assert result.returncode != 0
    assert "PARTNERWERK_CACHE must be one of file, redis" in result.stderr
