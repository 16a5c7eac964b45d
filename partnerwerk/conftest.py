import pytest

# A query whose plan went wrong fails the test after this long instead of hanging the run.
TEST_STATEMENT_TIMEOUT_MS = 30_000


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    from django.conf import settings

    for database in settings.DATABASES.values():
        if database["ENGINE"] == "django.db.backends.postgresql":
            options = database.setdefault("OPTIONS", {})
            options["options"] = f"-c statement_timeout={TEST_STATEMENT_TIMEOUT_MS}"
        # The test database's tables come from the models, not from running the migrations
        # (about a minute of each test process's start); core/tests/test_migrations.py runs
        # them on an empty database and checks they build the same tables.
        database.setdefault("TEST", {})["MIGRATE"] = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with the rows the data migrations write (the SDG goals, the
    legal pages) as the migrations would have left them."""
    from partnerwerk.core.tests.migration_data import write_migration_data

    with django_db_blocker.unblock():
        write_migration_data()
    yield
    # psycopg's pool (PostgreSQL) keeps its connections to the test database open, and a
    # database with sessions cannot be dropped: the pool closes before the database goes.
    from django.db import connections

    connections.close_all()  # this thread's connection goes back to the pool first
    for connection in connections.all(initialized_only=True):
        if hasattr(connection, "close_pool"):
            connection.close_pool()


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # The manifest storage needs `collectstatic`; tests render pages without running it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _private_empty_cache(settings):
    # The file cache of settings is shared by processes; each test gets its own empty one.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _immediate_tasks(settings, tmp_path):
    # Tasks run at once in tests (decision 0031); `database_tasks` queues them for a worker.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }
    settings.PARTNERWERK_EXPORTS_DIR = tmp_path / "exports"
    settings.PARTNERWERK_IMPORTS_DIR = tmp_path / "imports"
    settings.PARTNERWERK_OPEN_DATA_DIR = tmp_path / "open-data"


@pytest.fixture
def database_tasks(settings, monkeypatch):
    """Tasks queued in the database as in production, run by `call_command("db_worker", ...)`.

    The worker closes "old" connections between tasks; inside a test's transaction that would
    close the test's own connection, so here it keeps it (the worker is otherwise unchanged).
    """
    from django_tasks_db.management.commands import db_worker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
