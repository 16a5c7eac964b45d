"""A coordinator enters money in a real browser (Playwright, Debian's chromium): a budget and
a transaction in Ghanaian cedi with its exchange rate and date on the Kumasi climate
project's page, then reads the totals in euros. The pages pass axe-core's WCAG 2.1 AA rules;
a screenshot of the project page is kept for review (PARTNERWERK_SHOTS, /tmp/shots by
default)."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from partnerwerk.partnerships.models import Partnership
from partnerwerk.projects.models import Budget, Project, Transaction
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


@pytest.fixture
def coordinator_page(live_server):
    assert IMPORT_ERROR is None, f"Browser tests need Playwright and axe: {IMPORT_ERROR}"
    assert Path(CHROMIUM).exists(), f"Browser tests need Debian's chromium at {CHROMIUM}."

    load_reference_data()
    client = Client()
    sign_in_with_two_factors(client, make_user(role="office", username="koordinatorin"))
    cookie = {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
        context.add_cookies([cookie])
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            yield page
        finally:
            context.close()
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


def test_a_coordinator_enters_a_budget_and_a_cedi_transaction_and_reads_the_euro_totals(
    coordinator_page, live_server
):
    page = coordinator_page
    partnership = Partnership.objects.get(key="dortmund-kumasi-climate")
    project = Project.objects.filter(partnerships=partnership).first()
    project_url = f"{live_server.url}/office/projects/{project.pk}/"

    page.goto(project_url)
    with page.expect_navigation():
        page.get_by_role("link", name="Budget hinzufügen").click()
    _passes_axe(page)
    page.select_option("#id_kind", label="ursprünglich")
    page.select_option("#id_status", label="zugesagt")
    page.fill("#id_period_start", "2025-01-01")
    page.fill("#id_period_end", "2025-12-31")
    page.fill("#id_amount", "24000")
    page.select_option("#id_currency", "EUR")
    with page.expect_navigation():
        page.click("form.office-form button[type=submit]")
    assert page.url == project_url + "#money"

    with page.expect_navigation():
        page.get_by_role("link", name="Buchung hinzufügen").click()
    page.select_option("#id_kind", label="Ausgabe")
    page.fill("#id_date", "2025-04-03")
    page.fill("#id_amount", "1250")
    page.select_option("#id_currency", label="Ghanaischer Cedi (GHS)")
    page.fill("#id_exchange_rate", "12.5")
    page.fill("#id_value_date", "2025-04-03")
    page.fill("#id_description_de", "Saatgut für die Schulgärten")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("form.office-form").screenshot(path=str(SHOTS / "money-transaction-form.png"))
    with page.expect_navigation():
        page.click("form.office-form button[type=submit]")

    money = page.locator("#money")
    totals = money.locator("table.money-totals")
    assert "24.000,00 €" in totals.inner_text()
    assert "100,00 €" in totals.locator("tr", has_text="Ausgabe").inner_text()
    transactions = money.locator("table[aria-labelledby=transactions-heading]").inner_text()
    assert "1.250,00 GHS" in transactions
    assert "1 EUR = 12,5 GHS (03.04.2025)" in transactions
    assert Budget.objects.get(project=project).amount_in_euros == 24000
    assert Transaction.objects.get(project=project, kind="expenditure").amount_eur == 100
    _passes_axe(page)
    money.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "money-project.png"), full_page=True)
    money.screenshot(path=str(SHOTS / "money-section.png"))

    # Deleting asks first, naming the record.
    with page.expect_navigation():
        money.get_by_role("link", name="Löschen").first.click()
    assert "Diesen Eintrag löschen?" in page.locator("h1").inner_text()
    _passes_axe(page)
    page.screenshot(path=str(SHOTS / "money-delete.png"))
    with page.expect_navigation():
        page.get_by_role("link", name="Nein, behalten").click()
    assert Budget.objects.filter(project=project).exists()
