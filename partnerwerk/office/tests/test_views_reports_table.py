"""The office's reports page offers the table of the records behind a summarised report's
figures (decision 0035), under the name its PDF gives it."""

import csv
import datetime
import io

import pytest

from partnerwerk.office.tests.test_views_reports import ANNUAL_2024, pdf_text, signed_in
from partnerwerk.reports.models import Report
from partnerwerk.reports.tests.world import report_world
from partnerwerk.testing import make_activity

pytestmark = pytest.mark.django_db

TABLE_NAME = "annual-20240101-20241231-en.csv"


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PARTNERWERK_REPORT_LISTED_ACTIVITIES = 1  # more than a report lists
    world = report_world()
    make_activity(
        key="synthetic-spring",
        partnerships=[world.partnership],
        start_date=datetime.date(2024, 4, 2),
    )
    return world


def test_the_office_downloads_the_table_its_pdf_names(client, world):
    signed_in(client, "office")
    client.post("/office/reports/", ANNUAL_2024)
    report = Report.objects.get()
    assert report.table.name.endswith(".csv")
    page = client.get("/office/reports/").content.decode()
    assert f"/office/reports/{report.pk}/table/" in page
    assert "Tabelle der Datensätze (CSV)" in page
    pdf = client.get(f"/office/reports/{report.pk}/pdf/")
    assert TABLE_NAME in "".join(pdf_text(b"".join(pdf.streaming_content)).split())
    table = client.get(f"/office/reports/{report.pk}/table/")
    assert table["Content-Type"] == "text/csv; charset=utf-8"
    assert f'attachment; filename="{TABLE_NAME}"' == table["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(table.streaming_content).decode())))
    assert rows[0][:3] == ["Figure", "What", "Value"]
    assert {"synthetic-visit", "synthetic-spring"} <= {row[5] for row in rows}


def test_a_report_the_pdf_can_list_offers_no_table(client, world, settings):
    settings.PARTNERWERK_REPORT_LISTED_ACTIVITIES = 300
    signed_in(client, "office")
    client.post("/office/reports/", ANNUAL_2024)
    report = Report.objects.get()
    assert not report.table
    assert "/table/" not in client.get("/office/reports/").content.decode()
    assert client.get(f"/office/reports/{report.pk}/table/").status_code == 404


def test_a_viewer_downloads_the_table_but_a_counterpart_does_not(client, world):
    signed_in(client, "office")
    client.post("/office/reports/", ANNUAL_2024)
    report = Report.objects.get()
    client.logout()
    signed_in(client, "viewer")
    assert client.get(f"/office/reports/{report.pk}/table/").status_code == 200
    client.logout()
    signed_in(client, "counterpart", partnership=world.partnership)
    assert client.get(f"/office/reports/{report.pk}/table/").status_code == 403
