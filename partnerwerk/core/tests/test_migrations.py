"""The migrations build the database the models describe: the test database's tables come
from the models (conftest.py), so this test runs every migration on an empty database, as
`make run` and an upgrade do, and compares the two."""

import json
import os
import secrets
import subprocess
import sys
import urllib.parse

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from partnerwerk.core.tests.migration_data import data_steps
from partnerwerk.core.tests.multi_server_db import _maintenance_connection

pytestmark = pytest.mark.django_db

SCHEMA = """
import json, django
django.setup()
from django.core.management import call_command
from django.db import connection
from partnerwerk.core.tests.test_migrations import schema
call_command("migrate", verbosity=0, interactive=False)
print(json.dumps(schema(connection)))
"""


def schema(db) -> dict:
    """Every table's columns (name and whether it may be empty) and its keys and indexes
    (columns, unique, primary, the table a foreign key points to), without their names."""
    with db.cursor() as cursor:
        tables = {}
        for table in db.introspection.table_names(cursor):
            columns = db.introspection.get_table_description(cursor, table)
            constraints = db.introspection.get_constraints(cursor, table).values()
            tables[table] = {
                "columns": sorted([column.name, bool(column.null_ok)] for column in columns),
                "keys": sorted(
                    [
                        sorted(item["columns"] or []),
                        bool(item["unique"]),
                        bool(item["primary_key"]),
                        (item["foreign_key"] or [""])[0],
                    ]
                    for item in constraints
                    if item["columns"]
                ),
            }
        return tables


def migrated_schema(database_url: str, folder) -> dict:
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("PARTNERWERK_") and name != "DATABASE_URL"
    }
    environment |= {
        "DATABASE_URL": database_url,
        "PARTNERWERK_VAR_DIR": str(folder),
        "DJANGO_SETTINGS_MODULE": "partnerwerk.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCHEMA], env=environment, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def empty_database(tmp_path):
    """The address of an empty database of the suite's kind, removed afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
        return
    settings_dict = connection.settings_dict
    name = f"partnerwerk_migrated_{secrets.token_hex(4)}"
    with _maintenance_connection(settings_dict) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    quote = urllib.parse.quote
    user, password = quote(settings_dict["USER"] or ""), quote(settings_dict["PASSWORD"] or "")
    address = f"{settings_dict['HOST']}:{settings_dict['PORT'] or 5432}"
    try:
        yield f"postgres://{user}:{password}@{address}/{name}"
    finally:
        with _maintenance_connection(settings_dict) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_migrations_build_the_tables_the_models_describe(empty_database, tmp_path):
    migrated = migrated_schema(empty_database, tmp_path)
    migrated.pop("django_migrations")  # the migrations' own record
    from_models = schema(connection)

    assert sorted(migrated) == sorted(from_models)
    different = [table for table in from_models if migrated[table] != from_models[table]]
    assert different == [], {table: (migrated[table], from_models[table]) for table in different}


def test_the_test_database_holds_what_the_data_migrations_write():
    from partnerwerk.content.legal import LEGAL_PAGES
    from partnerwerk.content.models import Page
    from partnerwerk.sdg.models import Goal

    steps = [migration for migration, _step in data_steps(MigrationLoader(connection))]

    assert "sdg.0002_load_sdg_texts" in steps and "content.0002_legal_pages" in steps
    assert Goal.objects.count() == 17
    assert set(Page.objects.filter(key__in=LEGAL_PAGES).values_list("key", flat=True)) == set(
        LEGAL_PAGES
    )
