"""A report waiting to be built, in a real browser (Playwright, Debian's chromium): the list
names its stage, shows a labelled progress bar and passes axe-core's WCAG 2.1 AA rules; a
screenshot is kept for review (PARTNERWERK_SHOTS, /tmp/shots by default)."""

import datetime

import pytest

from partnerwerk.office.tests.test_browser_action_programmes import _passes_axe
from partnerwerk.office.tests.test_browser_reports import _shot, office_page  # noqa: F401
from partnerwerk.reports.services import report_request
from partnerwerk.testing import make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_report_waiting_to_be_built_shows_its_stage_and_a_progress_bar(
    office_page,  # noqa: F811
    live_server,
):
    report_request(
        actor=make_user(role="office", username="referentin"),
        kind="sdg_review",
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 12, 31),
        language="de",
    )  # asked for, not queued: it stays waiting while the browser looks
    page = office_page
    page.goto(f"{live_server.url}/office/reports/")
    row = page.locator("table.reports tbody tr").first
    assert "Wartet auf die Erstellung" in row.inner_text()
    bar = page.get_by_role("progressbar", name="Fortschritt der Erstellung: SDG-Bericht")
    assert bar.get_attribute("value") == "0"
    assert page.locator('meta[http-equiv="refresh"]').count() == 1

    # axe takes longer than the 3 seconds between reloads: it reads the same page served
    # without its reload
    def without_reload(route):
        response = route.fetch()
        html = response.text().replace('<meta http-equiv="refresh" content="3">', "")
        route.fulfill(response=response, body=html)

    page.route("**/office/reports/", without_reload)
    page.reload()
    assert "Wartet auf die Erstellung" in page.locator("table.reports").inner_text()
    _passes_axe(page)
    _shot(page, "progress")
