"""An association applies for funding in a real browser (Playwright, Debian's chromium), in
German as a new user would: it finds the open call, registers, confirms its address from the
e-mail, signs in, saves a draft with its cost plan and a document and submits it; the office
checks, assesses, approves and pays it, the association submits its proof of use with a
receipt and the office closes it; the call's budget shows what is left. Each new page passes
axe-core's WCAG 2.1 AA rules."""

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

    # The office checks it, appoints a reviewer (here: the officer), assesses, approves and pays.
    officer = make_user(role="office", username="sachbearbeitung")
    office = _signed_in_page(browser, live_server, officer, "de-DE")
    office.goto(f"{base}/office/funding/")
    assert "Eine Welt in Dortmund 2027" in office.inner_text("main")
    _passes_axe(office)
    office.goto(f"{base}/office/funding/calls/{call.key}/")
    _passes_axe(office)
    office.select_option("select[name=user]", str(officer.pk))
    office.click("form:has(select[name=user]) button[type=submit]")
    office.wait_for_load_state()
    application_url = f"{base}/office/funding/applications/{application.pk}/"
    office.goto(application_url)
    assert "Nordstadt hilft e.V." in office.inner_text("main")
    _passes_axe(office)
    office.click("form:has(input[value=check]) button[type=submit]")
    office.wait_for_load_state()
    for field in office.locator("input[name^=assess-score_]").all():
        field.fill("4")
    office.click("form:has(input[value=assess]) button[type=submit]")
    office.wait_for_load_state()
    office.check("input[name=decide-approve][value='1']")
    office.fill("input[name=decide-amount]", "2000")
    office.fill("textarea[name=decide-conditions]", "Bericht bis Jahresende.")
    office.click("form:has(input[value=decide]) button[type=submit]")
    office.wait_for_load_state()
    office.fill("input[name=pay-amount]", "2000")
    office.fill("input[name=pay-paid_on]", "2026-12-01")
    office.click("form:has(input[value=pay]) button[type=submit]")
    office.wait_for_load_state()
    _passes_axe(office)

    # The association sees the grant, submits its proof of use with a receipt.
    page.goto(f"{base}/funding/applications/{application.pk}/")
    assert "2.000,00" in page.inner_text("main")
    _passes_axe(page)
    page.fill("textarea[name=proof-report]", "Der Garten ist angelegt; 30 Kinder pflegen ihn.")
    page.fill("input[name=proof-spent]", "2000")
    page.fill("input[name=proof-receipt_title]", "Rechnung Gartenbedarf")
    page.set_input_files("input[name=proof-receipt]", str(document))
    page.click("form:has(input[value=proof]) button[type=submit]")
    page.wait_for_load_state()
    assert "Verwendungsnachweis eingereicht" in page.inner_text("main")

    # The office closes it; the budget shows what was granted and paid.
    office.goto(application_url)
    office.click("form:has(input[value=close]) button[type=submit]")
    office.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == Status.CLOSED
    office.goto(f"{base}/office/funding/")
    overview = office.inner_text("main")
    assert "10.000,00" in overview and "8.000,00" in overview
