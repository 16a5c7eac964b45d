"""The place picker in a real browser: office staff type "Kum" in the partnership form, pick
Kumasi from the list (country and population beside each name) and save; a citizen compares
two cities on the portal by their names. The open list passes axe-core's WCAG 2.1 AA rules
and breaks no rule of the Content Security Policy.

Debian's chromium through Playwright, on the Dortmund reference data served by a live server
(as in test_accessibility.py). Set PARTNERWERK_SHOTS to a folder to keep screenshots."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from partnerwerk.exchange.reference.loader import load_reference
from partnerwerk.office.tests.test_accessibility import (
    CHROMIUM,
    CHROMIUM_ARGS,
    IMPORT_ERROR,
    WCAG_TAGS,
    _format,
)
from partnerwerk.partnerships.models import Partnership
from partnerwerk.sdg.models import Goal, Indicator, Target
from partnerwerk.sdg.texts import load_sdg_texts
from partnerwerk.testing import make_user, sign_in_with_two_factors

TOM_SELECT = (
    Path(settings.BASE_DIR)
    / "partnerwerk"
    / "static"
    / "vendor"
    / "tom-select"
    / "tom-select.base.min.js"
)
SHOTS = os.environ.get("PARTNERWERK_SHOTS", "")
KUMASI = 2298890

pytestmark = pytest.mark.django_db(transaction=True)

if IMPORT_ERROR is None:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright


@pytest.fixture
def site(live_server):
    if not Goal.objects.exists():
        load_sdg_texts(Goal, Target, Indicator)
    load_reference(settings.PARTNERWERK_REFERENCE_DIR)
    return live_server.url


@pytest.fixture
def page(site):
    assert IMPORT_ERROR is None, f"Browser tests need Playwright and axe: {IMPORT_ERROR}"
    assert Path(CHROMIUM).exists(), f"Browser tests need Debian's chromium at {CHROMIUM}."
    assert TOM_SELECT.exists(), "The front-end files are missing: run `npm ci && npm run vendor`."
    client = Client()
    sign_in_with_two_factors(client, make_user(role="office", username="olga"))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 1100, "height": 800})
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": site}])
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.errors = []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        yield page
        browser.close()


def _shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"places-{name}.png"), full_page=False)


def _axe(page) -> None:
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    assert results.response["passes"], "axe-core did not run any rule"
    assert not results.response["violations"], _format(results.response["violations"])


def _pick(page, field: str, typed: str, option: str) -> None:
    control = page.locator(f"#id_{field}-ts-control")
    control.click()
    control.press_sequentially(typed, delay=60)
    choice = page.locator(".ts-dropdown.single .option", has_text=option).first
    choice.wait_for()
    return choice


def test_office_staff_find_kumasi_by_typing_kum_and_save_the_partnership(page, site):
    page.goto(site + "/office/partnerships/new/")
    page.wait_for_selector("#id_partner-ts-control")
    choice = _pick(page, "partner", "Kum", "Kumasi, Ghana")
    assert "Einwohner" in choice.inner_text()  # the population tells namesakes apart
    _shot(page, "office-kum")
    _axe(page)
    choice.click()
    _pick(page, "home", "Dortm", "Dortmund, Deutschland").click()
    page.fill("#id_key", "dortmund-kumasi-picked")
    page.select_option("#id_kind", "friendship")
    _shot(page, "office-chosen")
    with page.expect_navigation(timeout=45_000):
        page.locator("form.office-form button[type=submit]").click()
    assert "/new/" not in page.url
    partnership = Partnership.objects.get(key="dortmund-kumasi-picked")
    assert partnership.partner.geonames_id == KUMASI
    assert partnership.home.name == "Dortmund"
    assert not page.errors, page.errors


def test_a_citizen_compares_two_cities_by_their_names(page, site):
    page.goto(site + "/registry/common/")
    page.wait_for_selector("#id_first-ts-control")
    _pick(page, "first", "Dortm", "Dortmund, Deutschland").click()
    _pick(page, "second", "Kum", "Kumasi, Ghana")
    _shot(page, "portal-compare")
    _axe(page)
    page.locator(".ts-dropdown.single .option", has_text="Kumasi, Ghana").first.click()
    page.locator("form.place-form button[type=submit]").click()
    page.wait_for_selector("h1:has-text('Dortmund und Kumasi')")
    assert "second=2298890" in page.url
    _shot(page, "portal-compared")
    assert not page.errors, page.errors
