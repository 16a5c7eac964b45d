"""A synthetic registry at national scale, and how the registry pages cope with it.

    DATABASE_URL=sqlite:////tmp/synthetic.sqlite3 .venv/bin/partnerwerk migrate
    DATABASE_URL=sqlite:////tmp/synthetic.sqlite3 .venv/bin/python bench/synthetic_registry.py
    # PostgreSQL (the lead): a separate, empty database
    DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:54329/synthetic \\
        .venv/bin/partnerwerk migrate && \\
    DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:54329/synthetic \\
        .venv/bin/python bench/synthetic_registry.py

Generates 100,000 places, 300,000 registry relations and 1,000,000 activities (every name,
key and title says "synthetic"; never run it against a real database: it refuses a database
that holds anything but synthetic places), then requests the registry API list and city pages
with the cache switched off and prints the query count and p50/p95 per kind of request.
Bulk inserts without history rows: the data is throwaway.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerwerk.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from partnerwerk.partnerships.models import Partnership  # noqa: E402
from partnerwerk.places.models import Place  # noqa: E402
from partnerwerk.projects.models import Activity  # noqa: E402

COUNTRIES = ["DE", "FR", "PL", "IT", "US", "GB", "GH", "CN", "JP", "UA", "ES", "TR"]
BATCH = 5000


def generate(places: int, relations: int, activities: int) -> None:
    if Place.objects.exclude(registry_key__startswith="synthetic:").exists():
        raise SystemExit("This database holds real places; use a separate, empty database.")
    if Place.objects.exists():
        print("Synthetic data already there; measuring only.")
        return
    rng = random.Random(6)
    started = time.perf_counter()
    with transaction.atomic():
        Place.objects.bulk_create(
            (
                Place(
                    name=f"Synthetic Place {number:06d}",
                    country=rng.choice(COUNTRIES),
                    continent="EU",
                    population=rng.randint(500, 2_000_000),
                    latitude=rng.uniform(-60, 70),
                    longitude=rng.uniform(-180, 180),
                    registry_key=f"synthetic:{number}",
                    geonames_match="unmatched",
                )
                for number in range(places)
            ),
            batch_size=BATCH,
        )
        ids = list(Place.objects.values_list("id", flat=True))
        pairs = set()
        while len(pairs) < relations:
            # A few hubs with many partners, most places with a handful, as in the real data.
            home = (
                ids[int(rng.paretovariate(1.2)) % len(ids)]
                if rng.random() < 0.3
                else (rng.choice(ids))
            )
            partner = rng.choice(ids)
            if home != partner:
                pairs.add((min(home, partner), max(home, partner)))
        Partnership.objects.bulk_create(
            (
                Partnership(
                    key=f"synthetic-relation-{number}",
                    home_id=home,
                    partner_id=partner,
                    kind="twinning",
                    status="active",
                    origin="registry",
                )
                for number, (home, partner) in enumerate(sorted(pairs))
            ),
            batch_size=BATCH,
        )
        Activity.objects.bulk_create(
            (
                Activity(
                    key=f"synthetic-activity-{number}",
                    title_de=f"Synthetische Aktivität {number}",
                    kind="workshop",
                    place_id=rng.choice(ids),
                )
                for number in range(activities)
            ),
            batch_size=BATCH,
        )
    print(
        f"Generated {places:,} places, {relations:,} relations, {activities:,} activities "
        f"in {time.perf_counter() - started:.0f} s"
    )


def measure(samples: int) -> None:
    from partnerwerk.registry import facets

    started = time.perf_counter()
    facets.rebuild()  # what an import does at its end (decision 0017)
    facets.refresh_statistics()
    print(
        f"Relation counts rebuilt and statistics refreshed in {time.perf_counter() - started:.1f} s"
    )
    rng = random.Random(7)
    client = Client()
    busiest = (
        Partnership.objects.values("home_id").order_by().annotate(n=django.db.models.Count("id"))
    )
    hub = max(busiest.iterator(), key=lambda row: row["n"])
    ids = list(Place.objects.values_list("id", flat=True)[:5000])
    hub_relations = Partnership.objects.filter(home_id=hub["home_id"]).order_by("id")
    middle = hub_relations.values_list("id", flat=True)[hub["n"] // 2]
    paths = {
        "API list country=DE (page 1..20)": lambda: (
            f"/api/v1/registry/relations?country=DE&page={rng.randint(1, 20)}"
        ),
        "API city partners": lambda: f"/api/v1/registry/cities/p{rng.choice(ids)}/partners",
        "city page (HTML)": lambda: f"/registry/cities/p{rng.choice(ids)}/",
        f"city page of the hub ({hub['n']} relations)": lambda: (
            f"/registry/cities/p{hub['home_id']}/"
        ),
        "the hub's page half way through its relations": lambda: (
            f"/registry/cities/p{hub['home_id']}/?after={middle}"
        ),
    }
    print(f"\n{'request':48} {'queries':>8} {'p50 ms':>8} {'p95 ms':>8}")
    dummy = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    with override_settings(CACHES=dummy):
        for label, path in paths.items():
            client.get(path())  # warm-up
            times, counts = [], set()
            for _ in range(samples):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(path())
                    times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.status_code
                counts.add(len(queries))
            times.sort()
            p95 = times[max(int(len(times) * 0.95) - 1, 0)]
            print(
                f"{label:48} {'/'.join(map(str, sorted(counts))):>8} "
                f"{statistics.median(times):8.1f} {p95:8.1f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=300_000)
    parser.add_argument("--activities", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=100)
    arguments = parser.parse_args()
    generate(arguments.places, arguments.relations, arguments.activities)
    measure(arguments.samples)


if __name__ == "__main__":
    main()
