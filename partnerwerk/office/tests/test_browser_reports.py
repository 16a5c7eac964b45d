"""The office makes the 2024 annual report and a Kumasi fact sheet in a real browser
(Playwright, Debian's chromium), on the reference data: chooses the report, the period and
the language, previews it, builds it, finds it in the list with who made it, downloads the PDF
and marks it final. Every page passes axe-core's WCAG 2.1 AA rules; screenshots are kept for
review (PARTNERWERK_SHOTS, /tmp/shots by default)."""

import io

import pytest
from pypdf import PdfReader

from partnerwerk.office.tests.test_browser_action_programmes import (
    CHROMIUM,
    CHROMIUM_ARGS,
    IMPORT_ERROR,
    SHOTS,
    _passes_axe,
    _session_cookie,
)
from partnerwerk.reports.models import Report
from partnerwerk.testing import load_reference_data, make_user

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - reported by the fixture below
    sync_playwright = None

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def office_page(live_server, settings, tmp_path):
    assert IMPORT_ERROR is None, f"Browser tests need Playwright and axe: {IMPORT_ERROR}"
    settings.MEDIA_ROOT = tmp_path / "media"
    load_reference_data()
    office = make_user(role="office", username="koordinatorin")
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
        context.add_cookies([_session_cookie(live_server, office)])
        page = context.new_page()
        page.set_default_timeout(30_000)
        try:
            yield page
        finally:
            browser.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"reports-{name}.png"), full_page=True)


def test_the_office_makes_the_2024_annual_report_and_a_kumasi_fact_sheet(office_page, live_server):
    page = office_page
    page.goto(f"{live_server.url}/office/")
    with page.expect_navigation():
        page.get_by_role("link", name="Berichte").first.click()
    _passes_axe(page)
    page.select_option("#id_kind", "annual")
    page.fill("#id_period_start", "2024-01-01")
    page.fill("#id_period_end", "2024-12-31")
    page.select_option("#id_language", "en")
    page.fill("#id_outlook", "In 2025 the office prepares the first exchange of trainees.")

    # The preview opens in a new tab, in English.
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Vorschau im Browser").click()
    preview = opened.value
    preview.wait_for_load_state()
    assert "Annual report on international relations 2024" in preview.locator("h1").inner_text()
    assert "first exchange of trainees" in preview.locator("body").inner_text()
    _shot(preview, "preview")
    preview.close()

    with page.expect_navigation():
        page.get_by_role("button", name="PDF und DOCX erstellen").click()
    assert "Der Bericht wird erstellt." in page.locator("main").inner_text()
    # Kumasi's fact sheet, public facts only, in German.
    page.select_option("#id_kind", "fact_sheet")
    page.select_option("#id_place", label="Kumasi")
    page.select_option("#id_language", "de")
    page.check("#id_public_only")
    with page.expect_navigation():
        page.get_by_role("button", name="PDF und DOCX erstellen").click()
    page.reload()
    table = page.locator("table.reports").inner_text()
    assert "Steckbrief einer Partnerstadt: Kumasi (nur öffentliche Angaben)" in table
    assert "Jahresbericht über die internationalen Beziehungen" in table
    assert table.count("koordinatorin") == 2 and table.count("Entwurf") == 2
    _passes_axe(page)
    _shot(page, "list")

    annual = Report.objects.get(kind="annual")
    with page.expect_download() as download:
        page.locator(f"a[href='/office/reports/{annual.pk}/docx/']").click()
    assert download.value.suggested_filename.endswith("-en.docx")
    response = page.request.get(f"{live_server.url}/office/reports/{annual.pk}/pdf/")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert "Annual report on international relations 2024" in text

    with page.expect_navigation():
        page.get_by_role("button", name="Als endgültig markieren").first.click()
    assert "Der Bericht ist endgültig." in page.locator("main").inner_text()
    assert Report.objects.filter(status="final").count() == 1
