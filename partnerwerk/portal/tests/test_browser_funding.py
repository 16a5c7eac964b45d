"""An association applies for funding in a real browser (Playwright, Debian's chromium), in
German as a new user would: it finds the open call, registers, confirms its address from the
e-mail, signs in, saves a draft with its cost plan and a document and submits it; the office
then sees it with the call's budget. Each new page passes axe-core's WCAG 2.1 AA rules."""

import re
from pathlib import Path

import pytest
from django.core import mail

from partnerwerk.grants.models import Application, Status
from partnerwerk.grants.tests.helpers import PDF
from partnerwerk.office.tests.test_browser_counterpart import _signed_in_page, browser  # noqa: F401
from partnerwerk.office.tests.test_browser_money import _passes_axe
from partnerwerk.testing import make_funding_call, make_user

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "Nordstadt-Garten-2026!"


def test_an_association_registers_applies_and_submits_and_the_office_sees_it(
    browser,  # noqa: F811
    live_server,
    tmp_path,
):
    call = make_funding_call(
        title_de="Eine Welt in Dortmund 2027",
        required_documents_de="Satzung\nFreistellungsbescheid",
        eligibility_de="Eingetragene Vereine mit Sitz in Dortmund.",
    )
    base = live_server.url
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE").new_page()
    page.set_default_timeout(15_000)

    page.goto(f"{base}/funding/")
    assert page.get_attribute("html", "lang") == "de"
    _passes_axe(page)
    page.click("text=Eine Welt in Dortmund 2027")
    assert "Freistellungsbescheid" in page.inner_text("main")
    _passes_axe(page)

    page.goto(f"{base}/funding/sign-up/")
    _passes_axe(page)
    page.fill("input[name=name]", "Nordstadt hilft e.V.")
    page.fill("textarea[name=address]", "Mallinckrodtstraße 1\n44147 Dortmund")
    page.fill("input[name=register_number]", "VR 9999")
    page.fill("input[name=contact_name]", "Ayşe Yılmaz")
    page.fill("input[name=email]", "vorstand@nordstadt-hilft.example")
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    assert "vorstand@nordstadt-hilft.example" in page.inner_text("main")
    _passes_axe(page)

    link = re.search(r"https?://\S+/funding/confirm/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    _passes_axe(page)  # the sign-in page, with the confirmation
    page.fill("input[name=email]", "vorstand@nordstadt-hilft.example")
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/funding/applications/")
    _passes_axe(page)

    page.goto(f"{base}/funding/calls/{call.key}/apply/")
    _passes_axe(page)
    page.fill("input[name=project_title]", "Schulgarten mit Kumasi")
    page.fill("input[name=amount_requested]", "2500")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/funding/applications/*/")
    _passes_axe(page)
    page.fill("input[name=cost-0-description]", "Saatgut und Werkzeug")
    page.fill("input[name=cost-0-amount]", "2500")
    page.click("form:has(input[value=save]) button[type=submit]")
    page.wait_for_load_state()
    document = Path(tmp_path) / "satzung.pdf"
    document.write_bytes(PDF)
    page.fill("input[name=file-title]", "Satzung")
    page.set_input_files("input[name=file-file]", str(document))
    page.click("form:has(input[value=upload]) button[type=submit]")
    page.wait_for_load_state()
    page.click("form:has(input[value=submit]) button[type=submit]")
    page.wait_for_load_state()
    assert "eingereicht" in page.inner_text("main")
    _passes_axe(page)

    application = Application.objects.get()
    assert application.status == Status.SUBMITTED
    assert application.applicant.name == "Nordstadt hilft e.V."
    assert application.attachments.get().title == "Satzung"

    office = _signed_in_page(browser, live_server, make_user(role="office"), "de-DE")
    office.goto(f"{base}/office/funding/")
    assert "Eine Welt in Dortmund 2027" in office.inner_text("main")
    _passes_axe(office)
    office.goto(f"{base}/office/funding/applications/{application.pk}/")
    assert "Nordstadt hilft e.V." in office.inner_text("main")
    _passes_axe(office)
