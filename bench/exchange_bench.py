"""Import and export times for 10,000 rows, CSV and XLSX.

Runs against its own throwaway SQLite database in a temporary directory; DATABASE_URL and
PARTNERWERK_CACHE_DIR are ignored, so a real database is never migrated or emptied:

    .venv/bin/python bench/exchange_bench.py [--rows 10000]

It imports 10,000 new projects from a generated CSV, imports the same file again (nothing
changes), exports them as CSV and XLSX, and imports the XLSX (nothing changes), printing one
line per step.
"""

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="partnerwerk-bench-")
    os.environ["PARTNERWERK_VAR_DIR"] = work
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("PARTNERWERK_CACHE_DIR", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerwerk.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, skip_checks=True)

    from partnerwerk.exchange.exporters import export_dataset, export_dataset_xlsx
    from partnerwerk.exchange.importers import plan_import, run_import
    from partnerwerk.projects.models import Project

    Project.objects.all().delete()
    lines = ["id,title_de,title_en,summary_de,status,start,end,visibility"]
    for number in range(args.rows):
        lines.append(
            f"bench-{number:05d},Projekt {number},Project {number},"
            f'"Zusammenfassung {number}, mit Komma",ongoing,2024-{number % 12 + 1:02d},,public'
        )
    source = ("\n".join(lines) + "\n").encode()
    results = []

    def step(name: str, function):
        start = time.perf_counter()
        outcome = function()
        results.append((name, time.perf_counter() - start, outcome))
        return outcome

    step(
        "import CSV (all new)",
        lambda: run_import(plan_import("projects", source, "b.csv")).summary(),
    )
    step(
        "import CSV again (unchanged)",
        lambda: run_import(plan_import("projects", source, "b.csv")).summary(),
    )
    csv_text = io.StringIO()
    step("export CSV", lambda: f"{export_dataset('projects', 'csv', csv_text)} rows")
    xlsx = io.BytesIO()
    step("export XLSX", lambda: f"{export_dataset_xlsx('projects', xlsx)} rows")
    step(
        "import exported XLSX (unchanged)",
        lambda: run_import(plan_import("projects", xlsx.getvalue(), "b.xlsx")).summary(),
    )
    step(
        "import exported CSV (unchanged)",
        lambda: run_import(
            plan_import("projects", csv_text.getvalue().encode(), "b.csv")
        ).summary(),
    )
    print(f"{'step':36} {'seconds':>8}  rows/s   outcome")
    for name, seconds, outcome in results:
        print(f"{name:36} {seconds:8.2f} {args.rows / seconds:8.0f}   {outcome}")


if __name__ == "__main__":
    main()
