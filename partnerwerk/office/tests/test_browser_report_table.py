"""A report of more activities than it lists, in a real browser (Playwright, Debian's
chromium): the office builds the 2024 annual report of the reference data in summary mode,
finds "Table of the records (CSV)" beside the PDF and DOCX in its list, and downloads the
table under the name the PDF gives it. The list passes axe-core's WCAG 2.1 AA rules."""

import csv

import pytest

from partnerwerk.office.tests.test_browser_action_programmes import _passes_axe
from partnerwerk.office.tests.test_browser_reports import _shot, office_page  # noqa: F401
from partnerwerk.reports.models import Report

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_office_downloads_the_table_of_a_summarised_report(
    office_page,  # noqa: F811
    live_server,
    settings,
):
    settings.PARTNERWERK_REPORT_LISTED_ACTIVITIES = 0  # every activity is one too many
    page = office_page
    page.goto(f"{live_server.url}/office/reports/")
    page.select_option("#id_kind", "annual")
    page.fill("#id_period_start", "2024-01-01")
    page.fill("#id_period_end", "2024-12-31")
    page.select_option("#id_language", "de")
    with page.expect_navigation():
        page.get_by_role("button", name="PDF und DOCX erstellen").click()
    page.reload()
    link = page.get_by_role("link", name="Tabelle der Datensätze (CSV)")
    assert link.count() == 1
    _passes_axe(page)
    _shot(page, "list-with-table")
    report = Report.objects.get()
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "annual-20240101-20241231-de.csv"
    with open(download.value.path(), encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:3] == ["Zahl", "Was", "Wert"]
    assert report.table.name.endswith(".csv")
    assert any(row[1] == "Aktivitäten" for row in rows[1:])
