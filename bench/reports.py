"""Build times of the reports (issue 18): the annual report, the SDG review and a fact sheet,
gathered from the database and printed as PDF and DOCX, in German and English.

    # the reference data (Dortmund's sourced records)
    DATABASE_URL=sqlite:////tmp/reference.sqlite3 .venv/bin/partnerwerk migrate
    DATABASE_URL=sqlite:////tmp/reference.sqlite3 .venv/bin/partnerwerk load-reference
    DATABASE_URL=sqlite:////tmp/reference.sqlite3 .venv/bin/python bench/reports.py

    # the synthetic registry (bench/synthetic_registry.py's generator; a separate, empty
    # database) with some of its activities dated in 2024 and linked to curated partnerships
    DATABASE_URL=sqlite:////tmp/synthetic.sqlite3 .venv/bin/partnerwerk migrate
    DATABASE_URL=sqlite:////tmp/synthetic.sqlite3 .venv/bin/python bench/reports.py \\
        --synthetic --activities 1000000 --dated 2000

Prints per report and language the queries, the seconds to gather the records, to print the
PDF and to write the DOCX, and the PDF's pages (median of --rounds builds).
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
from partnerwerk.reports.rendering import report_context, report_html, report_pdf  # noqa: E402
from partnerwerk.reports.scope import EVERYTHING, PUBLIC  # noqa: E402

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
        for index, activity_id in enumerate(chosen):
            day = START + datetime.timedelta(days=index % 366)
            Activity.objects.filter(pk=activity_id).update(start_date=day)
        Activity.partnerships.through.objects.bulk_create(
            Activity.partnerships.through(activity_id=a, partnership_id=created[i % CURATED].pk)
            for i, a in enumerate(chosen)
        )
    print(f"Curated: {CURATED} partnerships; {dated:,} activities dated in 2024 and linked")


def measure(kind: str, language: str, *, place=None, scope, rounds: int) -> str:
    gather, pdf_times, docx_times = [], [], []
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
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    total = statistics.median(
        g + p + d for g, p, d in zip(gather, pdf_times, docx_times, strict=True)
    )
    return (
        f"{kind:11} {language:3} {len(queries):>7} {statistics.median(gather):9.2f} "
        f"{statistics.median(pdf_times):7.2f} {statistics.median(docx_times):7.2f} "
        f"{total:7.2f} {pages:6}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", action="store_true")
    parser.add_argument("--places", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=300_000)
    parser.add_argument("--activities", type=int, default=1_000_000)
    parser.add_argument("--dated", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    if arguments.synthetic:
        synthetic(arguments.places, arguments.relations, arguments.activities, arguments.dated)
    print(
        f"{Activity.objects.count():,} activities, "
        f"{Partnership.objects.curated().count():,} curated partnerships in the database"
    )
    partner = (
        Partnership.objects.curated().select_related("partner").order_by("key").first().partner
    )
    print(
        f"\n{'report':11} {'la':3} {'queries':>7} {'gather s':>9} {'pdf s':>7} "
        f"{'docx s':>7} {'total s':>7} {'pages':>6}"
    )
    for language in ("de", "en"):
        print(measure("annual", language, scope=EVERYTHING, rounds=arguments.rounds))
        print(measure("sdg_review", language, scope=EVERYTHING, rounds=arguments.rounds))
        print(measure("fact_sheet", language, place=partner, scope=PUBLIC, rounds=arguments.rounds))


if __name__ == "__main__":
    main()
