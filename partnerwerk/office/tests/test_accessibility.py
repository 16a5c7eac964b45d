"""The office in a real browser: every kind of office page, signed in with two factors, in
German and English passes axe-core's WCAG 2.0/2.1 A and AA rules, loads nothing from other
hosts and breaks no rule of the Content Security Policy (htmx included).

Like the portal's browser tests (portal/tests/test_accessibility.py) this drives Debian's
chromium through Playwright, on the Dortmund reference data served by a live server.
"""

import datetime
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

from partnerwerk.actors.models import Organisation, Person
from partnerwerk.exchange.reference.loader import load_reference
from partnerwerk.partnerships.models import Partnership
from partnerwerk.partnerships.services import step_propose
from partnerwerk.projects.models import Activity, Project
from partnerwerk.sdg.models import Goal, Indicator, Target
from partnerwerk.sdg.texts import load_sdg_texts
from partnerwerk.testing import make_user, sign_in_with_two_factors

CHROMIUM = os.environ.get("PARTNERWERK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
]
HTMX = Path(settings.BASE_DIR) / "partnerwerk" / "static" / "vendor" / "htmx" / "htmx.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = {"de": "/", "en": "/en/"}

pytestmark = pytest.mark.django_db(transaction=True)

try:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright
except ImportError as error:  # pragma: no cover - reported by the fixture below
    IMPORT_ERROR = error
else:
    IMPORT_ERROR = None


def _pages() -> dict[str, str]:
    partnership = Partnership.objects.get(key="dortmund-kumasi-climate")
    project = Project.objects.filter(partnerships=partnership).first()
    activity = Activity.objects.filter(partnerships=partnership).first()
    return {
        "dashboard": "office/",
        "partnership-list": "office/partnerships/?kind=climate",
        "partnership-edit": f"office/partnerships/{partnership.pk}/",
        "step-new": f"office/steps/new/?partnership={partnership.pk}",
        "step-list": "office/steps/?q=Kumasi",
        "partnership-list-registry": "office/partnerships/?origin=registry",
        "calendar-list": "office/calendar/list/",
        "project-list": "office/projects/?q=Kumasi",
        "project-edit": f"office/projects/{project.pk}/",
        "project-history": f"office/projects/{project.pk}/history/",
        "activity-edit": f"office/activities/{activity.pk}/",
        "activity-new": f"office/activities/new/?partnership={partnership.pk}",
        "document-new": "office/documents/new/",
        "organisation-list": "office/organisations/",
        "organisation-edit": f"office/organisations/{Organisation.objects.first().pk}/",
        "person-edit": f"office/people/{Person.objects.first().pk}/",
        "trash": "office/trash/",
        "retention": "office/people/retention/",
        "users": "office/users/",
        "open-data": "office/open-data/",
        "import": "office/open-data/import/",
        "prepared-exports": "office/open-data/prepared/",
    }


@pytest.fixture
def site(live_server):
    if not Goal.objects.exists():
        load_sdg_texts(Goal, Target, Indicator)
    load_reference(settings.PARTNERWERK_REFERENCE_DIR)
    return live_server.url


@pytest.fixture
def office_cookie(site):
    """A session signed in with two factors as office staff, as a browser cookie."""
    user = make_user(role="office", username="olga")
    step_propose(
        actor=user,
        partnership=Partnership.objects.get(key="dortmund-kumasi-climate"),
        kind="visit",
        on=datetime.date(2025, 3, 1),
    )
    client = Client()
    sign_in_with_two_factors(client, user)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"name": settings.SESSION_COOKIE_NAME, "value": value, "url": site}


@pytest.fixture(scope="module")
def browser(django_db_setup):
    assert IMPORT_ERROR is None, f"Browser tests need Playwright and axe: {IMPORT_ERROR}"
    assert Path(CHROMIUM).exists(), f"Browser tests need Debian's chromium at {CHROMIUM}."
    assert HTMX.exists(), "The front-end files are missing: run `npm ci && npm run vendor`."
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _format(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['html'][:160]}")
    return "\n".join(lines)


def _check(page, url: str) -> None:
    errors = []
    requests = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(url, wait_until="load")
    assert response.status == 200, url
    assert page.url == url, f"{url} went to {page.url}"  # not sent to the sign-in
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    assert results.response["passes"], "axe-core did not run any rule"
    assert not results.response["violations"], f"{url}:\n{_format(results.response['violations'])}"
    assert not errors, (url, errors)
    foreign = [
        r
        for r in requests
        if urlsplit(r).hostname not in {"127.0.0.1", "localhost"} and not r.startswith("data:")
    ]
    assert not foreign, foreign


def test_every_office_page_passes_axe_wcag_21_aa_in_both_languages(browser, site, office_cookie):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([office_cookie])
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        for language, prefix in LANGUAGES.items():
            for name, path in _pages().items():
                _check(page, site + prefix + path)
                assert page.locator("html").get_attribute("lang") == language, name
        # htmx is loaded and allowed by the CSP: the dashboard's confirm button works in place.
        page.goto(site + "/office/")
        page.wait_for_function("() => window.htmx !== undefined")
        page.locator("form[hx-post] button").first.click()
        page.wait_for_selector("td[role='status']")
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sign_in_pages_pass_axe_wcag_21_aa(browser, site, language):
    context = browser.new_context()
    page = context.new_page()
    try:
        _check(page, site + LANGUAGES[language] + "accounts/sign-in/?next=/office/")
        # A password-only session: the second step, then (without an authenticator) the setup.
        user = make_user(username=f"new-{language}", password="a long enough passphrase")
        page.fill("#id_username", user.username)
        page.fill("#id_password", "a long enough passphrase")
        with page.expect_navigation():
            page.click("form.office-form button[type=submit]")
        assert "/accounts/two-factor/" in page.url
        _check(page, page.url)
    finally:
        context.close()
