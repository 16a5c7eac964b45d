"""Summary mode (decision 0035): a period with more activities than a report can list counts
them in the database, and the table of the records behind the figures, delivered beside the
PDF and the DOCX, lists every one of them with its sources."""

import csv
import datetime
import io
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from pypdf import PdfReader

from partnerwerk.reports.rendering import build, report_context
from partnerwerk.reports.scope import EVERYTHING, PUBLIC
from partnerwerk.reports.table import write_table
from partnerwerk.reports.tests.world import END, START
from partnerwerk.sdg.models import SdgTag
from partnerwerk.testing import make_activity, make_source


@pytest.fixture
def busy_world(world):
    """The world with a few more activities of 2024: in two months, one for both
    partnerships, one of no partnership, one with goal 4 principal and a target, one whose
    title a spreadsheet would take for a formula."""
    source = make_source(title="Synthetic activity register", url="https://example.org/register")
    both = [world.partnership, world.other_partnership]
    make_activity(key="synthetic-march-a", partnerships=both, start_date=datetime.date(2024, 3, 5))
    tagged = make_activity(
        key="synthetic-march-b",
        title_de="=Synthetische Formel",
        partnerships=[world.partnership],
        start_date=datetime.date(2024, 3, 20),
        sources=[source, world.source],
    )
    SdgTag.objects.create(activity=tagged, goal_id=4, target_id="4.7", significance="principal")
    make_activity(key="synthetic-alone", start_date=datetime.date(2024, 7, 1))
    return world


def summarised(settings, listed: int = 2):
    settings.PARTNERWERK_REPORT_LISTED_ACTIVITIES = listed


def context(kind: str, scope=EVERYTHING, language: str = "en") -> dict:
    with translation.override(language):
        return report_context(kind, start=START, end=END, scope=scope)


def table_of(figures, language: str = "en") -> list[list[str]]:
    stream = io.StringIO()
    with translation.override(language):
        write_table(figures, stream)
    return list(csv.reader(io.StringIO(stream.getvalue())))


def keys_by_figure(figures) -> dict:
    return {figure.number: Counter(record.key for record in figure.records) for figure in figures}


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("kind", ["annual", "sdg_review"])
@pytest.mark.parametrize("scope", [EVERYTHING, PUBLIC], ids=["everything", "public"])
def test_a_summarised_report_states_the_same_figures_as_the_listed_one(
    busy_world, settings, kind, scope
):
    listed = context(kind, scope)
    summarised(settings)
    summary = context(kind, scope)
    assert (listed["summary_mode"], summary["summary_mode"]) == (False, True)
    assert [(f.label, f.value) for f in summary["figures"]] == [
        (f.label, f.value) for f in listed["figures"]
    ]
    for before, after in zip(listed["goals"], summary["goals"], strict=True):
        assert (after["counts"], after["cash"], after["in_kind"]) == (
            before["counts"],
            before["cash"],
            before["in_kind"],
        )
    assert summary["records"].activities == []  # counted, not loaded


@pytest.mark.parametrize("kind", ["annual", "sdg_review"])
def test_the_table_holds_every_record_behind_each_figure(busy_world, settings, kind):
    listed = keys_by_figure(context(kind)["figures"])
    summarised(settings)
    figures = context(kind)["figures"]
    header, *rows = table_of(figures)
    assert header == ["Figure", "What", "Value", "Kind of record", "Record", "Key", "Sources"]
    in_table = {figure.number: Counter() for figure in figures}
    for row in rows:
        in_table[int(row[0])][row[5]] += 1
    assert in_table == listed


def test_the_activities_figure_equals_the_activity_rows_of_the_table(busy_world, settings):
    summarised(settings)
    figures = context("annual")["figures"]
    activities = next(figure for figure in figures if figure.label == "Activities")
    rows = [row for row in table_of(figures)[1:] if row[0] == str(activities.number)]
    assert int(activities.value) == len(rows) == 4
    assert {row[3] for row in rows} == {"Activity"}


def test_the_table_names_each_records_sources_and_quotes_formula_like_text(busy_world, settings):
    summarised(settings)
    rows = table_of(context("annual")["figures"], language="de")
    tagged = next(row for row in rows if row[5] == "synthetic-march-b")
    assert tagged[4] == "'=Synthetische Formel"
    assert tagged[6] == (  # in the order of their keys, as the appendix lists them
        "Synthetic council minutes (https://example.org/minutes); "
        "Synthetic activity register (https://example.org/register)"
    )
    alone = next(row for row in rows if row[5] == "synthetic-alone")
    assert alone[6] == "keine Quelle erfasst"
    assert rows[0][:3] == ["Zahl", "Was", "Wert"]


def test_each_partnership_counts_its_activities_by_month(busy_world, settings):
    summarised(settings)
    sections = {s["partnership"].key: s for s in context("annual")["sections"]}
    twinning = sections["synthetic-twinning"]
    assert twinning["activities"] == []
    assert [(month.month, count) for month, count in twinning["activity_months"]] == [
        (3, 2),
        (11, 1),
    ]
    assert twinning["activity_total"] == 3
    assert [(m.month, n) for m, n in sections["synthetic-other"]["activity_months"]] == [(3, 1)]


def test_the_review_counts_the_activities_of_each_goal_and_target(busy_world, settings):
    summarised(settings)
    rows = {row["goal"].number: row for row in context("sdg_review")["goals"]}
    assert rows[4]["counts"]["activity"] == {"principal": 1, "significant": 1}
    target = next(e for e in rows[4]["targets"] if e["target"].code == "4.7")
    assert target["activities"] == {"principal": 1, "significant": 0}


@pytest.mark.parametrize("kind", ["annual", "sdg_review"])
def test_its_queries_do_not_grow_with_the_activities(busy_world, settings, kind):
    summarised(settings)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            found = context(kind)
            table_of(found["figures"])
        return len(queries)

    before = count()
    for day in range(1, 6):
        activity = make_activity(
            partnerships=[busy_world.partnership],
            start_date=datetime.date(2024, 5, day),
            sources=[busy_world.source],
        )
        SdgTag.objects.create(activity=activity, goal_id=4, significance="significant")
    assert count() == before


def test_the_pdf_names_its_table_and_a_report_built_twice_is_the_same(busy_world, settings):
    summarised(settings)

    def built():
        return build("annual", start=START, end=END, scope=EVERYTHING, language="en")

    first, second = built(), built()
    try:
        assert first.pdf == second.pdf
        assert first.docx == second.docx
        assert first.table.read_bytes() == second.table.read_bytes()
        text = "".join(text_of(first.pdf).split())
        assert "annual-20240101-20241231-en.csv" in text
        assert "3activitiesintheperiod,bythemonththeybegan" in text
    finally:
        first.table.unlink()
        second.table.unlink()


def test_a_period_the_report_can_list_has_no_table(busy_world):
    built = build("annual", start=START, end=END, scope=EVERYTHING, language="en")
    assert built.table is None
