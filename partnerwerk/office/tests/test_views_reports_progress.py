"""The office's list of reports shows how far a report's build has come, and reloads itself
(without a script) only while something is being built."""

import pytest

from partnerwerk.reports import rendering
from partnerwerk.reports.models import Report
from partnerwerk.reports.tests.world import report_world
from partnerwerk.testing import make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db

ANNUAL_2024 = {
    "kind": "annual",
    "period_start": "2024-01-01",
    "period_end": "2024-12-31",
    "language": "en",
}
REFRESH = '<meta http-equiv="refresh"'


@pytest.fixture
def office(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    report_world()
    sign_in_with_two_factors(client, make_user(role="office"))
    return client


def list_page_while(monkeypatch, client, name: str) -> list[str]:
    """The office's list as read while the build is at rendering's `name`."""
    pages = []
    original = getattr(rendering, name)

    def watched(*args, **kwargs):
        pages.append(client.get("/office/reports/").content.decode())
        return original(*args, **kwargs)

    monkeypatch.setattr(rendering, name, watched)
    return pages


def test_while_the_pdf_is_printed_the_list_says_so_with_a_progress_bar_and_reloads(
    office, monkeypatch
):
    pages = list_page_while(monkeypatch, office, "report_pdf")
    office.post("/office/reports/", ANNUAL_2024)
    page = pages[0]
    assert "Druckt das PDF" in page  # the office reads German
    assert '<progress value="50" max="100"' in page
    assert 'aria-label="Fortschritt der Erstellung: Jahresbericht' in page
    assert REFRESH in page


def test_once_built_the_list_offers_the_files_and_stops_reloading(office):
    office.post("/office/reports/", ANNUAL_2024)
    page = office.get("/office/reports/").content.decode()
    assert Report.objects.get().stage == "done"
    assert "<progress" not in page
    assert REFRESH not in page
    assert "/pdf/" in page


def test_a_failed_build_shows_the_failure_and_stops_reloading(office, monkeypatch):
    def broken(html, **kwargs):
        raise RuntimeError("the printer ran out of fonts")

    monkeypatch.setattr(rendering, "report_pdf", broken)
    office.post("/office/reports/", ANNUAL_2024)  # the task fails; the page does not
    page = office.get("/office/reports/").content.decode()
    assert "Die Erstellung ist fehlgeschlagen." in page
    assert "the printer ran out of fonts" in page
    assert "<progress" not in page
    assert REFRESH not in page
