"""The portal in a real browser: every kind of page in German and English passes axe-core's
WCAG 2.0/2.1 A and AA rules, the index and the map work by keyboard alone, and no request
leaves this machine.

Debian's chromium (never a downloaded browser) is driven through Playwright; axe-core comes
bundled with axe-playwright-python. The pages show the real Dortmund reference data, loaded
once for the module and served by one live server; one browser serves all tests.
"""

import json
import os
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings

from partnerwerk.exchange.reference.loader import load_reference
from partnerwerk.sdg.models import Goal, Indicator, Target
from partnerwerk.sdg.texts import load_sdg_texts

CHROMIUM = os.environ.get("PARTNERWERK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VENDOR = Path(settings.BASE_DIR) / "partnerwerk" / "static" / "vendor" / "leaflet" / "leaflet.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
KUMASI = 2298890

# Every kind of page, with a record from the reference data where the page needs one.
DORTMUND = 2935517
PAGES = {
    "home": ("", 200),
    "partnerships-filtered": ("partnerships/?kind=climate&sort=name", 200),
    "city-kumasi": (f"cities/{KUMASI}/", 200),
    "partnership-kumasi-climate": ("partnerships/dortmund-kumasi-climate/", 200),
    "project": ("projects/kumasi-climate-adaptation-peer-to-peer/", 200),
    "activity": ("activities/kumasi-delegation-visit-dortmund-climate/", 200),
    "activity-timeline": ("activities/", 200),
    "activity-timeline-filtered": (
        "activities/?kind=delegation_visit&partnership=dortmund-kumasi-twinning&year=2024",
        200,
    ),
    "sdg-goal": ("sdg/11/", 200),
    "sdg-overview": ("sdg/", 200),
    "registry": ("registry/", 200),
    "registry-city-kumasi": (f"registry/cities/{KUMASI}/", 200),
    "registry-network": (f"registry/cities/{KUMASI}/network/", 200),
    "registry-common": (f"registry/common/?first={DORTMUND}&second={KUMASI}", 200),
    "registry-country-pair": ("registry/countries/DE/GH/", 200),
    "registry-relations": ("registry/relations/?country=DE", 200),
    "contact": ("contact/", 200),
    "imprint": ("imprint/", 200),
    "privacy": ("privacy/", 200),
    "accessibility-statement": ("accessibility/", 200),
    "not-found": ("no-such-page/", 404),
}
LANGUAGES = {"de": "/", "en": "/en/"}

pytestmark = pytest.mark.django_db(transaction=True)

try:  # Imported here so a missing package fails the tests with a clear message.
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright
except ImportError as error:  # pragma: no cover - reported by the fixture below
    IMPORT_ERROR = error
else:
    IMPORT_ERROR = None


@pytest.fixture
def site(live_server):
    """The live server on the real reference data. The test runs in a transaction-less test
    database (the server thread must see the data), so the SDG goals from the data migration
    may have been flushed by an earlier test: they are put back first."""
    if not Goal.objects.exists():
        load_sdg_texts(Goal, Target, Indicator)
    load_reference(settings.PARTNERWERK_REFERENCE_DIR)
    return live_server.url


@pytest.fixture(scope="module")
def browser(django_db_setup):
    assert IMPORT_ERROR is None, f"Browser tests need Playwright and axe: {IMPORT_ERROR}"
    assert Path(CHROMIUM).exists(), (
        f"Browser tests need Debian's chromium at {CHROMIUM} (make test installs it)."
    )
    assert VENDOR.exists(), "The front-end files are missing: run `npm ci && npm run vendor`."
    # Playwright's sync API keeps an asyncio loop in this thread, which Django takes for an
    # async context; the ORM calls of the tests run while that loop is idle, so they are safe.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def requests_seen():
    """Every URL any page of this module asked for, across all tests."""
    return []


@pytest.fixture
def page(browser, requests_seen, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.on("request", lambda request: requests_seen.append(request.url))
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.console_errors = errors
    yield page
    context.close()


def _format(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['html'][:160]}")
            lines.append(f"      {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_every_page_passes_axe_wcag_21_aa(page, site, name, language):
    path, status = PAGES[name]
    url = site + LANGUAGES[language] + path
    response = page.goto(url, wait_until="load")
    assert response.status == status, url
    assert page.locator("html").get_attribute("lang") == language
    if name in ("home", "city-kumasi", "registry-city-kumasi"):  # axe sees the map's markers
        page.wait_for_selector(".partner-marker")
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    violations = results.response["violations"]
    assert results.response["passes"], "axe-core did not run any rule"
    assert not violations, f"{url}:\n{_format(violations)}"
    assert not [e for e in page.console_errors if "Content Security Policy" in e], (
        page.console_errors
    )


def _tab_to(page, selector: str, limit: int = 80):
    """Press Tab until the focused element matches the selector; return its handle."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return page.evaluate_handle("document.activeElement")
    raise AssertionError(f"{limit} presses of Tab did not reach {selector}")


def _focus_is_visible(page) -> bool:
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            if (!element.matches(':focus-visible')) return false;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
                && box.width > 0 && box.height > 0;
        }"""
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_index_can_be_searched_and_filtered_by_keyboard(page, site, language):
    base = site + LANGUAGES[language] + "partnerships/"
    page.goto(base)

    _tab_to(page, "#search-q")
    assert _focus_is_visible(page)
    page.keyboard.type("Kumasi")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert parse_qs(urlsplit(page.url).query)["q"] == ["Kumasi"]
    assert page.locator(".results .cards a", has_text="Kumasi").count() >= 1

    page.goto(base)
    _tab_to(page, ".facets a[href*='kind=climate']")
    assert _focus_is_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert parse_qs(urlsplit(page.url).query)["kind"] == ["climate"]
    chosen = page.locator(".facets a.selected[aria-current='true']")
    assert chosen.count() == 1

    # The chosen filter can be removed by keyboard as well.
    _tab_to(page, ".facets a.selected")
    assert _focus_is_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "kind" not in parse_qs(urlsplit(page.url).query)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_opens_a_city_by_keyboard(page, site, language):
    page.goto(site + LANGUAGES[language])
    page.wait_for_selector(".partner-marker")
    targets = page.locator(".partner-marker, .home-marker, .map-cluster")
    assert targets.count() >= 4
    for index in range(targets.count()):
        target = targets.nth(index)
        assert target.get_attribute("tabindex") == "0"
        assert target.get_attribute("aria-label")
        box = target.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24  # WCAG 2.5.8 target size
    # Every partner city is on the map, each with its partnerships in words (some in clusters).
    cities = json.loads(page.locator("#map-data").text_content())["cities"]
    assert len(cities) >= 10
    kumasi = next(city for city in cities if city["name"] == "Kumasi")
    if language == "en":
        assert kumasi["label"].startswith("climate partnership (active)")
    assert page.locator(".leaflet-container").count() == 1

    marker = _tab_to(page, ".partner-marker")
    assert _focus_is_visible(page)
    label = marker.get_attribute("aria-label")
    city = label.split(":")[0]
    page.keyboard.press("Enter")
    link = page.locator(".leaflet-popup-content a")
    link.wait_for()
    assert link.inner_text() == city
    assert "/cities/" in link.get_attribute("href")

    # The focus moves into the popup; Escape closes it and returns to the marker.
    focused = ".leaflet-popup-content a"
    page.wait_for_function("(s) => document.activeElement.matches(s)", arg=focused)
    page.keyboard.press("Escape")
    link.wait_for(state="detached")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == label

    # Opened again, the link is followed with Enter.
    page.keyboard.press("Enter")
    page.wait_for_function("(s) => document.activeElement.matches(s)", arg=focused)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/cities/" in page.url
    assert city in page.locator("h1").inner_text()


def test_a_cluster_of_nearby_cities_opens_by_keyboard(page, site):
    page.goto(site + "/en/")
    page.wait_for_selector(".map-cluster")
    cluster = _tab_to(page, ".map-cluster")
    count = int(cluster.inner_text())
    assert "press Enter to zoom in" in cluster.get_attribute("aria-label")
    page.keyboard.press("Enter")
    # The map zooms in and the focus moves to a place (or smaller cluster) that was inside.
    page.wait_for_function(
        """(count) => {
            const element = document.activeElement;
            if (element.matches('.partner-marker, .home-marker')) return true;
            return element.matches('.map-cluster') && Number(element.textContent) < count;
        }""",
        arg=count,
    )
    assert _focus_is_visible(page)


def test_no_request_leaves_this_machine(page, site, requests_seen):
    """Visits every page once more (so this holds when run alone) and checks every request any
    test of this module made."""
    for language, prefix in LANGUAGES.items():
        for path, _status in PAGES.values():
            page.goto(site + prefix + path, wait_until="load")
        page.goto(site + prefix)
        page.wait_for_selector(".partner-marker")
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == language
    assert len(requests_seen) > 2 * len(PAGES)
    foreign = sorted(
        {
            url
            for url in requests_seen
            if not url.startswith(("data:", "blob:")) and urlsplit(url).hostname not in LOCAL_HOSTS
        }
    )
    assert not foreign, f"Requests to other hosts: {foreign}"
