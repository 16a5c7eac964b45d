"""200 concurrent clients through nginx over TLS against two app servers on PostgreSQL and
Redis (issue 15, item 6): requests, errors, p50 and p95 per page; exits 1 on any error.

    bin/with-postgres .venv/bin/python bench/load_cluster.py [--clients 200] [--seconds 60]
    bin/with-postgres .venv/bin/python bench/load_cluster.py --synthetic [--seconds 60]

It must run under bin/with-postgres (a throwaway PostgreSQL cluster on loopback). The
database is prepared first: `partnerwerk migrate`, then either the reference data and the
whole twin-cities file (`partnerwerk import twin-cities data/twin-cities/twin_cities.csv`;
about 2 minutes on a quiet 2-core machine), or with `--synthetic` the synthetic registry of
bench/synthetic_registry.py (100,000 places, 300,000 relations, 1,000,000 activities; its
generator, about 10 to 20 minutes on PostgreSQL on this machine, most of it the activities).
The site is the multi-server test's harness (partnerwerk/core/tests/multi_server.py): the
repository's nginx configuration with a self-signed certificate, two gunicorn app servers
(`--workers`, 3 each by default) and Redis, all on 127.0.0.1; the clients connect from
127.0.0.2. Each client asks the mix of bench/load_public.py (portal pages, registry pages,
API, open-data files) in turn, with a varying query string where the mix says so, on a new
TLS connection each time, until `--seconds` are up (bounded: at most 200,000 requests).
By default the clients start on a cold site (the first minute after a change: every public
file is written anew, decision 0038); `--warm-up` asks every question once first and so
measures the steady state.
"""

import argparse
import itertools
import os
import resource
import shutil
import ssl
import statistics
import subprocess
import sys
import threading
import time
from http.client import HTTPException, HTTPSConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerwerk.settings")

from load_public import MAX_REQUESTS, QUESTIONS  # noqa: E402

BIN = Path(sys.executable).parent
DATA = ROOT / "data" / "twin-cities" / "twin_cities.csv"
VISITOR = "127.0.0.2"


def prepare(synthetic: bool, arguments) -> None:
    manage = [str(BIN / "partnerwerk")]
    quiet = {"check": True, "stdout": subprocess.DEVNULL}
    started = time.perf_counter()
    subprocess.run([*manage, "migrate", "--noinput"], **quiet)
    if synthetic:
        generate = (
            "import synthetic_registry as s; "
            f"s.generate({arguments.places}, {arguments.relations}, {arguments.activities}); "
            "from partnerwerk.registry import facets; facets.rebuild(); facets.refresh_statistics()"
        )
        subprocess.run([sys.executable, "-c", generate], cwd=ROOT / "bench", check=True)
    else:
        subprocess.run([*manage, "load-reference"], **quiet)
        subprocess.run([*manage, "import", "twin-cities", str(DATA), "--no-progress"], **quiet)
    print(f"Database prepared in {time.perf_counter() - started:.0f} s.", flush=True)


def synthetic_questions() -> tuple[list[tuple[str, str]], tuple[int, int]]:
    """The mix with the synthetic registry's own places (no reference data there)."""
    import django

    django.setup()
    from partnerwerk.places.models import Place

    first, last = (
        Place.objects.order_by("id").values_list("id", flat=True).first(),
        Place.objects.order_by("-id").values_list("id", flat=True).first(),
    )
    span = last - first + 1
    city = "p{place}"  # filled per request below
    return [
        ("portal", "/"),
        ("portal", "/partnerships/"),
        ("portal", "/activities/"),
        ("portal", "/sdg/"),
        ("registry", "/registry/"),
        ("registry", f"/registry/cities/{city}/"),
        ("registry", "/registry/relations/?country=DE&n={n}"),
        ("api", "/api/v1/registry/relations?country=DE&n={n}"),
        ("api", f"/api/v1/registry/cities/{city}/partners"),
        ("api", "/api/v1/registry/most-connected"),
        ("api", "/api/v1/activities?page={n}"),
        ("export", "/data/relations.csv"),
        ("export", "/data/places.json"),
        ("export", "/calendar/activities.ics"),
    ], (first, span)


def ask(port: int, path: str, context: ssl.SSLContext) -> tuple[int, float]:
    started = time.perf_counter()
    connection = HTTPSConnection(
        "127.0.0.1", port, context=context, timeout=120, source_address=(VISITOR, 0)
    )
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "identity"})
        response = connection.getresponse()
        while response.read(65536):
            pass
        status = response.status
    except (OSError, HTTPException):  # refused, reset, or an answer cut off midway
        status = 0
    finally:
        connection.close()
    return status, time.perf_counter() - started


def client_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the harness's self-signed certificate
    return context


def warm_up(port: int, questions, places) -> None:
    """Ask every question once, one after the other, as a running site has been asked
    before: the public files of this content generation are written and the pages that
    repeat are in the cache. The figures then show the steady state, not the first minute
    after a change."""
    context = client_context()
    started = time.perf_counter()
    for _, template in questions:
        path = template.replace("{n}", "0")
        if places:
            path = path.replace("{place}", str(places[0]))
        ask(port, path, context)
    print(f"Warmed up in {time.perf_counter() - started:.1f} s.\n", flush=True)


def run_load(port: int, questions, places, clients: int, seconds: float) -> dict:
    context = client_context()
    results: dict[str, list[tuple[int, float]]] = {path: [] for _, path in questions}
    lock = threading.Lock()
    counter = itertools.count()
    deadline = time.perf_counter() + seconds

    def client(offset: int) -> None:
        own = []
        index = offset
        while time.perf_counter() < deadline:
            n = next(counter)
            if n >= MAX_REQUESTS:
                break
            _, template = questions[index % len(questions)]
            path = template.replace("{n}", str(n))
            if places:
                path = path.replace("{place}", str(places[0] + (n * 7919) % places[1]))
            status, elapsed = ask(port, path, context)
            own.append((template, status, elapsed))
            index += 1
        with lock:
            for template, status, elapsed in own:
                results[template].append((status, elapsed))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"results": results, "elapsed": time.perf_counter() - started}


def report(outcome: dict, questions) -> int:
    total = errors = 0
    print("| group | request | answers | errors | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|---|---|")
    for group, path in questions:
        answers = outcome["results"][path]
        if not answers:
            continue
        times = sorted(elapsed for _, elapsed in answers)
        failed = [status for status, _ in answers if status != 200]
        total += len(answers)
        errors += len(failed)
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        codes = f" ({', '.join(sorted({str(code) for code in failed}))})" if failed else ""
        print(
            f"| {group} | `{path}` | {len(answers)} | {len(failed)}{codes} | "
            f"{statistics.median(times) * 1000:.0f} | {p95 * 1000:.0f} | {times[-1] * 1000:.0f} |"
        )
    print(
        f"\n{total} requests in {outcome['elapsed']:.1f} s "
        f"({total / outcome['elapsed']:.1f} req/s), {errors} errors; "
        f"load average {' '.join(f'{value:.1f}' for value in os.getloadavg())}; "
        f"the clients used {outcome['client_cpu']:.0f} s of CPU "
        f"({outcome['client_cpu'] / outcome['elapsed']:.2f} cores)"
    )
    return errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers per server")
    parser.add_argument("--synthetic", action="store_true")
    parser.add_argument("--places", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=300_000)
    parser.add_argument("--activities", type=int, default=1_000_000)
    parser.add_argument("--skip-prepare", action="store_true", help="the database is ready")
    parser.add_argument("--logs", type=Path, help="keep the servers' logs in this folder")
    parser.add_argument(
        "--warm-up",
        action="store_true",
        help="ask every question once before the clock starts (the steady state)",
    )
    arguments = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Run it under bin/with-postgres (PostgreSQL, as in production).")
    if not arguments.skip_prepare:
        prepare(arguments.synthetic, arguments)

    import django

    django.setup()
    from partnerwerk.core.tests.multi_server import programs, running_site

    questions, places = QUESTIONS, None
    if arguments.synthetic:
        questions, places = synthetic_questions()
    from django.db import connection

    connection.close()
    with running_site(
        programs(), database_url=os.environ["DATABASE_URL"], workers=arguments.workers
    ) as site:
        print(
            f"nginx on 127.0.0.1:{site.https_port}, app servers on {site.app_ports}, "
            f"{arguments.workers} workers each; {arguments.clients} clients for "
            f"{arguments.seconds:.0f} s:\n",
            flush=True,
        )
        if arguments.warm_up:
            warm_up(site.https_port, questions, places)
        before = resource.getrusage(resource.RUSAGE_SELF)
        outcome = run_load(site.https_port, questions, places, arguments.clients, arguments.seconds)
        after = resource.getrusage(resource.RUSAGE_SELF)
        # Where the two cores went: the clients' own share (TLS, reading the answers).
        outcome["client_cpu"] = (after.ru_utime + after.ru_stime) - (
            before.ru_utime + before.ru_stime
        )
        if arguments.logs:  # the harness removes its folder with the servers' logs
            shutil.copytree(site.folder / "logs", arguments.logs, dirs_exist_ok=True)
    if report(outcome, questions):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
