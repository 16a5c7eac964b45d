"""Partnerwerk's registry against Datasette on the same imported twin-city relations.

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python bench/registry_vs_datasette.py [--requests 400] [--concurrency 4]

In one run: a fresh SQLite database in a temporary folder is migrated, loaded with the
reference data and the whole twin-cities file (timed); the registry relations are written to
a second SQLite file for Datasette (one flat table, immutable mode, an index per filtered
column, suggested facets off). Both servers start on 127.0.0.1 (Datasette; Partnerwerk's
production server: gunicorn, 2 workers, PARTNERWERK_ENV=production) and are loaded in turn
with the same questions. Partnerwerk serves repeated answers from its cache until the data
changes (decision 0014); the first, uncached answer is part of the measurement because every
run starts with an empty cache, and its time is printed separately.
"""

import argparse
import json
import os
import secrets
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DATA = ROOT / "data" / "twin-cities" / "twin_cities.csv"
DORTMUND, KUMASI = 2935517, 2298890
WARM_UP_SECONDS = 10


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, path: str, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            connection = HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            if connection.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server on port {port} did not answer {path}.")


def load(port: int, path: str, requests: int, concurrency: int) -> dict:
    """`requests` GETs of `path` from `concurrency` threads, one connection per request (as
    gunicorn's sync workers close it); latencies in milliseconds."""
    latencies: list[float] = []
    lock = threading.Lock()
    per_thread = requests // concurrency

    def worker():
        own = []
        for _ in range(per_thread):
            started = time.perf_counter()
            connection = HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status != 200:
                raise SystemExit(f"{path} answered {response.status}")
            own.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(own)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p95": latencies[int(len(latencies) * 0.95) - 1],
    }


def first_answer_ms(port: int, path: str) -> float:
    started = time.perf_counter()
    connection = HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path)
    connection.getresponse().read()
    return (time.perf_counter() - started) * 1000


def datasette_export(env: dict, target: Path) -> int:
    """The registry relations as one flat, indexed table (a JSON export turned into SQLite)."""
    exported = subprocess.run(
        [str(BIN / "partnerwerk"), "export", "relations", "--format", "json"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rows = json.loads(exported)
    database = sqlite3.connect(target)
    columns = ["key", "kind", "status", "origin"]
    for side in ("home", "partner"):
        columns += [f"{side}_{name}" for name in ("name", "country", "geonames_id", "lat", "lon")]
    database.execute(
        f"CREATE TABLE relations (id INTEGER PRIMARY KEY, {', '.join(columns)}, sources TEXT)"
    )
    database.executemany(
        f"INSERT INTO relations ({', '.join(columns)}, sources) "
        f"VALUES ({', '.join('?' * (len(columns) + 1))})",
        [
            (
                row["id"],
                row["kind"],
                row["status"],
                row["origin"],
                *(
                    row[side][name]
                    for side in ("home", "partner")
                    for name in ("name", "country", "geonames_id", "lat", "lon")
                ),
                "|".join(source["url"] or "" for source in row["sources"]),
            )
            for row in rows
        ],
    )
    for column in ("home_country", "partner_country", "home_geonames_id", "partner_geonames_id"):
        database.execute(f"CREATE INDEX relations_{column} ON relations ({column})")
    database.execute("CREATE INDEX relations_kind_status ON relations (kind, status)")
    database.commit()
    database.execute("ANALYZE")
    database.close()
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--file", type=Path, default=DATA)
    arguments = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="registry-bench-"))
    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{work / 'partnerwerk.sqlite3'}",
        "PARTNERWERK_VAR_DIR": str(work),
        "PARTNERWERK_CACHE_DIR": str(work / "cache"),
        "PARTNERWERK_LOG_LEVEL": "WARNING",
    }
    manage = str(BIN / "partnerwerk")
    quiet = {"env": env, "check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    subprocess.run([manage, "migrate", "--noinput"], **quiet)
    subprocess.run([manage, "load-reference"], **quiet)
    started = time.perf_counter()
    subprocess.run(
        [
            manage,
            "import-twin-cities",
            str(arguments.file),
            "--no-progress",
            "--report",
            str(work / "report.csv"),
        ],
        **quiet,
    )
    import_seconds = time.perf_counter() - started
    subprocess.run([manage, "collectstatic", "--noinput"], **quiet)
    started = time.perf_counter()
    exported_rows = datasette_export(env, work / "registry.db")
    export_seconds = time.perf_counter() - started

    timing = subprocess.run(
        [str(BIN / "python"), "-c", TIMING_SCRIPT],
        env=env | {"DJANGO_SETTINGS_MODULE": "partnerwerk.settings"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    graph = json.loads(timing.strip().splitlines()[-1])

    datasette_port, partnerwerk_port = free_port(), free_port()
    production = env | {
        "PARTNERWERK_ENV": "production",
        "PARTNERWERK_SECRET_KEY": secrets.token_urlsafe(60),
        "PARTNERWERK_ALLOWED_HOSTS": "127.0.0.1",
        "PARTNERWERK_SSL_REDIRECT": "false",
    }
    servers = [
        subprocess.Popen(
            [
                str(BIN / "datasette"),
                "serve",
                "-i",
                str(work / "registry.db"),
                "--host",
                "127.0.0.1",
                "--port",
                str(datasette_port),
                "--setting",
                "suggest_facets",
                "off",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            [
                manage,
                "serve",
                "--bind",
                f"127.0.0.1:{partnerwerk_port}",
                "--workers",
                "2",
                "--access-logfile",
                "/dev/null",
            ],
            env=production,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    try:
        wait_for(datasette_port, "/")
        wait_for(partnerwerk_port, "/healthz")
        # Each Partnerwerk worker loads the SDG model when it starts (a few seconds of CPU,
        # partnerwerk/gunicorn_conf.py); let that finish so it weighs on neither server.
        time.sleep(WARM_UP_SECONDS)
        either_de = urllib.parse.quote("home_country = 'DE' or partner_country = 'DE'")
        one_city = urllib.parse.quote(
            f"home_geonames_id = {DORTMUND} or partner_geonames_id = {DORTMUND}"
        )
        questions = [
            (
                "list JSON, country=DE, facets kind+status",
                f"/registry/relations.json?_where={either_de}&_facet=kind&_facet=status",
                "/api/v1/registry/relations?country=DE",
            ),
            (
                "list HTML, country=DE, facets kind+status",
                f"/registry/relations?_where={either_de}&_facet=kind&_facet=status",
                "/en/registry/relations/?country=DE",
            ),
            (
                "one city's partners (Dortmund), JSON",
                f"/registry/relations.json?_where={one_city}",
                f"/api/v1/registry/cities/{DORTMUND}/partners",
            ),
        ]
        print(
            f"Import of {arguments.file.name}: {import_seconds:.1f} s "
            f"(migrated database with reference data; {exported_rows} registry relations)"
        )
        print(f"SQLite export for Datasette: {export_seconds:.1f} s")
        print(f"Common partners of Dortmund and Kumasi (uncached): {graph['common_ms']:.1f} ms")
        print(
            f"Network two steps out of Dortmund (uncached): {graph['network_ms']:.1f} ms "
            f"({graph['network_size']} places)"
        )
        print(f"\n{arguments.requests} requests per question, {arguments.concurrency} clients\n")
        header = f"{'question':44} {'server':11} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}"
        print(header)
        print("-" * len(header))
        ratios = []
        for label, datasette_path, partnerwerk_path in questions:
            first = first_answer_ms(partnerwerk_port, partnerwerk_path)
            load(datasette_port, datasette_path, 40, 2)  # warm-up
            load(partnerwerk_port, partnerwerk_path, 40, 2)
            results = {
                "Datasette": load(
                    datasette_port, datasette_path, arguments.requests, arguments.concurrency
                ),
                "Partnerwerk": load(
                    partnerwerk_port, partnerwerk_path, arguments.requests, arguments.concurrency
                ),
            }
            for server, result in results.items():
                print(
                    f"{label:44} {server:11} {result['rps']:8.0f} "
                    f"{result['p50']:8.1f} {result['p95']:8.1f}"
                )
            ratio = results["Partnerwerk"]["rps"] / results["Datasette"]["rps"]
            ratios.append(ratio)
            print(f"{'':44} {'ratio':11} {ratio:8.2f}   (first, uncached answer {first:.0f} ms)")
        print(f"\nLowest ratio Partnerwerk/Datasette: {min(ratios):.2f} (goal: at least 3)")
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=20)


TIMING_SCRIPT = """
import json, time
import django
django.setup()
from partnerwerk.places.models import Place
from partnerwerk.registry import selectors
dortmund = Place.objects.get(geonames_id=DORTMUND)
kumasi = Place.objects.get(geonames_id=KUMASI)
selectors.common_partners(first=dortmund, second=kumasi)
started = time.perf_counter()
selectors.common_partners(first=dortmund, second=kumasi)
common = (time.perf_counter() - started) * 1000
started = time.perf_counter()
found = selectors.network(place=dortmund)
network = (time.perf_counter() - started) * 1000
print(json.dumps({"common_ms": common, "network_ms": network,
                  "network_size": len(found["first"]) + found["second_total"]}))
""".replace("DORTMUND", str(DORTMUND)).replace("KUMASI", str(KUMASI))


if __name__ == "__main__":
    main()
