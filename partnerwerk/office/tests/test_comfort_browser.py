"""Everyday comfort in a real browser (issue 14, item 7): office staff find a partnership in
the project form's multiple choice by typing part of its name, choose it, remove and choose
it again, and save; the form with the open list, the dashboard and a sorted list pass
axe-core's WCAG 2.1 AA rules and break no rule of the Content Security Policy.

Debian's chromium through Playwright, on the Dortmund reference data served by a live server
(as in test_accessibility.py). Set PARTNERWERK_SHOTS to a folder to keep screenshots."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from partnerwerk.office.tests.test_accessibility import (
    CHROMIUM,
    CHROMIUM_ARGS,
    IMPORT_ERROR,
    WCAG_TAGS,
    _format,
)
from partnerwerk.office.tests.test_place_picker_browser import TOM_SELECT
from partnerwerk.partnerships.models import Partnership
from partnerwerk.projects.models import Project
from partnerwerk.testing import load_reference_data, make_user, sign_in_with_two_factors

SHOTS = os.environ.get("PARTNERWERK_SHOTS", "")

pytestmark = pytest.mark.django_db(transaction=True)

if IMPORT_ERROR is None:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import expect, sync_playwright


@pytest.fixture
def site(live_server):
    load_reference_data()
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
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": site}])
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.errors = []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        yield page
        browser.close()


def _shot(page, name: str, *, full_page: bool = False) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"comfort-{name}.png"), full_page=full_page)


def _axe(page) -> None:
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    assert results.response["passes"], "axe-core did not run any rule"
    assert not results.response["violations"], _format(results.response["violations"])


def _open_dropdown(page, name: str) -> None:
    """Tom Select may close its list when focus moves between two selects on a busy machine;
    ArrowDown opens a closed list without choosing anything."""
    dropdown = page.locator(f"#id_{name}-ts-dropdown")
    if not dropdown.is_visible():
        page.locator(f"#id_{name}-ts-control").press("ArrowDown")
    expect(dropdown).to_be_visible()


def _chosen(page, field: str) -> list[str]:
    items = page.locator(f".ts-control:has(#id_{field}-ts-control) > .item")
    return [" ".join(text.replace("×", "").split()) for text in items.all_inner_texts()]


def test_office_staff_find_a_partnership_by_typing_part_of_its_name_and_save(page, site):
    kumasi = Partnership.objects.get(key="dortmund-kumasi-climate")
    # The page speaks German; the name is read in German, whatever an earlier test activated.
    with translation.override("de"):
        kumasi_name = str(kumasi)
    page.goto(site + "/office/projects/new/")
    control = page.locator("#id_partnerships-ts-control")
    control.click()
    control.press_sequentially("Kum", delay=60)
    options = page.locator("#id_partnerships-ts-dropdown .option")
    expect(options.filter(has_not_text="Kumasi")).to_have_count(0)  # the search has narrowed
    found = [" ".join(text.split()) for text in options.all_inner_texts()]
    assert found and all("Kumasi" in text for text in found), found
    assert kumasi_name in found
    _shot(page, "multi-select-search")
    _axe(page)  # the form with the open list of choices

    options.filter(has_text=kumasi_name).first.click()
    assert _chosen(page, "partnerships") == [kumasi_name]
    # The cross beside an entry removes it; the entry can be chosen again.
    page.locator(".ts-wrapper:has(#id_partnerships-ts-control) .multi-select-remove").click()
    assert _chosen(page, "partnerships") == []
    control.click()
    control.press_sequentially("Klima", delay=60)
    _open_dropdown(page, "partnerships")
    page.locator("#id_partnerships-ts-dropdown .option", has_text=kumasi_name).first.click()
    page.keyboard.press("Escape")

    themes = page.locator("#id_themes-ts-control")
    themes.click()
    themes.press_sequentially("Klima", delay=60)
    _open_dropdown(page, "themes")
    page.locator("#id_themes-ts-dropdown .option").first.click()
    page.keyboard.press("Escape")
    page.fill("#id_title_de", "Klimaschutz mit Kumasi")
    page.select_option("#id_status", "planned")
    page.locator("#id_partnerships-ts-control").evaluate(
        "element => element.scrollIntoView({block: 'center'})"
    )
    _shot(page, "multi-select-chosen")
    _axe(page)
    page.locator("form.office-form button[type=submit]").click()
    # Saving writes the project, its links and its history: slow on a busy machine.
    page.wait_for_url(re.compile(r"/office/projects/\d+/$"), timeout=45_000)
    project = Project.objects.get(title_de="Klimaschutz mit Kumasi")
    assert list(project.partnerships.all()) == [kumasi]
    assert project.themes.count() == 1
    assert not page.errors, page.errors


def test_the_dashboard_and_a_sorted_list_read_well_and_pass_axe(page, site):
    page.goto(site + "/office/")
    page.wait_for_selector("section.quick-actions")
    assert page.locator("section.record-counts li").first.inner_text().endswith("Partnerschaften")
    _shot(page, "dashboard", full_page=True)
    _axe(page)

    page.goto(site + "/office/partnerships/?sort=-name")
    header = page.locator("table.records th[aria-sort]")
    assert header.get_attribute("aria-sort") == "descending"
    _shot(page, "sorted-list", full_page=True)
    _axe(page)
    # The header sorts the other way round, the search and the filters kept.
    page.fill("#list-q", "a")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url(re.compile(r"[?&]q=a(&|$)"))
    assert "sort=-name" in page.url
    header.locator("a").click()
    page.wait_for_url(re.compile(r"[?&]sort=name(&|$)"))
    assert "q=a" in page.url
    assert page.locator("table.records th[aria-sort]").get_attribute("aria-sort") == "ascending"
    assert not page.errors, page.errors
