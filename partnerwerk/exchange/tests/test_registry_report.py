"""The registry import's report file (moved with the writer from registry/tests)."""

import csv

import pytest

from partnerwerk.exchange.registry_report import write_import_report
from partnerwerk.registry.services import twin_cities_import
from partnerwerk.registry.tests.conftest import EXCERPT


@pytest.fixture
def imported(db, tmp_path):
    """The excerpt of the real twin-cities file, imported, its report written."""
    report = twin_cities_import(path=EXCERPT)
    write_import_report(report, tmp_path / "report.csv")
    return report


def test_import_writes_a_report_line_for_every_row(imported, tmp_path):
    with (tmp_path / "report.csv").open(encoding="utf-8") as file:
        lines = list(csv.DictReader(file))
    assert len(lines) == imported.rows == 84
    outcomes = {line["outcome"] for line in lines}
    assert {"created", "merged"} <= outcomes
    assert all(line["relation"] for line in lines if line["outcome"] == "created")
