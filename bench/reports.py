"""Build times of the reports (issue 18): the annual report, the SDG review and a fact sheet,
gathered from the database and printed as PDF and DOCX, in German and English.

    # the reference data (Dortmund's sourced records)
    DATABASE_URL=sqlite:////tmp/reference.sqlite3 .venv/bin/partnerwerk migrate
    DATABASE_URL=sqlite:////tmp/reference.sqlite3 .venv/bin/partnerwerk load-reference
    DATABASE_URL=sqlite:////tmp/reference.sqlite3 .venv/bin/python bench/reports.py

    # the synthetic registry (bench/synthetic_registry.py's generator; a separate, empty
    # database) with --dated of its activities dated in 2024 and linked to 20 curated
    # partnerships, and --tagged of those with an SDG goal each; generated once (about 4 min
    # for the registry, 3 min for dating and tagging a million), then measured again and
    # again without --synthetic
    DATABASE_URL=sqlite:////tmp/synthetic-1m.sqlite3 .venv/bin/partnerwerk migrate
    DATABASE_URL=sqlite:////tmp/synthetic-1m.sqlite3 .venv/bin/python bench/reports.py \\
        --synthetic --activities 1000000 --dated 1000000 --tagged 1000000 --rounds 1
    DATABASE_URL=sqlite:////tmp/synthetic-1m.sqlite3 .venv/bin/python bench/reports.py --rounds 1

Prints per report and language the queries of gathering the records, the seconds to gather
them, to print the PDF, to write the DOCX and (summary mode, more activities than a report
lists) to write the table of the records behind the figures, the PDF's pages and the table's
rows and megabytes (median of --rounds builds).
"""

import argparse
import datetime
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerwerk.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from partnerwerk.partnerships.models import Partnership, Step  # noqa: E402
from partnerwerk.places.models import Place  # noqa: E402
from partnerwerk.projects.models import Activity  # noqa: E402
from partnerwerk.reports.docx import html_to_docx  # noqa: E402
from partnerwerk.reports.rendering import (  # noqa: E402
    report_context,
    report_html,
    report_pdf,
    report_table,
)
from partnerwerk.reports.scope import EVERYTHING, PUBLIC  # noqa: E402
from partnerwerk.sdg.models import SdgTag  # noqa: E402

START, END = datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)
CURATED = 20


def synthetic(places: int, relations: int, activities: int, dated: int) -> None:
    """The synthetic registry, and `dated` of its activities in 2024 with curated partnerships."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synthetic_registry import generate

    generate(places, relations, activities)
    if Partnership.objects.curated().exists():
        return
    with transaction.atomic():
        ids = list(Place.objects.order_by("id").values_list("id", flat=True)[: CURATED + 1])
        home = ids[0]
        created = Partnership.objects.bulk_create(
            Partnership(
                key=f"synthetic-curated-{number}",
                home_id=home,
                partner_id=partner,
                kind="twinning",
                status="active",
                since=datetime.date(2000, 1, 1),
            )
            for number, partner in enumerate(ids[1:])
        )
        Step.objects.bulk_create(
            Step(partnership=p, kind="start", date=datetime.date(2000, 1, 1), status_after="active")
            for p in created
        )
        chosen = list(Activity.objects.order_by("id").values_list("id", flat=True)[:dated])
        # the first `dated` activities by id, spread over the year's days in blocks: one
        # UPDATE per day (a million single updates would take hours)
        for day in range(366):
            block = chosen[day * len(chosen) // 366 : (day + 1) * len(chosen) // 366]
            if block:
                Activity.objects.filter(pk__gte=block[0], pk__lte=block[-1]).update(
                    start_date=START + datetime.timedelta(days=day)
                )
        link = Activity.partnerships.through
        for first in range(0, len(chosen), 50_000):
            link.objects.bulk_create(
                [
                    link(activity_id=a, partnership_id=created[(first + i) % CURATED].pk)
                    for i, a in enumerate(chosen[first : first + 50_000])
                ],
                batch_size=5000,
            )
    print(f"Curated: {CURATED} partnerships; {dated:,} activities dated in 2024 and linked")


def tag(tagged: int) -> None:
    """SDG tags on the first `tagged` activities dated in 2024 (goal by id, every third
    principal), so the SDG review and the annual report's goals have activities to count."""
    if not tagged or SdgTag.objects.filter(activity__isnull=False).exists():
        return
    chosen = list(
        Activity.objects.filter(start_date__year=2024)
        .order_by("id")
        .values_list("id", flat=True)[:tagged]
    )
    with transaction.atomic():
        for first in range(0, len(chosen), 50_000):
            SdgTag.objects.bulk_create(
                [
                    SdgTag(
                        activity_id=a,
                        goal_id=a % 17 + 1,
                        significance="principal" if a % 3 == 0 else "significant",
                    )
                    for a in chosen[first : first + 50_000]
                ],
                batch_size=5000,
            )
    print(f"Tagged: {len(chosen):,} activities with one goal each")


def measure(kind: str, language: str, *, place=None, scope, rounds: int) -> str:
    gather, pdf_times, docx_times, table_times = [], [], [], []
    for _ in range(rounds):
        with translation.override(language), CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            context = report_context(kind, start=START, end=END, place=place, scope=scope)
            html, title = report_html(kind, context, language=language)
            gather.append(time.perf_counter() - started)
        started = time.perf_counter()
        pdf = report_pdf(html)
        pdf_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        html_to_docx(html, title=title, language=language, dated=END)
        docx_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        with translation.override(language):
            table = report_table(context)  # summary mode only: the records behind the figures
        table_times.append(time.perf_counter() - started)
        rows = size = 0
        if table is not None:
            size = table.stat().st_size
            with table.open("rb") as stream:
                rows = sum(1 for _line in stream) - 1
            table.unlink()
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    total = statistics.median(
        g + p + d + t for g, p, d, t in zip(gather, pdf_times, docx_times, table_times, strict=True)
    )
    return (
        f"{kind:11} {language:3} {len(queries):>7} {statistics.median(gather):9.2f} "
        f"{statistics.median(pdf_times):7.2f} {statistics.median(docx_times):7.2f} "
        f"{statistics.median(table_times):7.2f} {total:7.2f} {pages:6} {rows:>10,} "
        f"{size / 1e6:7.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", action="store_true")
    parser.add_argument("--places", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=300_000)
    parser.add_argument("--activities", type=int, default=1_000_000)
    parser.add_argument("--dated", type=int, default=2_000)
    parser.add_argument("--tagged", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    if arguments.synthetic:
        synthetic(arguments.places, arguments.relations, arguments.activities, arguments.dated)
        tag(arguments.tagged)
    print(
        f"{Activity.objects.count():,} activities, "
        f"{Partnership.objects.curated().count():,} curated partnerships in the database"
    )
    partner = (
        Partnership.objects.curated().select_related("partner").order_by("key").first().partner
    )
    print(
        f"\n{'report':11} {'la':3} {'queries':>7} {'gather s':>9} {'pdf s':>7} "
        f"{'docx s':>7} {'table s':>7} {'total s':>7} {'pages':>6} {'table rows':>10} "
        f"{'MB':>7}"
    )
    for language in ("de", "en"):
        print(measure("annual", language, scope=EVERYTHING, rounds=arguments.rounds))
        print(measure("sdg_review", language, scope=EVERYTHING, rounds=arguments.rounds))
        print(measure("fact_sheet", language, place=partner, scope=PUBLIC, rounds=arguments.rounds))


if __name__ == "__main__":
    main()
