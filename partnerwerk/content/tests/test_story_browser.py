"""The user story of issue 19 in a real browser: the office writes a news item in German
and English with a photo, previews it and schedules it; at its time it appears on the
portal's news list, on Kumasi's city and partnership pages and in both Atom feeds; a
reader's comment waits for moderation; axe-core finds no WCAG 2.1 AA violation on the new
pages and nothing breaks the Content Security Policy.

Debian's chromium through Playwright on the Dortmund reference data served by a live server
(as office/tests/test_comfort_browser.py). The clock is moved forward in the test process,
which the live server's thread shares. Set PARTNERWERK_SHOTS to a folder for screenshots."""

import datetime
import io
import os
import re
from pathlib import Path

import feedparser
import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from PIL import Image

from partnerwerk.content.models import Article, Comment, CommentStatus, PublicationState
from partnerwerk.office.tests.test_accessibility import (
    CHROMIUM,
    CHROMIUM_ARGS,
    IMPORT_ERROR,
    WCAG_TAGS,
    _format,
)
from partnerwerk.testing import load_reference_data, make_user, sign_in_with_two_factors

SHOTS = os.environ.get("PARTNERWERK_SHOTS", "")
KUMASI_PARTNERSHIP = "dortmund-kumasi-climate"
KUMASI_CITY = 2298890

pytestmark = pytest.mark.django_db(transaction=True)

if IMPORT_ERROR is None:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import expect, sync_playwright


@pytest.fixture
def site(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_reference_data()
    return live_server.url


@pytest.fixture
def clock(monkeypatch):
    """timezone.now(), moved forward by the test (the live server's thread reads it too)."""

    class Clock:
        offset = datetime.timedelta(0)
        real = staticmethod(timezone.now)

        def now(self):
            return self.real() + self.offset

    fake = Clock()
    monkeypatch.setattr(timezone, "now", fake.now)
    return fake


@pytest.fixture
def browser(site):
    assert IMPORT_ERROR is None, f"Browser tests need Playwright and axe: {IMPORT_ERROR}"
    assert Path(CHROMIUM).exists(), f"Browser tests need Debian's chromium at {CHROMIUM}."
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _page(browser, site, *, session: str = ""):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    if session:
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site}])
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def _shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"news-{name}.png"), full_page=True)


def _axe(page) -> None:
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    assert results.response["passes"], "axe-core did not run any rule"
    assert not results.response["violations"], (
        f"{page.url}:\n{_format(results.response['violations'])}"
    )


def _photo(tmp_path) -> Path:
    path = tmp_path / "rathaus.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (1800, 1200), (40, 120, 90)).save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def _feed_titles(page, url: str) -> list[str]:
    response = page.request.get(url)
    assert response.ok
    parsed = feedparser.parse(response.body())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return [entry.title for entry in parsed.entries]


def test_the_office_schedules_a_news_item_that_appears_at_its_time(site, browser, clock, tmp_path):
    client = Client()
    sign_in_with_two_factors(client, make_user(role="office", username="olga"))
    office = _page(browser, site, session=client.cookies[settings.SESSION_COOKIE_NAME].value)
    reader = _page(browser, site)

    # The office writes the article in both languages and about the Kumasi partnership.
    office.goto(site + "/office/content/articles/new/")
    office.fill("#id_title_de", "Kumasi beschließt seinen Klimaplan")
    office.fill("#id_title_en", "Kumasi adopts its climate plan")
    office.fill("#id_lead_de", "Der Stadtrat von Kumasi hat den gemeinsamen Plan beschlossen.")
    office.fill("#id_lead_en", "Kumasi's city council has adopted the joint plan.")
    office.fill("#id_body_de", "Erster Absatz.\n\n<h2>Wie es weitergeht</h2><p>Zweiter.</p>")
    office.fill("#id_body_en", "First paragraph.\n\n<h2>What comes next</h2><p>Second.</p>")
    control = office.locator("#id_partnerships-ts-control")
    control.click()
    control.press_sequentially("Kumasi", delay=60)
    office.locator("#id_partnerships-ts-dropdown .option", has_text="Kumasi").first.click()
    office.keyboard.press("Escape")
    office.check("#id_comments_enabled")
    office.locator("button[value=preview]").click()
    expect(office.locator(".content-preview")).to_contain_text("Kumasi adopts its climate plan")
    _shot(office, "office-preview")
    _axe(office)

    # Scheduled a few minutes ahead, in the office's time (Europe/Berlin).
    due = timezone.localtime(clock.now() + datetime.timedelta(minutes=5)).replace(
        second=0, microsecond=0
    )
    office.check("input[name=status][value=published]")
    office.fill("#id_publish_at", due.strftime("%Y-%m-%dT%H:%M"))
    office.locator("button[value=save]").click()
    office.wait_for_url(re.compile(r"/office/content/articles/\d+/$"), timeout=45_000)
    article = Article.objects.get()
    assert article.state == PublicationState.SCHEDULED

    # A photo with its credit and alternative texts.
    office.set_input_files("#id_upload", str(_photo(tmp_path)))
    office.fill("#id_credit", "Bild: Stadt Dortmund")
    office.fill("#id_alt_text_de", "Ratssaal in Kumasi")
    office.fill("#id_alt_text_en", "The council chamber in Kumasi")
    office.locator("form[action$='/images/'] button[type=submit]").click()
    expect(office.locator(".content-images")).to_contain_text("Ratssaal in Kumasi")
    _shot(office, "office-article")
    _axe(office)

    # Before its time: nowhere on the portal (and the news list is now cached).
    pages = ("/news/", f"/partnerships/{KUMASI_PARTNERSHIP}/", f"/cities/{KUMASI_CITY}/")
    for path in pages:
        reader.goto(site + path)
        expect(reader.locator("main")).not_to_contain_text("Kumasi beschließt seinen Klimaplan")
    assert _feed_titles(reader, site + "/news/feed/") == []

    # Its time has come.
    clock.offset = due - timezone.now() + datetime.timedelta(seconds=1) + clock.offset
    for path in pages:
        reader.goto(site + path)
        expect(reader.locator("main")).to_contain_text("Kumasi beschließt seinen Klimaplan")
    _axe(reader)  # the city page with its news
    reader.goto(site + "/news/")
    _shot(reader, "portal-list")
    _axe(reader)
    assert _feed_titles(reader, site + "/news/feed/") == ["Kumasi beschließt seinen Klimaplan"]
    assert _feed_titles(reader, site + "/en/news/feed/") == ["Kumasi adopts its climate plan"]

    reader.goto(site + f"/en/news/{article.key}/")
    picture = reader.locator("figure.news-photo img")
    expect(picture).to_have_attribute("alt", "The council chamber in Kumasi")
    assert reader.evaluate("() => document.querySelector('figure.news-photo img').naturalWidth") > 0
    _axe(reader)

    # A reader's comment waits for moderation.
    reader.fill("#id_name", "Ama")
    reader.fill("#id_text", "Congratulations to both cities!")
    reader.locator("#comments button[type=submit]").click()
    expect(reader.locator(".messages")).to_contain_text("once the office has approved it")
    expect(reader.locator("#comments")).not_to_contain_text("Congratulations to both cities!")
    _shot(reader, "portal-article")
    _axe(reader)
    assert Comment.objects.get().status == CommentStatus.PENDING

    office.goto(site + "/office/content/comments/")
    expect(office.locator("main")).to_contain_text("Congratulations to both cities!")
    _shot(office, "office-comments")
    _axe(office)

    reader.goto(site + "/search/?q=Klimaplan")
    expect(reader.locator("main")).to_contain_text("Kumasi beschließt seinen Klimaplan")
    _axe(reader)
    reader.goto(site + "/en/imprint/")
    _axe(reader)
    office.goto(site + "/office/content/")
    expect(office.locator("main")).to_contain_text("Kumasi beschließt seinen Klimaplan")
    _shot(office, "office-index")
    _axe(office)
    office.goto(site + f"/office/content/articles/{article.pk}/delete/")
    _axe(office)
    assert not office.errors, office.errors
    assert not reader.errors, reader.errors
