"""The build of a report records how far it has come (issue 18: large reports run in the
background with progress shown); the stages are read back from the database as the build
passes them."""

import pytest

from partnerwerk.reports import rendering
from partnerwerk.reports.models import Report
from partnerwerk.reports.services import report_build_files, report_request
from partnerwerk.reports.tests.world import END, START
from partnerwerk.testing import make_user


def asked(kind="annual"):
    return report_request(
        actor=make_user(role="office"),
        kind=kind,
        period_start=START,
        period_end=END,
        language="de",
    )


def saved_stage_during(monkeypatch, name: str, report: Report, seen: list) -> None:
    """Before rendering's `name` runs, note the stage the database holds for `report`."""
    original = getattr(rendering, name)

    def watched(*args, **kwargs):
        seen.append(Report.objects.get(pk=report.pk).stage)
        return original(*args, **kwargs)

    monkeypatch.setattr(rendering, name, watched)


def test_a_report_asked_for_waits_to_be_built(world):
    report = asked()
    assert (report.stage, report.progress, report.is_building) == ("queued", 0, True)


def test_the_build_records_its_stages_in_order_and_ends_done(world, monkeypatch):
    report = asked()
    seen = []
    for name in ("report_context", "report_pdf", "html_to_docx"):
        saved_stage_during(monkeypatch, name, report, seen)
    report_build_files(report=report)
    report.refresh_from_db()
    assert seen == ["gathering", "printing", "writing"]
    assert (report.stage, report.progress, report.is_building) == ("done", 100, False)
    assert report.history.first().stage == "done"


def test_the_progress_grows_with_each_stage(world):
    report = asked()
    figures = []
    for stage in ("queued", "gathering", "printing", "writing", "done"):
        report.stage = stage
        figures.append(report.progress)
    assert figures == sorted(figures) and figures[0] == 0 and figures[-1] == 100


def test_a_failed_build_records_the_failed_stage_and_its_error(world, monkeypatch):
    report = asked()

    def broken(html, **kwargs):
        raise RuntimeError("the printer ran out of fonts")

    monkeypatch.setattr(rendering, "report_pdf", broken)
    with pytest.raises(RuntimeError):
        report_build_files(report=report)
    report.refresh_from_db()
    assert (report.stage, report.is_building) == ("failed", False)
    assert report.build_error == "the printer ran out of fonts"
    assert report.built_at is None and not report.pdf
