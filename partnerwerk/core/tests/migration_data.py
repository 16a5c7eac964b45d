"""The rows the data migrations write, for a test database whose tables come from the models
(conftest.py: the test database is not migrated).

Every `RunPython` step of the project's migrations runs once, in the migrations' order, with
the models as the last migration leaves them (historical models: no signals, no custom
managers, like a migration's own). On an empty database the steps that fill existing rows
find none; those that load reference data (the SDG goals, targets and indicators, the legal
pages) write it.
"""

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations.special import RunPython


def data_steps(loader: MigrationLoader) -> list[tuple[str, RunPython]]:
    """(migration, step) of every RunPython step of the project's own apps, in order."""
    plan: list[tuple[str, str]] = []
    for leaf in loader.graph.leaf_nodes():
        plan += [node for node in loader.graph.forwards_plan(leaf) if node not in plan]
    own = [
        (node, loader.disk_migrations[node])
        for node in plan
        if node in loader.disk_migrations
        and type(loader.disk_migrations[node]).__module__.startswith("partnerwerk.")
    ]
    return [
        (f"{app}.{name}", operation)
        for (app, name), migration in own
        for operation in migration.operations
        if isinstance(operation, RunPython)
    ]


def write_migration_data() -> None:
    loader = MigrationLoader(connection, ignore_no_migrations=True, load=True)
    apps = loader.project_state().apps
    with connection.schema_editor() as schema_editor:
        for _migration, step in data_steps(loader):
            step.code(apps, schema_editor)
