"""The office's report pages (issue 18): make a report, preview it, download its files, mark it
final; who may do which."""

import io

import pytest
from docx import Document as Docx
from pypdf import PdfReader

from partnerwerk.reports.models import Report
from partnerwerk.reports.tests.world import report_world
from partnerwerk.testing import make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return report_world()


ANNUAL_2024 = {
    "kind": "annual",
    "period_start": "2024-01-01",
    "period_end": "2024-12-31",
    "language": "en",
    "outlook": "More visits in 2025.",
}


def signed_in(client, role: str, **extra):
    user = make_user(role=role, **extra)
    sign_in_with_two_factors(client, user)
    return user


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_office_makes_the_annual_report_and_downloads_its_pdf_and_docx(client, world):
    user = signed_in(client, "office")
    response = client.post("/office/reports/", ANNUAL_2024)
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.created_by, report.status, report.language) == (user, "draft", "en")
    assert report.built_at is not None
    page = client.get("/office/reports/").content.decode()
    assert "Jahresbericht über die internationalen Beziehungen" in page  # the office reads German
    assert user.username in page
    pdf = client.get(f"/office/reports/{report.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(pdf.streaming_content))
    assert "Annual report on international relations 2024" in text
    assert "More visits in 2025." in text
    docx = client.get(f"/office/reports/{report.pk}/docx/")
    assert "attachment" in docx["Content-Disposition"]
    document = Docx(io.BytesIO(b"".join(docx.streaming_content)))
    assert any(p.text == "More visits in 2025." for p in document.paragraphs)


def test_the_preview_shows_the_report_in_the_browser_in_the_chosen_language(client, world):
    signed_in(client, "viewer")
    english = client.get("/office/reports/preview/", ANNUAL_2024).content.decode()
    german = client.get("/office/reports/preview/", {**ANNUAL_2024, "language": "de"})
    assert "<h1>Annual report on international relations 2024</h1>" in english
    assert "Jahresbericht" in german.content.decode()
    assert "reports/report.css" in english


def test_a_fact_sheet_without_a_city_is_refused_with_the_field_named(client, world):
    signed_in(client, "office")
    response = client.post("/office/reports/", {**ANNUAL_2024, "kind": "fact_sheet"})
    assert response.status_code == 200
    assert "Ein Steckbrief braucht eine Partnerstadt." in response.content.decode()
    assert not Report.objects.exists()


def test_the_office_makes_an_internal_fact_sheet_with_its_notes(client, world):
    signed_in(client, "office")
    data = {**ANNUAL_2024, "kind": "fact_sheet", "place": world.partner.pk}
    client.post("/office/reports/", data)
    report = Report.objects.get()
    text = pdf_text(report.pdf.read())
    assert "Fact sheet: Synthetic Partner" in text
    assert "Synthetic internal remark" in text
    assert "Synthetic Hidden Person" in text


def test_a_draft_is_marked_final_once(client, world):
    signed_in(client, "office")
    client.post("/office/reports/", ANNUAL_2024)
    report = Report.objects.get()
    client.post(f"/office/reports/{report.pk}/finalize/")
    report.refresh_from_db()
    assert report.status == "final"
    response = client.post(f"/office/reports/{report.pk}/finalize/", follow=True)
    assert "Der Bericht ist bereits endgültig." in response.content.decode()


def test_a_viewer_reads_reports_but_makes_none(client, world):
    signed_in(client, "viewer")
    assert client.get("/office/reports/").status_code == 200
    assert client.post("/office/reports/", ANNUAL_2024).status_code == 403
    assert not Report.objects.exists()


def test_a_counterpart_may_not_see_reports_of_every_partnership(client, world):
    signed_in(client, "counterpart", partnership=world.partnership)
    assert client.get("/office/reports/").status_code == 403
    assert client.get("/office/reports/preview/", ANNUAL_2024).status_code == 403
