"""The multi-server test's database: a copy of the migrated test database (SQLite's backup
API into a file in WAL mode, or a PostgreSQL database with the test database as its template),
which spares the migrations, and the few records the test needs (multi_server.py)."""

import secrets
import sqlite3
import urllib.parse
from pathlib import Path


def _maintenance_connection(settings_dict):
    import psycopg

    return psycopg.connect(
        host=settings_dict["HOST"] or None,
        port=settings_dict["PORT"] or None,
        user=settings_dict["USER"] or None,
        password=settings_dict["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def copy_test_database(folder: Path) -> tuple[str, str | None]:
    """A copy of the migrated test database for the app servers: its DATABASE_URL and, on
    PostgreSQL, the name of the database to drop afterwards."""
    from django.db import connection

    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = folder / "partnerwerk.sqlite3"
        copy = sqlite3.connect(target)
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=WAL")
        copy.close()
        return f"sqlite:///{target}", None
    settings_dict = connection.settings_dict
    template, name = settings_dict["NAME"], f"partnerwerk_multi_{secrets.token_hex(4)}"
    connection.close()
    connection.close_pool()  # a template must have no other sessions
    with _maintenance_connection(settings_dict) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    quote = urllib.parse.quote
    user, password = quote(settings_dict["USER"] or ""), quote(settings_dict["PASSWORD"] or "")
    address = f"{settings_dict['HOST']}:{settings_dict['PORT'] or 5432}"
    return f"postgres://{user}:{password}@{address}/{name}", name


def drop_database(name: str) -> None:
    from django.db import connection

    with _maintenance_connection(connection.settings_dict) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def seed() -> dict:
    """Run inside the harness (python -c) on its database: an office user with a password and
    an authenticator app, and a public project of a partnership."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from partnerwerk.testing import make_partnership, make_place, make_project, make_user

    password = secrets.token_urlsafe(18)
    user = make_user(role="office", password=password, username="office-multi-server")
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    project = make_project(
        key="multi-server-wells",
        title_de="Brunnen für Kumasi",
        title_en="Wells for Kumasi",
        partnerships=[
            make_partnership(
                key="multi-server-partnership",
                home=make_place(geonames_id=8_999_001, name="Dortmund (Test)"),
                partner=make_place(geonames_id=8_999_002, name="Kumasi (Test)"),
            )
        ],
    )
    return {
        "username": user.username,
        "password": password,
        "totp_key": device.key,
        "project": {"pk": project.pk, "key": project.key, "title": project.title_de},
    }


def collect_static_files() -> None:
    """`collectstatic` with Django's manifest storage: the same hashed names and manifest the
    app's storage (whitenoise's) reads, without the gzip and brotli copies, which take most of
    the time (48 s on a busy machine against a few); nginx then sends files uncompressed."""
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import override_settings

    storage = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    with override_settings(STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": storage}}):
        call_command("collectstatic", interactive=False, verbosity=0)


SEED = (
    "import json, django; django.setup(); "
    "from partnerwerk.core.tests.multi_server_db import collect_static_files, seed; "
    "collect_static_files(); print(json.dumps(seed()))"
)
