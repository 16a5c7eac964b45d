"""16 concurrent clients on the public portal, the API and the open-data files, with the
world registry imported (issue 12: no error and no request over 5 s).

    .venv/bin/python bench/load_public.py [--clients 16] [--seconds 60]

In one run: a fresh SQLite database in a temporary folder is migrated, loaded with the
reference data and the whole twin-cities file; the production server starts on 127.0.0.1
(gunicorn, 2 workers, PARTNERWERK_ENV=production) and `--clients` threads ask it, each in
turn, every question of the mix below for `--seconds` seconds (bounded in count and time,
loopback only). Each question is asked with a varying query string so that the page cache
answers only what real repeated traffic would let it answer. Prints, per question, the
number of answers, errors, p50, p95 and the slowest time; exits 1 on any error or any
answer slower than 5 s.
"""

import argparse
import itertools
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DATA = ROOT / "data" / "twin-cities" / "twin_cities.csv"
DORTMUND = 2935517
LIMIT_SECONDS = 5.0
MAX_REQUESTS = 200_000

# (group, path); "{n}" becomes a counter so repeated questions differ where the mix says so.
QUESTIONS = [
    ("portal", "/"),
    ("portal", "/en/"),
    ("portal", "/partnerships/"),
    ("portal", "/partnerships/?q=kumasi&n={n}"),
    ("portal", "/partnerships/?sdg=13&n={n}"),
    # A partner city's page (the home city has none on the portal: 404 by design).
    ("portal", "/cities/2298890/"),
    ("portal", "/projects/"),
    ("portal", "/activities/"),
    ("portal", "/sdg/"),
    ("registry", "/registry/"),
    ("registry", f"/registry/cities/{DORTMUND}/"),
    ("registry", "/registry/relations/?country=DE&n={n}"),
    ("registry", "/registry/countries/DE/GH/"),
    ("api", "/api/v1/partnerships"),
    ("api", "/api/v1/places?page=2"),
    ("api", "/api/v1/projects"),
    ("api", "/api/v1/registry/relations?country=DE&n={n}"),
    ("api", f"/api/v1/registry/cities/{DORTMUND}/partners"),
    ("api", "/api/v1/registry/most-connected"),
    ("export", "/data/partnerships.csv"),
    ("export", "/data/partnerships.json"),
    ("export", "/data/places.json"),
    ("export", "/data/relations.csv"),
    ("export", "/data/relations.json"),
    # The portal's files are JSON and CSV; XLSX is the office's.
    ("export", "/data/projects.csv"),
    ("export", "/api/v1/open-data/partner-cities.geojson"),
    ("export", "/calendar/activities.ics"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, path: str, seconds: float = 90) -> None:
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


def ask(port: int, path: str) -> tuple[int, float, int]:
    """One GET on a new connection: status, seconds, bytes read."""
    started = time.perf_counter()
    connection = HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "identity"})
        response = connection.getresponse()
        size = 0
        while chunk := response.read(65536):
            size += len(chunk)
        status = response.status
    except OSError:
        status, size = 0, 0
    finally:
        connection.close()
    return status, time.perf_counter() - started, size


def run_load(port: int, clients: int, seconds: float) -> dict:
    """`clients` threads, each walking the mix from its own starting point until time is up."""
    results: dict[str, list[tuple[int, float]]] = {path: [] for _, path in QUESTIONS}
    lock = threading.Lock()
    counter = itertools.count()
    deadline = time.perf_counter() + seconds

    def client(offset: int) -> None:
        own: list[tuple[str, int, float]] = []
        index = offset
        while time.perf_counter() < deadline:
            n = next(counter)
            if n >= MAX_REQUESTS:
                break
            _, template = QUESTIONS[index % len(QUESTIONS)]
            status, elapsed, _ = ask(port, template.replace("{n}", str(n)))
            own.append((template, status, elapsed))
            index += 1
        with lock:
            for template, status, elapsed in own:
                results[template].append((status, elapsed))

    threads = [threading.Thread(target=client, args=(i * 3,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"results": results, "elapsed": time.perf_counter() - started}


def report(outcome: dict) -> bool:
    rows, ok = [], True
    total = errors = 0
    for group, path in QUESTIONS:
        answers = outcome["results"][path]
        if not answers:
            continue
        times = sorted(elapsed for _, elapsed in answers)
        failed = sum(1 for status, _ in answers if status != 200)
        slow = sum(1 for t in times if t > LIMIT_SECONDS)
        ok = ok and not failed and not slow
        total += len(answers)
        errors += failed
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        rows.append(
            f"| {group} | `{path}` | {len(answers)} | {failed} | "
            f"{statistics.median(times) * 1000:.0f} | {p95 * 1000:.0f} | {times[-1] * 1000:.0f} |"
        )
    print("| group | request | answers | errors | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print(
        f"\n{total} requests in {outcome['elapsed']:.1f} s "
        f"({total / outcome['elapsed']:.1f} req/s), {errors} errors"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--file", type=Path, default=DATA)
    arguments = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="load-bench-"))
    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{work / 'partnerwerk.sqlite3'}",
        "PARTNERWERK_VAR_DIR": str(work),
        "PARTNERWERK_CACHE_DIR": str(work / "cache"),
        "PARTNERWERK_LOG_LEVEL": "WARNING",
    }
    manage = str(BIN / "partnerwerk")
    quiet = {"env": env, "check": True, "stdout": subprocess.DEVNULL}
    print("Preparing the database (migrate, reference data, registry import)...", flush=True)
    subprocess.run([manage, "migrate", "--noinput"], **quiet)
    subprocess.run([manage, "load-reference"], **quiet)
    subprocess.run([manage, "import-twin-cities", str(arguments.file), "--no-progress"], **quiet)
    subprocess.run([manage, "collectstatic", "--noinput"], **quiet)

    port = free_port()
    production = env | {
        "PARTNERWERK_ENV": "production",
        "PARTNERWERK_SECRET_KEY": secrets.token_urlsafe(60),
        "PARTNERWERK_ALLOWED_HOSTS": "127.0.0.1",
        "PARTNERWERK_SSL_REDIRECT": "false",
    }
    server = subprocess.Popen(
        [manage, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
        + ["--access-logfile", "/dev/null"],
        env=production,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(port, "/healthz")
        time.sleep(10)  # each worker loads the SDG model at start (gunicorn_conf.py)
        print(
            f"{arguments.clients} clients for {arguments.seconds:.0f} s:\n",
            flush=True,
        )
        outcome = run_load(port, arguments.clients, arguments.seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    if not report(outcome):
        raise SystemExit("Some requests failed or took longer than 5 s.")


if __name__ == "__main__":
    main()
