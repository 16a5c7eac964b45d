"""Time to first byte, total time, size and peak memory of the large open-data exports.

Run it against a database that holds the imported world registry, for example:

    export DATABASE_URL=sqlite:////tmp/registry.sqlite3
    .venv/bin/partnerwerk migrate && .venv/bin/partnerwerk load-reference
    .venv/bin/partnerwerk import twin-cities data/twin-cities/twin_cities.csv
    .venv/bin/python bench/exports_at_scale.py [--repeat 1] [--no-memory]

Each export is asked through Django's test client in this process (no network), and a
streamed answer is read chunk by chunk as a client would. The first pass measures time
(time to the first chunk, to the last chunk) and bytes; a second pass with tracemalloc
measures the peak of Python memory allocated while the answer is produced and read
(tracemalloc slows the code down, so its pass is not timed). The office exports sign in a
user the benchmark creates and deletes at the end.
"""

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

EXPORTS = [
    ("/data/partnerships.csv", False),
    ("/data/partnerships.json", False),
    ("/data/places.csv", False),
    ("/data/places.json", False),
    ("/data/relations.csv", False),
    ("/data/relations.json", False),
    ("/data/partner-cities.geojson", False),
    ("/api/v1/open-data/relations.csv", False),
    ("/api/v1/open-data/relations.xlsx", False),
    ("/office/open-data/partnerships.xlsx", True),
    ("/office/open-data/relations.xlsx", True),
    ("/office/open-data/places.csv", True),
]


def chunks(response):
    if response.streaming:
        yield from response.streaming_content
    else:
        yield response.content


def measure(client, path: str) -> tuple[int, float, float, int]:
    """(status, seconds to the first chunk, seconds to the last, bytes)."""
    start = time.perf_counter()
    response = client.get(path)
    first = None
    size = 0
    for chunk in chunks(response):
        if first is None:
            first = time.perf_counter() - start
        size += len(chunk)
    total = time.perf_counter() - start
    response.close()
    return response.status_code, first if first is not None else total, total, size


def peak_memory(client, path: str) -> int:
    tracemalloc.start()
    try:
        response = client.get(path)
        for _chunk in chunks(response):
            pass
        response.close()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=1, help="Timed passes; the best counts.")
    parser.add_argument("--no-memory", action="store_true", help="Skip the tracemalloc pass.")
    parser.add_argument("--only", help="Only the exports whose path contains this text.")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to a database with the registry imported.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerwerk.settings")
    import django

    django.setup()
    from django.test import Client

    from partnerwerk.partnerships.models import Partnership
    from partnerwerk.testing import make_user, sign_in_with_two_factors

    print(f"{Partnership.objects.count():,} partnerships in the database")
    print(
        f"{'export':40} {'status':>6} {'first byte s':>12} {'total s':>8} {'MB':>7} {'peak MB':>8}"
    )
    from django.contrib.auth import get_user_model

    username = "exports-at-scale-benchmark"
    get_user_model().objects.filter(username=username).delete()  # left by a stopped run
    user = make_user(role="office", username=username)
    try:
        office = Client()
        sign_in_with_two_factors(office, user)
        public = Client()
        public.get("/data/partnerships.json")  # warm-up: URL patterns, translations
        for path, signed_in in EXPORTS:
            if args.only and args.only not in path:
                continue
            client = office if signed_in else public
            runs = [measure(client, path) for _ in range(args.repeat)]
            status, first, total, size = min(runs, key=lambda run: run[2])
            peak = "" if args.no_memory else f"{peak_memory(client, path) / 1e6:8.1f}"
            print(
                f"{path:40} {status:>6} {first:12.2f} {total:8.2f} {size / 1e6:7.2f} {peak:>8}",
                flush=True,
            )
    finally:
        user.delete()


if __name__ == "__main__":
    main()
