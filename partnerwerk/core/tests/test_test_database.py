"""The test database itself: a runaway query must fail the run, not hang it."""

from django.db import connection


def test_a_query_on_postgresql_is_stopped_after_thirty_seconds(db):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "30s"
    else:
        # SQLite runs in-process with no planner statistics to go stale; nothing to bound.
        assert connection.vendor == "sqlite"
