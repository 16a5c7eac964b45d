"""The office and a Kumasi counterpart keep one joint programme together in a real browser
(Playwright, Debian's chromium), each in their language: the office (German) adds a goal,
a measure and an indicator to the reference skeleton; the counterpart (English) fills in
the partner side, comments and enters a value; the office reads the progress and the PDF.
Every new page passes axe-core's WCAG 2.1 AA rules; screenshots are kept for review
(PARTNERWERK_SHOTS, /tmp/shots by default)."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from partnerwerk.action_programmes.models import JointProgramme, Measure, MeasureComment, Reading
from partnerwerk.actors.models import Organisation
from partnerwerk.testing import load_reference_data, make_user, sign_in_with_two_factors

SHOTS = Path(os.environ.get("PARTNERWERK_SHOTS", "/tmp/shots"))
CHROMIUM = os.environ.get("PARTNERWERK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

try:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright
except ImportError as error:  # pragma: no cover - reported by the fixture below
    IMPORT_ERROR = error
else:
    IMPORT_ERROR = None

pytestmark = pytest.mark.django_db(transaction=True)


def _session_cookie(live_server, user) -> dict:
    client = Client()
    sign_in_with_two_factors(client, user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


@pytest.fixture
def browser_pages(live_server):
    """Two signed-in pages: office staff in German, Kumasi's counterpart in English."""
    assert IMPORT_ERROR is None, f"Browser tests need Playwright and axe: {IMPORT_ERROR}"
    assert Path(CHROMIUM).exists(), f"Browser tests need Debian's chromium at {CHROMIUM}."
    load_reference_data()
    programme = JointProgramme.objects.get(partnership__key="dortmund-kumasi-climate")
    office = make_user(role="office", username="koordinatorin")
    counterpart = make_user(
        role="counterpart", partnership=programme.partnership, username="kumasi-officer"
    )
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        pages = {}
        for name, user, locale in (("office", office, "de-DE"), ("kumasi", counterpart, "en-GB")):
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
            context.add_cookies([_session_cookie(live_server, user)])
            pages[name] = context.new_page()
            pages[name].set_default_timeout(15_000)
        try:
            yield programme, pages
        finally:
            browser.close()


def _passes_axe(page) -> None:
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    violations = [
        f"{violation['id']}: {violation['help']} {[node['target'] for node in violation['nodes']]}"
        for violation in results.response["violations"]
    ]
    assert not violations, (page.url, violations)


def _save(page) -> None:
    with page.expect_navigation():
        page.click("form.office-form button[type=submit]")


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"programme-{name}.png"), full_page=True)


def test_the_office_and_a_kumasi_counterpart_keep_one_programme_together(
    browser_pages, live_server
):
    programme, pages = browser_pages
    office, kumasi = pages["office"], pages["kumasi"]
    overview = f"{live_server.url}/office/action-programmes/{programme.pk}/"
    assembly = Organisation.objects.get(key="stadtverwaltung-kumasi")

    # The office finds the programme the reference data started and adds a goal.
    office.goto(f"{live_server.url}/office/action-programmes/")
    _passes_axe(office)
    with office.expect_navigation():
        office.get_by_role("link", name=programme.title_de).click()
    assert "Handlungsfeld: Klimaanpassung" in office.locator("main").inner_text()
    _passes_axe(office)
    with office.expect_navigation():
        office.get_by_role("link", name="Ziel zu „Klimaanpassung“ hinzufügen").click()
    _passes_axe(office)
    office.fill("#id_title_de", "Schatten und Grün für Schulhöfe")
    office.select_option("#id_visibility", "public")
    _save(office)

    # ... a measure of the goal with its home side ...
    with office.expect_navigation():
        office.get_by_role(
            "link", name="Maßnahme zu „Schatten und Grün für Schulhöfe“ hinzufügen"
        ).click()
    _passes_axe(office)
    office.fill("#id_title_de", "Schulhöfe entsiegeln und begrünen")
    office.fill("#id_title_en", "Unseal and green school yards")
    office.select_option("#id_status", "in_progress")
    office.fill("#id_start_date", "2025-03-01")
    office.fill("#id_end_date", "2026-10-31")
    office.select_option("#id_visibility", "public")
    office.select_option("#id_home_organisation", label="Umweltamt")
    office.fill("#id_home_tasks_de", "Erfahrungen mit entsiegelten Schulhöfen teilen")
    _save(office)
    assert office.url.startswith(overview)
    measure = Measure.objects.get()

    # ... and an indicator with baseline and target.
    with office.expect_navigation():
        office.get_by_role(
            "link", name="Indikator zu „Schatten und Grün für Schulhöfe“ hinzufügen"
        ).click()
    office.fill("#id_title_de", "Entsiegelte Schulhöfe")
    office.fill("#id_title_en", "Unsealed school yards")
    office.fill("#id_unit_de", "Schulhöfe")
    office.fill("#id_unit_en", "school yards")
    office.fill("#id_baseline_value", "0")
    office.fill("#id_baseline_date", "2025-01-01")
    office.fill("#id_target_value", "10")
    office.fill("#id_target_date", "2027-12-31")
    _save(office)
    _shot(office, "overview-office")

    # The counterpart reads the programme in English, the German-only texts marked.
    kumasi.goto(f"{live_server.url}/en/office/action-programmes/{programme.pk}/")
    page_text = kumasi.locator("main").inner_text()
    assert "Field of action: Climate adaptation" in page_text
    assert "Shade and green for school yards" not in page_text
    assert "(German only)" in page_text
    _passes_axe(kumasi)
    with kumasi.expect_navigation():
        kumasi.get_by_role(
            "link", name="Edit and discuss the measure “Unseal and green school yards”"
        ).click()
    _passes_axe(kumasi)
    # The home side is the office's and Dortmund's: shown, not editable.
    assert kumasi.locator("#id_home_tasks_de").is_disabled()
    assert kumasi.locator("#id_title_en").is_disabled()
    kumasi.select_option("#id_partner_organisation", str(assembly.pk))
    kumasi.fill("#id_partner_tasks_en", "Choose ten school yards with the education directorate")
    kumasi.fill("#id_partner_resources_en", "Two staff of the parks department")
    _save(kumasi)
    kumasi.fill("#id_text", "The school list is ready; we start in the dry season.")
    with kumasi.expect_navigation():
        kumasi.get_by_role("button", name="Add the comment").click()
    assert "we start in the dry season" in kumasi.locator("#comments").inner_text()
    _passes_axe(kumasi)
    _shot(kumasi, "measure-kumasi")

    # ... and enters the first value.
    kumasi.goto(f"{live_server.url}/en/office/action-programmes/{programme.pk}/")
    with kumasi.expect_navigation():
        kumasi.get_by_role("link", name="Enter a value of “Unsealed school yards”").click()
    _passes_axe(kumasi)
    kumasi.fill("#id_value", "3")
    kumasi.fill("#id_measured_on", "2025-09-30")
    kumasi.fill("#id_evidence_en", "Site visits by the parks department")
    _save(kumasi)
    assert "30 % of the way from the baseline to the target" in kumasi.locator("main").inner_text()

    measure.refresh_from_db()
    assert measure.partner_organisation == assembly
    assert measure.home_tasks_de == "Erfahrungen mit entsiegelten Schulhöfen teilen"
    assert MeasureComment.objects.get().language == "en"
    assert Reading.objects.get().entered_by.username == "kumasi-officer"

    # The office reads the measure's thread, its history and the programme's progress.
    office.goto(f"{live_server.url}/office/programme-measures/{measure.pk}/")
    assert "we start in the dry season" in office.locator("#comments").inner_text()
    assert "verfasst auf Englisch" in office.locator("#comments").inner_text()
    _passes_axe(office)
    _shot(office, "measure-office")
    with office.expect_navigation():
        office.get_by_role("link", name="Historie").click()
    assert "kumasi-officer" in office.locator("main").inner_text()
    office.goto(overview)
    with office.expect_navigation():
        office.get_by_role("link", name="Fortschritt").first.click()
    progress_text = office.locator("main").inner_text()
    assert "Indikatoren und ihre Zielwerte" in progress_text
    assert "30 % des Wegs vom Ausgangswert zum Zielwert" in progress_text
    _passes_axe(office)
    _shot(office, "progress")

    # The PDF in English, fetched with the office's session.
    response = office.request.get(
        f"{live_server.url}/office/action-programmes/{programme.pk}/pdf/en/"
    )
    assert response.status == 200
    assert response.body().startswith(b"%PDF")
    (SHOTS / "programme-en.pdf").write_bytes(response.body())

    # The public page shows the public goal and measure with its state.
    office.goto(f"{live_server.url}/en/partnerships/dortmund-kumasi-climate/")
    public = office.locator("section.joint-programme").inner_text()
    assert "Unseal and green school yards" in public and "in progress" in public
    _shot(office, "portal")
