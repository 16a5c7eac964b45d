"""Partnerwerk's registry against Datasette on the same imported twin-city relations.

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python bench/registry_vs_datasette.py [--requests 400] [--concurrency 4] [--distinct]

In one run: a fresh SQLite database in a temporary folder (or the one in --work, prepared by
an earlier run) is migrated, loaded with the reference data and the whole twin-cities file
(timed); the registry relations are written to a second SQLite file for Datasette (one flat
table, immutable mode, an index per filtered column, suggested facets off). Both servers start
on 127.0.0.1: Datasette as `datasette serve` (one process, as issue 15 measured it) or, with
--datasette-workers N, under gunicorn with N uvicorn workers; Partnerwerk's production server
(gunicorn, 2 workers, PARTNERWERK_ENV=production). Once both are idle (Partnerwerk's workers
load the SDG model when they start) they are loaded in turn with the same questions.

Default mode: every request repeats one question (Dortmund, Germany), so Partnerwerk serves
it from its cache (decisions 0014, 0016); the first, uncached answer is printed apart.
--distinct: Partnerwerk's page and answer caches are off (PARTNERWERK_CACHE_ANSWERS=false)
and every request asks about another city (hundreds, drawn from the imported relations) or
another country (dozens); both servers get the same list, in the same order (decision 0036).
--answers FILE: before the load, every Partnerwerk answer of the run is fetched once and its
status and SHA-256 written to FILE, or compared with FILE when it exists (same answers before
and after a change).
"""

import argparse
import hashlib
import json
import os
import random
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
WARM_UP_REQUESTS = 40
# Distinct mode: how many cities and countries are drawn (the same seed for every run).
CITIES, COUNTRIES, SEED = 400, 40, 15
DATASETTE_APP = """
import os
from datasette.app import Datasette

app = Datasette(
    immutables=[os.environ["BENCH_DATASETTE_DB"]], settings={"suggest_facets": False}
).app()
"""


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


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by a process and its children (Linux /proc)."""
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        pending += [int(child) for child in children]
    return total


def wait_until_idle(pids: list[int], seconds: float = 180) -> float:
    """Wait until the servers' workers stop working on their own (Partnerwerk's load the SDG
    model when they start, which takes far longer than a few seconds on a busy machine);
    the seconds waited."""
    started = time.time()
    before = sum(cpu_seconds(pid) for pid in pids)
    while time.time() - started < seconds:
        time.sleep(2)
        now = sum(cpu_seconds(pid) for pid in pids)
        if now - before < 0.1:
            break
        before = now
    return time.time() - started


def load(port: int, paths: list[str], requests: int, concurrency: int) -> dict:
    """`requests` GETs from `concurrency` threads, one connection per request (as gunicorn's
    sync workers close it), the n-th request asking `paths[n % len(paths)]`; latencies in
    milliseconds."""
    latencies: list[float] = []
    lock = threading.Lock()
    per_thread = requests // concurrency

    def worker(number: int):
        own = []
        for round_ in range(per_thread):
            path = paths[(round_ * concurrency + number) % len(paths)]
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
    threads = [threading.Thread(target=worker, args=(number,)) for number in range(concurrency)]
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


def distinct_subjects(database: Path, requests: int) -> tuple[list[int], list[str]]:
    """Cities (GeoNames ids) and countries drawn from the imported relations, with a fixed
    seed: relations are taken in random order and one of their two places (or countries) at
    random, each subject kept once, so a city or country is asked about as often as the
    relations it has make it likely (most cities have one to three relations; Germany has
    4,239). As many cities as requests plus the warm-up (at least CITIES), COUNTRIES
    countries."""
    with sqlite3.connect(database) as connection:
        relations = connection.execute(
            "SELECT home_geonames_id, partner_geonames_id, home_country, partner_country "
            "FROM relations ORDER BY id"
        ).fetchall()
    chosen = random.Random(SEED)
    chosen.shuffle(relations)
    wanted = max(requests + WARM_UP_REQUESTS, CITIES)
    cities: dict[int, None] = {}
    countries: dict[str, None] = {}
    for home, partner, home_country, partner_country in relations:
        side = chosen.random() < 0.5
        city, country = (home, home_country) if side else (partner, partner_country)
        if city is not None and len(cities) < wanted:
            cities.setdefault(city)
        if country and len(countries) < COUNTRIES:
            countries.setdefault(country)
    return list(cities), list(countries)


def questions_for(cities: list[int], countries: list[str]) -> list[tuple[str, list, list]]:
    """(label, Datasette's addresses, Partnerwerk's addresses) of the three questions."""

    def either(code):
        return urllib.parse.quote(f"home_country = '{code}' or partner_country = '{code}'")

    def one_city(geonames_id):
        return urllib.parse.quote(
            f"home_geonames_id = {geonames_id} or partner_geonames_id = {geonames_id}"
        )

    many = len(cities) > 1
    where = f"{len(countries)} countries" if len(countries) > 1 else f"country={countries[0]}"
    return [
        (
            f"list JSON, {where}, facets kind+status",
            [
                f"/registry/relations.json?_where={either(c)}&_facet=kind&_facet=status"
                for c in countries
            ],
            [f"/api/v1/registry/relations?country={c}" for c in countries],
        ),
        (
            f"list HTML, {where}, facets kind+status",
            [
                f"/registry/relations?_where={either(c)}&_facet=kind&_facet=status"
                for c in countries
            ],
            [f"/en/registry/relations/?country={c}" for c in countries],
        ),
        (
            f"one city's partners ({len(cities)} cities), JSON"
            if many
            else "one city's partners (Dortmund), JSON",
            [f"/registry/relations.json?_where={one_city(g)}" for g in cities],
            [f"/api/v1/registry/cities/{g}/partners" for g in cities],
        ),
    ]


def check_answers(port: int, paths: list[str], file: Path) -> str:
    """Partnerwerk's answer to every question of the run, as status and SHA-256 of the body:
    written to `file` when it does not exist, else compared with it (a change that makes the
    answers faster must keep them byte for byte)."""
    answers = {}
    for path in dict.fromkeys(paths):
        connection = HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", path)
        response = connection.getresponse()
        answers[path] = f"{response.status} {hashlib.sha256(response.read()).hexdigest()}"
        connection.close()
    if not file.exists():
        file.write_text(json.dumps(answers, indent=1, sort_keys=True) + "\n")
        return f"{len(answers)} answers written to {file}"
    known = json.loads(file.read_text())
    compared = [path for path in answers if path in known]
    differ = [path for path in compared if known[path] != answers[path]]
    shown = "".join(f"\n  differs: {path}" for path in differ[:5])
    return f"{len(compared)} answers compared with {file}: {len(differ)} differ{shown}"


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


def prepare(work: Path, env: dict, data: Path) -> tuple[float | None, float | None, int | None]:
    """Migrate, import and export into `work`, unless an earlier run did (then only migrate,
    so that new migrations, such as indexes, reach the database); the times, or None."""
    manage = str(BIN / "partnerwerk")
    quiet = {"env": env, "check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    prepared = (work / "registry.db").exists()
    subprocess.run([manage, "migrate", "--noinput"], **quiet)
    subprocess.run([manage, "collectstatic", "--noinput"], **quiet)
    if prepared:
        return None, None, None
    subprocess.run([manage, "load-reference"], **quiet)
    started = time.perf_counter()
    subprocess.run(
        [
            manage,
            "import-twin-cities",
            str(data),
            "--no-progress",
            "--report",
            str(work / "report.csv"),
        ],
        **quiet,
    )
    import_seconds = time.perf_counter() - started
    started = time.perf_counter()
    exported_rows = datasette_export(env, work / "registry.db")
    return import_seconds, time.perf_counter() - started, exported_rows


def start_servers(work: Path, production: dict, arguments) -> tuple[list, int, int]:
    """Datasette and Partnerwerk under gunicorn with the same settings; their ports."""
    datasette_port, partnerwerk_port = free_port(), free_port()
    (work / "datasette_app.py").write_text(DATASETTE_APP)
    datasette_python = arguments.datasette_python or str(BIN / "python")
    if arguments.datasette_workers:
        datasette = [
            *(datasette_python, "-m", "gunicorn", "datasette_app:app", "--chdir", str(work)),
            *("--worker-class", "uvicorn.workers.UvicornWorker"),
            *("--bind", f"127.0.0.1:{datasette_port}", "--access-logfile", "/dev/null"),
            *("--workers", str(arguments.datasette_workers)),
        ]
    else:  # `datasette serve`: one process, as the issue measured it
        datasette = [
            *(datasette_python, "-m", "datasette", "serve", "-i", str(work / "registry.db")),
            *("--host", "127.0.0.1", "--port", str(datasette_port)),
            *("--setting", "suggest_facets", "off"),
        ]
    servers = [
        subprocess.Popen(
            datasette,
            env=os.environ | {"BENCH_DATASETTE_DB": str(work / "registry.db")},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            [
                *(str(BIN / "partnerwerk"), "serve", "--bind", f"127.0.0.1:{partnerwerk_port}"),
                *("--workers", str(arguments.workers), "--access-logfile", "/dev/null"),
            ],
            env=production,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    return servers, datasette_port, partnerwerk_port


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers of each server")
    parser.add_argument(
        "--datasette-workers",
        type=int,
        default=0,
        help="0: `datasette serve` (one process, as issue 15 measured); N: gunicorn with N "
        "uvicorn workers, the same settings as Partnerwerk's",
    )
    parser.add_argument("--file", type=Path, default=DATA)
    parser.add_argument(
        "--distinct",
        action="store_true",
        help="caches off, every request another city or country",
    )
    parser.add_argument(
        "--work",
        type=Path,
        help="folder kept between runs (the import and export are done once)",
    )
    parser.add_argument(
        "--datasette-python",
        help="the Python that has Datasette 0.65.5 and gunicorn, if not this one",
    )
    parser.add_argument(
        "--answers",
        type=Path,
        help="a file of Partnerwerk's answers to this run's questions (status and SHA-256): "
        "written if missing, else compared",
    )
    arguments = parser.parse_args()

    work = arguments.work or Path(tempfile.mkdtemp(prefix="registry-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{work / 'partnerwerk.sqlite3'}",
        "PARTNERWERK_VAR_DIR": str(work),
        "PARTNERWERK_CACHE_DIR": str(work / "cache"),
        "PARTNERWERK_LOG_LEVEL": "WARNING",
    }
    import_seconds, export_seconds, exported_rows = prepare(work, env, arguments.file)
    timing = subprocess.run(
        [str(BIN / "python"), "-c", TIMING_SCRIPT],
        env=env | {"DJANGO_SETTINGS_MODULE": "partnerwerk.settings"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    graph = json.loads(timing.strip().splitlines()[-1])
    if arguments.distinct:
        cities, countries = distinct_subjects(work / "registry.db", arguments.requests)
    else:
        cities, countries = [DORTMUND], ["DE"]
    questions = questions_for(cities, countries)

    production = env | {
        "PARTNERWERK_ENV": "production",
        "PARTNERWERK_SECRET_KEY": secrets.token_urlsafe(60),
        "PARTNERWERK_ALLOWED_HOSTS": "127.0.0.1",
        "PARTNERWERK_SSL_REDIRECT": "false",
        "PARTNERWERK_CACHE_ANSWERS": "false" if arguments.distinct else "true",
    }
    servers, datasette_port, partnerwerk_port = start_servers(work, production, arguments)
    try:
        wait_for(datasette_port, "/")
        wait_for(partnerwerk_port, "/healthz")
        # Each Partnerwerk worker loads the SDG model when it starts (a few seconds of CPU,
        # partnerwerk/gunicorn_conf.py); let that finish so it weighs on neither server.
        time.sleep(WARM_UP_SECONDS)
        waited = WARM_UP_SECONDS + wait_until_idle([server.pid for server in servers])
        if import_seconds is not None:
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
        mode = (
            "caches off, every request another city or country"
            if arguments.distinct
            else "the same question repeated, Partnerwerk's cache on"
        )
        print(
            f"\n{arguments.requests} requests per question, {arguments.concurrency} clients, "
            f"Partnerwerk: {arguments.workers} gunicorn workers, Datasette: "
            + (
                f"{arguments.datasette_workers} gunicorn workers (uvicorn)"
                if arguments.datasette_workers
                else "`datasette serve` (one process)"
            )
            + f"; {mode}; "
            f"servers idle after {waited:.0f} s; "
            f"load average before: {' '.join(f'{n:.2f}' for n in os.getloadavg())}\n"
        )
        if arguments.answers:
            every = [path for _label, _datasette, paths in questions for path in paths]
            print(check_answers(partnerwerk_port, every, arguments.answers) + "\n")
        header = (
            f"{'question':44} {'server':11} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'CPU ms':>8} {'client':>8}"
        )
        print(header)
        print("-" * len(header))
        ratios = []
        for label, datasette_paths, partnerwerk_paths in questions:
            # Distinct mode: the warm-up asks about subjects the measurement does not.
            measured = arguments.requests if arguments.distinct else 0
            warm_datasette = datasette_paths[measured:] or datasette_paths
            warm_partnerwerk = partnerwerk_paths[measured:] or partnerwerk_paths
            first = first_answer_ms(partnerwerk_port, partnerwerk_paths[0])
            load(datasette_port, warm_datasette, WARM_UP_REQUESTS, 2)
            load(partnerwerk_port, warm_partnerwerk, WARM_UP_REQUESTS, 2)
            results = {}
            for server, port, paths, pid in (
                ("Datasette", datasette_port, datasette_paths, servers[0].pid),
                ("Partnerwerk", partnerwerk_port, partnerwerk_paths, servers[1].pid),
            ):
                # CPU time per answer of the server's processes and of the load generator:
                # steadier than req/s when other work shares the machine.
                server_cpu, client_cpu = cpu_seconds(pid), time.process_time()
                results[server] = load(port, paths, arguments.requests, arguments.concurrency)
                results[server]["cpu"] = (cpu_seconds(pid) - server_cpu) * 1000 / arguments.requests
                results[server]["client"] = (
                    (time.process_time() - client_cpu) * 1000 / arguments.requests
                )
            for server, result in results.items():
                print(
                    f"{label:44} {server:11} {result['rps']:8.1f} "
                    f"{result['p50']:8.1f} {result['p95']:8.1f} {result['cpu']:8.2f} "
                    f"{result['client']:8.2f}"
                )
            ratio = results["Partnerwerk"]["rps"] / results["Datasette"]["rps"]
            ratios.append(ratio)
            print(f"{'':44} {'ratio':11} {ratio:8.2f}   (first answer {first:.0f} ms)")
        # What the machine, gunicorn and this load generator allow any Partnerwerk answer
        # at the moment: the health check (no database question, every middleware).
        server_cpu = cpu_seconds(servers[1].pid)
        ceiling = load(partnerwerk_port, ["/healthz"], arguments.requests, arguments.concurrency)
        print(
            f"{'ceiling: /healthz':44} {'Partnerwerk':11} {ceiling['rps']:8.1f} "
            f"{ceiling['p50']:8.1f} {ceiling['p95']:8.1f} "
            f"{(cpu_seconds(servers[1].pid) - server_cpu) * 1000 / arguments.requests:8.2f}"
        )
        print(f"\nLowest ratio Partnerwerk/Datasette: {min(ratios):.2f} (goal: at least 3)")
        print(
            "CPU ms: CPU time of the server's processes per answer; client: of this load "
            "generator (4 threads, one process) per request."
        )
        print(f"Load average after: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
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
