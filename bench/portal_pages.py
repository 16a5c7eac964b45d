"""Server time and SQL queries of every kind of portal page on the Dortmund reference data.

    .venv/bin/python bench/portal_pages.py [--repeat 30]

Builds a fresh SQLite database in a temporary directory (migrations + `load-reference`),
then asks each page through Django's test client (no network), German and English:
the first column is the uncached time (the page cache is emptied before each request),
the next the time of a cached answer. Prints median and p95 in milliseconds and the number
of SQL queries of an uncached request.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGES = [
    ("home", "/"),
    ("partnerships index", "/partnerships/"),
    ("index, filtered", "/partnerships/?kind=twinning&continent=EU&sort=since"),
    ("index, search", "/partnerships/?q=klima"),
    ("city (Kumasi)", "/cities/2298890/"),
    ("projects", "/projects/"),
    ("project", "/projects/kumasi-climate-adaptation-peer-to-peer/"),
    ("activities", "/activities/"),
    ("activity", "/activities/klimapartnerschaften-2011-national-kick-off/"),
    ("SDG overview", "/sdg/"),
    ("SDG 13", "/sdg/13/"),
    ("contact", "/contact/"),
    ("imprint", "/imprint/"),
    ("privacy", "/privacy/"),
    ("accessibility", "/accessibility/"),
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="partnerwerk-bench-")
    os.environ["PARTNERWERK_VAR_DIR"] = work
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("PARTNERWERK_CACHE_DIR", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerwerk.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client()
    print(
        f"{'page':24} {'lang':4} {'uncached p50':>12} {'p95':>7} {'cached p50':>10} "
        f"{'p95':>7} {'queries':>7}"
    )
    for name, path in PAGES:
        for language, prefix in (("de", ""), ("en", "/en")):
            url = prefix + path
            with CaptureQueriesContext(connection) as captured:
                cache.clear()
                response = client.get(url)
            # Read now: every request empties the connection's query log.
            query_count = len(captured)
            assert response.status_code == 200, (url, response.status_code)
            uncached, cached = [], []
            for _ in range(args.repeat):
                cache.clear()
                start = time.perf_counter()
                client.get(url)
                uncached.append(time.perf_counter() - start)
                start = time.perf_counter()
                client.get(url)
                cached.append(time.perf_counter() - start)
            print(
                f"{name:24} {language:4} {statistics.median(uncached) * 1000:10.1f}ms "
                f"{percentile(uncached, 0.95) * 1000:5.1f}ms "
                f"{statistics.median(cached) * 1000:8.1f}ms "
                f"{percentile(cached, 0.95) * 1000:5.1f}ms {query_count:7d}"
            )


if __name__ == "__main__":
    main()
