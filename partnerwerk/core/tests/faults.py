"""Helpers of the fault tests (issue 15, item 5) on top of the multi-server harness
(multi_server.py): catch a process inside its write transaction and kill it there, look at
the database afterwards, and a PostgreSQL cluster of the test's own that may be restarted.

"Inside its write transaction" is read from the database, never guessed from time: on
SQLite the write lock is held (a probe cannot begin an immediate transaction) and the
write-ahead log ends in frames no commit frame closes yet (rows of the open transaction are
on disk); on PostgreSQL the process's server session has a transaction id (it has written).
The process is then frozen (SIGSTOP), found still inside the transaction, and killed with
SIGKILL, as a crash would.
"""

import contextlib
import glob
import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from partnerwerk.core.tests.multi_server import PROXY, Process, free_port


def _sqlite_path(database_url: str) -> str:
    return database_url[len("sqlite:///") :]


def _sqlite_write_locked(path: str) -> bool:
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:  # "database is locked": a writer holds the lock
        return True
    else:
        probe.execute("ROLLBACK")
        return False
    finally:
        probe.close()


def _sqlite_wal_ends_uncommitted(path: str) -> bool:
    """Whether the write-ahead log's last frame of the current generation closes no
    transaction: a writer has written pages of a transaction it has not committed.

    A frame belongs to the current generation when it carries the log header's salts (a
    checkpoint that restarts the log changes them); its header's second word is the database
    size in pages for a commit frame and 0 for any other (https://sqlite.org/fileformat.html,
    section 4.1). The size of the file says nothing: a restarted log is overwritten in place.
    """
    try:
        wal = os.open(f"{path}-wal", os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        header = os.pread(wal, 32, 0)
        if len(header) < 32:
            return False
        frame_size = 24 + int.from_bytes(header[8:12], "big")
        salts = header[16:24]
        last_commit_size = None
        offset = 32
        while len(frame := os.pread(wal, 24, offset)) == 24 and frame[8:16] == salts:
            last_commit_size = int.from_bytes(frame[4:8], "big")
            offset += frame_size
        return last_commit_size == 0
    finally:
        os.close(wal)


class WriteWatch:
    """Whether another process is inside a write transaction and has written to it."""

    def __init__(self, database_url: str):
        self.database_url = database_url

    def writing(self) -> bool:
        if self.database_url.startswith("sqlite:"):
            path = _sqlite_path(self.database_url)
            return _sqlite_write_locked(path) and _sqlite_wal_ends_uncommitted(path)
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True) as db:
            (count,) = db.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()"
            ).fetchone()
        return count > 0


def kill_mid_write(process: Process, database_url: str, *, timeout: float = 90) -> None:
    """Wait until `process` writes inside a transaction, then kill -9 it there."""
    watch = WriteWatch(database_url)
    deadline = time.monotonic() + timeout
    while not watch.writing():
        if process.popen.poll() is not None:
            pytest.fail(f"{process.name} ended before it was caught writing:\n{process.output()}")
        if time.monotonic() > deadline:
            pytest.fail(f"{process.name} did not write within {timeout} s:\n{process.output()}")
        time.sleep(0.005)
    os.killpg(process.popen.pid, signal.SIGSTOP)
    caught = watch.writing()
    process.kill()
    assert caught, f"{process.name} had left its transaction before it was stopped"


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_names(site) -> list[str]:
    if site.database_url.startswith("sqlite:"):
        query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    else:
        query = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    return sorted(name for (name,) in site.sql(query))


def fingerprints(site) -> dict[str, tuple[int, str]]:
    """Every table's row count and a checksum of its rows (the database's whole content)."""
    result = {}
    for table in table_names(site):
        rows = sorted(repr(row) for row in site.sql(f"SELECT * FROM {quote(table)}"))  # noqa: S608
        result[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return result


def integrity_problems(site) -> list:
    """What the database's own checks find wrong: SQLite's integrity and foreign-key checks,
    or on PostgreSQL amcheck's check of every B-tree index against its table (it enforces
    constraints itself, in the transaction that writes)."""
    if site.database_url.startswith("sqlite:"):
        problems = [row for row in site.sql("PRAGMA integrity_check") if row != ("ok",)]
        return problems + site.sql("PRAGMA foreign_key_check")
    import psycopg

    with psycopg.connect(site.database_url, autocommit=True) as db:
        db.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
        try:
            db.execute(
                "SELECT bt_index_check(index.indexrelid, true) FROM pg_index index "
                "JOIN pg_class class ON class.oid = index.indexrelid "
                "JOIN pg_am method ON method.oid = class.relam "
                "JOIN pg_namespace space ON space.oid = class.relnamespace "
                "WHERE method.amname = 'btree' AND space.nspname = 'public' AND index.indisvalid"
            ).fetchall()
        except (psycopg.errors.IndexCorrupted, psycopg.errors.DataCorrupted) as error:
            return [str(error)]
    return []


# --- a PostgreSQL cluster of the test's own -----------------------------------------------


@dataclass
class Cluster:
    """A throwaway PostgreSQL cluster on loopback (like bin/with-postgres), which a test may
    restart without disturbing the suite's own database server."""

    bin: Path
    data: Path
    port: int
    as_owner: list[str]
    log: Path

    def url(self, name: str) -> str:
        return f"postgres://postgres@{PROXY}:{self.port}/{name}"

    def pg_ctl(self, *arguments: str) -> None:
        command = [*self.as_owner, str(self.bin / "pg_ctl"), "-D", str(self.data), "-w"]
        subprocess.run([*command, *arguments], check=True, capture_output=True, timeout=60)

    def restart(self) -> None:
        """A restart as an administrator does it: sessions ended, the server up again."""
        self.pg_ctl("-m", "fast", "-l", str(self.log), "restart")


def postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(path.split("/")[4]))
    if not found:
        pytest.fail("The PostgreSQL restart test needs Debian's postgresql package.")
    return Path(found[-1])


@contextlib.contextmanager
def throwaway_cluster():
    pg_bin = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="partnerwerk-pg-restart-"))
    as_owner = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(folder, "postgres")
        as_owner = ["runuser", "-u", "postgres", "--"]
    cluster = Cluster(pg_bin, folder / "data", free_port(), as_owner, folder / "server.log")
    try:
        subprocess.run(
            [*as_owner, str(pg_bin / "initdb"), "-D", str(cluster.data), "-U", "postgres"]
            + ["--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        options = f"-h {PROXY} -p {cluster.port} -k {folder} -c fsync=off"
        cluster.pg_ctl("-l", str(cluster.log), "-o", options, "start")
        yield cluster
    finally:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            cluster.pg_ctl("-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def copy_test_database_into(cluster: Cluster, name: str) -> str:
    """The suite's migrated test database, dumped and restored into `cluster` as `name`."""
    from django.db import connection

    source = connection.settings_dict
    environment = os.environ | {"PGPASSWORD": source["PASSWORD"] or ""}
    subprocess.run(
        [str(cluster.bin / "createdb"), "-h", PROXY, "-p", str(cluster.port), "-U", "postgres"]
        + [name],
        check=True,
        capture_output=True,
    )
    dump = subprocess.run(
        [str(cluster.bin / "pg_dump"), "-Fc", "--no-owner", "-h", source["HOST"] or PROXY]
        + ["-p", str(source["PORT"] or 5432), "-U", source["USER"] or "postgres", source["NAME"]],
        check=True,
        capture_output=True,
        env=environment,
        timeout=120,
    ).stdout
    subprocess.run(
        [str(cluster.bin / "pg_restore"), "--no-owner", "-d", cluster.url(name)],
        input=dump,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return cluster.url(name)


def worker_environment(database_url: str, var: Path) -> dict:
    """The environment of a background worker on `database_url` (as test_worker_process)."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("PARTNERWERK_") and name != "DATABASE_URL"
    }
    return environment | {
        "DJANGO_SETTINGS_MODULE": "partnerwerk.settings",
        "DATABASE_URL": database_url,
        "PARTNERWERK_VAR_DIR": str(var),
        "PARTNERWERK_TASKS": "db",
    }
