"""A production on loopback for the multi-server test (issue 15): one Redis, two app servers
(gunicorn, one worker each) on one database, and nginx in front with the repository's own
configuration (deploy/nginx/partnerwerk.conf) and a self-signed certificate.

Debian's nginx and redis-server are installed when missing and we run as root with apt-get
(as bin/with-postgres does for PostgreSQL); otherwise the test fails and says what to
install. Every process runs in its own process group and is ended with it; nothing listens
beyond 127.0.0.1. The visitor connects from 127.0.0.2, so the address nginx sees differs from
nginx's own (127.0.0.1, the app servers' one trusted proxy).

The database is the test run's own, copied, which spares the migrations (about 20 s of CPU):
on SQLite the migrated test database is written into a file in WAL mode through SQLite's
backup API; on PostgreSQL (bin/with-postgres) a new database is made with the test database
as its template, and dropped at the end.
"""

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from partnerwerk import gunicorn_conf
from partnerwerk.core.tests.multi_server_db import SEED, copy_test_database, drop_database
from partnerwerk.core.tests.multi_server_nginx import (
    nginx_main_config,
    render_nginx,
    self_signed_certificate,
)
from partnerwerk.core.tests.web_client import Client

REPO = Path(__file__).resolve().parents[3]
VISITOR = "127.0.0.2"
PROXY = "127.0.0.1"
FEEDBACK_PER_HOUR = 3
# Program -> Debian package.
PROGRAMS = {"nginx": "nginx", "redis-server": "redis-server", "openssl": "openssl"}


def _find(program: str) -> str | None:
    folders = [*os.environ.get("PATH", "").split(os.pathsep), "/usr/sbin", "/usr/bin"]
    for folder in folders:
        candidate = Path(folder) / program
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def programs() -> dict[str, str]:
    """The paths of nginx, redis-server and openssl, installing Debian's packages if we may."""
    missing = sorted({PROGRAMS[name] for name in PROGRAMS if _find(name) is None})
    report = ""
    if missing and os.geteuid() == 0 and shutil.which("apt-get"):
        environment = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=environment, capture_output=True)
        result = subprocess.run(
            ["apt-get", "install", "-y", "-qq", *missing],
            env=environment,
            capture_output=True,
            text=True,
        )
        report = result.stderr[-2000:]
    found = {name: _find(name) for name in PROGRAMS}
    still = sorted({PROGRAMS[name] for name, path in found.items() if path is None})
    if still:
        pytest.fail(
            f"The multi-server test needs Debian's {', '.join(still)} (not found). It installs "
            "them itself only when run as root with apt-get; install them with "
            f"`apt-get install {' '.join(still)}`. {report}",
            pytrace=False,
        )
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((PROXY, 0))
        return probe.getsockname()[1]


def _end_with_the_test() -> None:
    """In the child before it runs: SIGKILL when the test process dies (Linux' prctl), so a
    test run that is killed leaves no server behind."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


@dataclass
class Process:
    """A server in its own process group; its output goes to `log`."""

    name: str
    command: list[str]
    environment: dict
    log: Path
    popen: subprocess.Popen | None = None

    def start(self) -> "Process":
        with self.log.open("ab") as output:
            self.popen = subprocess.Popen(
                self.command,
                env=self.environment,
                cwd=REPO,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_end_with_the_test,
            )
        return self

    def _signal(self, number: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.popen.pid, number)

    def kill(self) -> None:
        """kill -9 of the whole server (master and workers), as a crash would."""
        self._signal(signal.SIGKILL)
        self.popen.wait(10)

    def stop(self) -> None:
        if self.popen is None:
            return
        self._signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(5)
        self._signal(signal.SIGKILL)  # whatever of the group is left
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(5)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def wait_until(self, check, *, timeout: float = 40) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.popen.poll() is not None:
                pytest.fail(f"{self.name} ended at start:\n{self.output()[-3000:]}")
            with contextlib.suppress(OSError):
                if check():
                    return
            time.sleep(0.1)
        pytest.fail(f"{self.name} was not ready after {timeout} s:\n{self.output()[-3000:]}")


# --- the site --------------------------------------------------------------------------------


@dataclass
class Site:
    folder: Path
    https_port: int
    http_port: int
    app_ports: dict[str, int]
    redis_port: int
    seeded: dict
    database_url: str = ""
    processes: dict[str, Process] = field(default_factory=dict)

    def sql(self, query: str) -> list[tuple]:
        """Rows of a query on the app servers' database (sqlite3 or psycopg)."""
        if self.database_url.startswith("sqlite:"):
            with contextlib.closing(sqlite3.connect(self.database_url[len("sqlite:///") :])) as db:
                return db.execute(query).fetchall()
        import psycopg

        with psycopg.connect(self.database_url) as db:
            return db.execute(query).fetchall()

    def visitor(self, **headers) -> Client:
        """A browser on 127.0.0.2 that reaches the site through nginx over HTTPS."""
        return Client(self.https_port, tls=True, source=VISITOR, headers=headers)

    def direct(self, server: str, cookies: dict | None = None) -> Client:
        """Straight to one app server, as the proxy (127.0.0.1) would come, after TLS."""
        headers = {"X-Forwarded-Proto": "https"}
        return Client(self.app_ports[server], headers=headers, cookies=cookies or {})

    def redis(self):
        import redis

        return redis.Redis(host=PROXY, port=self.redis_port, socket_timeout=2)

    def server_at(self, address: str) -> str:
        return next(name for name, port in self.app_ports.items() if address.endswith(f":{port}"))

    def nginx_log(self) -> list[dict]:
        path = self.folder / "logs" / "partnerwerk.access.log"
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]

    def requests_logged(self, method: str, uri: str, count: int = 1) -> list[dict]:
        """nginx's log entries of `method uri`, once there are `count` of them: nginx writes
        an entry just after its answer, so the client may be quicker than the log."""
        deadline = time.monotonic() + 5
        while True:
            entries = [e for e in self.nginx_log() if (e["method"], e["uri"]) == (method, uri)]
            if len(entries) >= count or time.monotonic() > deadline:
                return entries
            time.sleep(0.05)

    def app_log(self, server: str) -> str:
        return self.processes[f"app {server}"].output()

    def app_log_records(self, server: str) -> list[dict]:
        """The app's own log lines (JSON), without gunicorn's access log."""
        records = []
        for line in self.app_log(server).splitlines():
            if line.startswith("{"):
                with contextlib.suppress(ValueError):
                    records.append(json.loads(line))
        return records

    def start_redis(self) -> None:
        process = self.processes["redis"].start()
        process.wait_until(lambda: self.redis().ping())

    def start_app(self, server: str) -> None:
        process = self.processes[f"app {server}"].start()
        process.wait_until(lambda: self.direct(server).get("/readyz").status == 200)


def _app_environment(folder: Path, database_url: str, redis_port: int) -> dict:
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("PARTNERWERK_") and name != "DATABASE_URL"
    }
    return environment | {
        "DJANGO_SETTINGS_MODULE": "partnerwerk.settings",
        "PARTNERWERK_ENV": "production",
        "PARTNERWERK_SECRET_KEY": secrets.token_urlsafe(48),
        "PARTNERWERK_ALLOWED_HOSTS": f"{PROXY},localhost",
        "PARTNERWERK_VAR_DIR": str(folder / "var"),
        "DATABASE_URL": database_url,
        "PARTNERWERK_CACHE": "redis",
        "PARTNERWERK_REDIS_URL": f"redis://{PROXY}:{redis_port}/0",
        "PARTNERWERK_SESSIONS": "cached_db",
        "PARTNERWERK_TRUSTED_PROXIES": PROXY,
        "PARTNERWERK_LOG_FORMAT": "json",
        "PARTNERWERK_FEEDBACK_PER_HOUR": str(FEEDBACK_PER_HOUR),
    }


@contextlib.contextmanager
def running_site(found: dict[str, str], database_url: str | None = None, workers: int = 1):
    """Start everything, yield the Site, and end every process and the database copy. With
    `database_url` the servers use that database (the caller's) instead of a copy; `workers`:
    gunicorn workers per app server (bench/load_cluster.py takes more)."""
    from django.conf import settings

    folder = Path(tempfile.mkdtemp(prefix="partnerwerk-multi-"))
    folder.chmod(0o755)  # nginx's workers (nobody) read the static files below it
    (folder / "logs").mkdir()
    ports = {"A": free_port(), "B": free_port()}
    site = Site(folder, free_port(), free_port(), ports, free_port(), {})
    database = None
    try:
        if database_url is None:
            database_url, database = copy_test_database(folder)
        site.database_url = database_url
        environment = _app_environment(folder, database_url, site.redis_port)
        redis_command = [found["redis-server"], "--port", str(site.redis_port), "--bind", PROXY]
        redis_command += ["--save", "", "--appendonly", "no", "--dir", str(folder)]
        site.processes["redis"] = Process("redis", redis_command, {}, folder / "logs/redis.log")
        site.processes["redis"].start()
        seeded = subprocess.run(
            [sys.executable, "-c", SEED], env=environment, cwd=REPO, capture_output=True, text=True
        )
        assert seeded.returncode == 0, f"seeding failed:\n{seeded.stderr[-3000:]}"
        site.seeded = json.loads(seeded.stdout.strip().splitlines()[-1])
        for name, port in ports.items():
            command = [sys.executable, "-m", "gunicorn", "partnerwerk.wsgi:application"]
            command += [
                "--bind",
                f"{PROXY}:{port}",
                "--workers",
                str(workers),
                "--access-logfile",
                "-",
            ]
            # Each its own control socket (gunicornc), not the shared one in $HOME.
            command += ["--graceful-timeout", "3", "--control-socket", str(folder / f"{name}.ctl")]
            command += ["--timeout", str(gunicorn_conf.timeout)]  # as `partnerwerk serve`
            log = folder / f"logs/app-{name}.log"
            site.processes[f"app {name}"] = Process(f"app {name}", command, environment, log)
            site.processes[f"app {name}"].start()
        site.processes["redis"].wait_until(lambda: site.redis().ping())
        for name in ports:
            site.processes[f"app {name}"].wait_until(
                lambda name=name: site.direct(name).get("/readyz").status == 200
            )
        _start_nginx(site, found, settings.PARTNERWERK_SIGNED_IN_MAX_BODY)
        yield site
    finally:
        for process in reversed(site.processes.values()):
            process.stop()
        if database is not None:
            drop_database(database)
        shutil.rmtree(folder, ignore_errors=True)


def _start_nginx(site: Site, found: dict[str, str], max_body: int) -> None:
    folder = site.folder
    certificate, key = self_signed_certificate(found["openssl"], folder)
    servers = " ".join(
        f"server {PROXY}:{port} max_fails=1 fail_timeout=10s;" for port in site.app_ports.values()
    )
    site_config = folder / "partnerwerk.conf"
    site_config.write_text(
        render_nginx(
            {
                "SERVER_NAME": f"{PROXY} localhost",
                "HTTP_LISTEN": f"{PROXY}:{site.http_port}",
                "HTTPS_LISTEN": f"{PROXY}:{site.https_port}",
                "TLS_CERTIFICATE": str(certificate),
                "TLS_CERTIFICATE_KEY": str(key),
                "VAR_DIR": str(folder / "var"),
                "APP_SERVERS": servers,
                "MAX_BODY": str(max_body),
                "LOG_DIR": str(folder / "logs"),
            }
        )
    )
    main_config = folder / "nginx.conf"
    main_config.write_text(nginx_main_config(folder, site_config))
    (folder / "nginx-temp").mkdir()
    command = [found["nginx"], "-c", str(main_config), "-p", str(folder)]
    command += ["-e", str(folder / "logs" / "nginx-error.log")]
    checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
    assert checked.returncode == 0, f"nginx refuses the configuration:\n{checked.stderr}"
    site.processes["nginx"] = Process("nginx", command, {}, folder / "logs/nginx.log").start()
    site.processes["nginx"].wait_until(lambda: site.visitor().get("/healthz").status == 200)
