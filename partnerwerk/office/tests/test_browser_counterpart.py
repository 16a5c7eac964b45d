"""A Kumasi counterpart's first day, in a real browser (Playwright, Debian's chromium): the
administrator invites them in English, the e-mail arrives in English, they create their
account on the English page, set up their second factor and propose a step for their
partnership, which the office then confirms. The pages pass axe-core's WCAG 2.1 AA rules."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnerwerk.office.tests.test_browser_money import (
    CHROMIUM,
    CHROMIUM_ARGS,
    IMPORT_ERROR,
    _passes_axe,
)
from partnerwerk.partnerships.models import Partnership, Step
from partnerwerk.testing import load_reference_data, make_user, sign_in_with_two_factors, totp_now

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "Kente-Cloth-Adinkra-2026"


@pytest.fixture
def browser(live_server):
    assert IMPORT_ERROR is None, f"Browser tests need Playwright and axe: {IMPORT_ERROR}"
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def _signed_in_page(browser, live_server, user, locale):
    client = Client()
    sign_in_with_two_factors(client, user)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def test_a_counterpart_invited_in_english_joins_and_proposes_a_step_the_office_confirms(
    browser, live_server
):
    load_reference_data()
    kumasi = Partnership.objects.get(key="dortmund-kumasi-twinning")
    status_before = kumasi.status

    # The administrator invites Kofi as the counterpart of the twinning, in English.
    office = _signed_in_page(browser, live_server, make_user(role="administrator"), "de-DE")
    office.goto(f"{live_server.url}/office/users/")
    office.fill("input[name=email]", "kofi@example.org")
    office.select_option("select[name=role]", "counterpart")
    office.select_option("select[name=partnership]", str(kumasi.pk))
    office.select_option("select[name=language]", "en")
    office.click("form.office-form button[type=submit]")
    assert "per E-Mail auf Englisch verschickt" in office.inner_text("main")

    message = mail.outbox[-1]
    assert message.to == ["kofi@example.org"]
    assert message.subject.startswith("Your invitation to Partnerwerk")
    link = re.search(r"https?://\S+/en/accounts/invitation/\S+/", message.body).group(0)

    # Kofi opens the link: an English page; he creates his account and his second factor.
    kofi = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB").new_page()
    kofi.set_default_timeout(15_000)
    kofi.goto(link)
    assert kofi.get_attribute("html", "lang") == "en"
    _passes_axe(kofi)
    kofi.fill("input[name=username]", "kofi")
    kofi.fill("input[name=password1]", PASSWORD)
    kofi.fill("input[name=password2]", PASSWORD)
    kofi.click("button[type=submit]")
    kofi.wait_for_selector("input[name=token]")
    device = TOTPDevice.objects.filter(user__username="kofi", confirmed=False).latest("id")
    kofi.fill("input[name=token]", totp_now(device))
    kofi.click("form.office-form button[type=submit]")
    kofi.wait_for_load_state()

    # He proposes a visit for his partnership.
    kofi.goto(f"{live_server.url}/en/office/partnerships/{kumasi.pk}/")
    kofi.click("text=Propose a step")
    _passes_axe(kofi)
    kofi.select_option("select[name=kind]", "visit")
    kofi.fill("input[name=date]", "2026-11-20")
    kofi.select_option("select[name=date_precision]", "day")
    kofi.fill("textarea[name=note_en]", "Working visit of the Kumasi delegation")
    kofi.click("form.office-form button[type=submit]")
    kofi.wait_for_load_state()
    assert "awaiting confirmation" in kofi.inner_text("main")
    step = Step.all_objects.get(
        partnership=kumasi, note_en="Working visit of the Kumasi delegation"
    )
    assert step.proposed_by.username == "kofi" and step.confirmed_at is None
    kumasi.refresh_from_db()
    assert kumasi.status == status_before

    # The office confirms it on the partnership's page.
    office.goto(f"{live_server.url}/office/partnerships/{kumasi.pk}/")
    office.click(f"form[action$='/steps/{step.pk}/confirm/'] button")
    office.wait_for_load_state()
    step.refresh_from_db()
    assert step.confirmed_at is not None
