"""The public partnership index's facets on PostgreSQL with freshly bulk-inserted rows.

    PARTNERWERK_PG_PORT=54331 bin/with-postgres sh -c \\
        '.venv/bin/partnerwerk migrate -v 0 && .venv/bin/python bench/facets_postgres.py'

Inserts 20,000 public, curated partnerships of the home city (each with its own partner
place, one to three themes, one to three SDG goals and some of their targets) in bulk and
WITHOUT running ANALYZE, as after an import, then times every facet of the index with and
without filters and with a search term, and prints the milliseconds per facet. Exits with
status 1 when any facet takes longer than a second.

It refuses to run unless DATABASE_URL points to PostgreSQL and the database holds no
partnership yet (a freshly migrated, throwaway database); everything it writes is rolled
back at the end.
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerwerk.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import OperationalError, connection, transaction  # noqa: E402

from partnerwerk.partnerships.models import Partnership, Step, Theme  # noqa: E402
from partnerwerk.partnerships.selectors import home_public_partnerships  # noqa: E402
from partnerwerk.places.models import Place  # noqa: E402
from partnerwerk.portal import facets  # noqa: E402
from partnerwerk.sdg.models import SdgTag, Target  # noqa: E402

BUDGET_MS = 1000
EXPLAIN = "--explain" in sys.argv  # print the plan of every facet over the budget
STATEMENT_TIMEOUT_MS = 60_000  # a runaway plan is reported, not waited for
BATCH = 5000
COUNTRIES = [("FR", "EU"), ("GB", "EU"), ("PL", "EU"), ("GH", "AF"), ("US", "NA"), ("JP", "AS")]
KINDS = ["twinning", "friendship", "climate", "project"]
SCENARIOS = {
    "no filter": {},
    "filters": {"kind": "twinning", "continent": "EU", "theme": "facet-bench-3", "sdg": "11"},
    "q=bench (all)": {"q": "bench"},
    "q=city 1234 (few)": {"q": "city 1234"},
    "q=bench + filters": {"q": "bench", "kind": "twinning", "theme": "facet-bench-3", "sdg": "11"},
}


class Rollback(Exception):
    pass


def refuse_unless_throwaway() -> None:
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres:", "postgresql:")):
        raise SystemExit("DATABASE_URL must point to a throwaway PostgreSQL database.")
    if Partnership.all_objects.exists():
        raise SystemExit("This database holds partnerships; use a freshly migrated, empty one.")


def generate(count: int) -> None:
    rng = random.Random(12)
    home, _ = Place.objects.get_or_create(
        geonames_id=settings.PARTNERWERK_HOME_GEONAMES_ID,
        defaults={"name": "Home", "country": "DE", "continent": "EU"},
    )
    themes = Theme.objects.bulk_create(
        Theme(code=f"facet-bench-{n}", name_de=f"Thema {n}", name_en=f"Bench theme {n}")
        for n in range(30)
    )
    places = Place.objects.bulk_create(
        (
            Place(
                geonames_id=90_000_000 + n,
                name=f"Bench City {n}",
                country=COUNTRIES[n % len(COUNTRIES)][0],
                continent=COUNTRIES[n % len(COUNTRIES)][1],
            )
            for n in range(count)
        ),
        batch_size=BATCH,
    )
    partnerships = Partnership.objects.bulk_create(
        (
            Partnership(
                key=f"facet-bench-{n}",
                home=home,
                partner=place,
                kind=KINDS[n % len(KINDS)],
                status="active" if n % 3 else "proposed",
                since=datetime.date(2000, 1, 1),
                since_precision="year",
                description_de=f"Partnerschaft {n} mit einer Stadt.",
            )
            for n, place in enumerate(places)
        ),
        batch_size=BATCH,
    )
    Step.objects.bulk_create(
        (
            Step(partnership=p, kind="agreement_signed", date=datetime.date(2000, 1, 1))
            for p in partnerships
        ),
        batch_size=BATCH,
    )
    through = Partnership.themes.through
    through.objects.bulk_create(
        (
            through(partnership=p, theme=theme)
            for p in partnerships
            for theme in rng.sample(themes, rng.randint(1, 3))
        ),
        batch_size=BATCH,
    )
    targets: dict[int, list] = {}
    for target in Target.objects.all():
        targets.setdefault(target.goal_id, []).append(target)
    tags = []
    for p in partnerships:
        for goal in rng.sample(range(1, 18), rng.randint(1, 3)):
            tags.append(SdgTag(partnership=p, goal_id=goal))
            # A goal and some of its targets: several tags of one goal per partnership.
            for target in rng.sample(targets.get(goal, []), min(2, len(targets.get(goal, [])))):
                tags.append(SdgTag(partnership=p, goal_id=goal, target=target))
    SdgTag.objects.bulk_create(tags, batch_size=BATCH)


def elapsed_ms(function, *arguments) -> float:
    """Milliseconds `function` took; a query stopped by the statement timeout counts as it."""
    started = time.perf_counter()
    try:
        with transaction.atomic():  # a savepoint: a cancelled query leaves the rest usable
            function(*arguments)
    except OperationalError:
        return float(STATEMENT_TIMEOUT_MS)
    return (time.perf_counter() - started) * 1000


def first_page(results) -> None:
    results.count()
    list(results[:20])


def measure() -> float:
    slowest = 0.0
    names = list(facets.FACET_FIELDS)
    print(f"{'scenario':<20} {'results':>8} " + " ".join(f"{name:>9}" for name in names))
    for label, params in SCENARIOS.items():
        filters = facets.clean_filters(params)
        base = facets.search(home_public_partnerships(), params.get("q", ""))
        # The results as partnership_search() builds them (it also counts every facet).
        found = facets._apply(base, filters).select_related("partner").order_by("partner__name")
        timings = [elapsed_ms(first_page, found)]
        for name in names:
            counts = facets.facet_counts(name, base, filters)
            timings.append(elapsed_ms(list, counts))
            if EXPLAIN and timings[-1] > BUDGET_MS:
                print(f"{label} / {name}:\n{counts.explain(analyze=True)}")
        slowest = max(slowest, *timings)
        print(f"{label:<20} {timings[0]:>8.1f} " + " ".join(f"{ms:>9.1f}" for ms in timings[1:]))
    return slowest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--partnerships", type=int, default=20_000)
    parser.add_argument("--explain", action="store_true", help="show slow facets' plans")
    arguments = parser.parse_args()
    refuse_unless_throwaway()
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        print(f"PostgreSQL {cursor.fetchone()[0]}")
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_MS}")
            started = time.perf_counter()
            generate(arguments.partnerships)
            print(
                f"Inserted {arguments.partnerships:,} partnerships in bulk in "
                f"{time.perf_counter() - started:.1f} s (no ANALYZE); milliseconds:"
            )
            slowest = measure()
            raise Rollback
    except Rollback:
        pass
    print(f"Slowest: {slowest:.0f} ms (budget {BUDGET_MS} ms); everything rolled back.")
    if slowest > BUDGET_MS:
        sys.exit(1)


if __name__ == "__main__":
    main()
