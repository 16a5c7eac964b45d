"""The public fact sheet of a partner city (issue 18): linked from the city's page, public
facts only."""

import io

import pytest
from pypdf import PdfReader

from partnerwerk.reports.tests.world import report_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return report_world()


def test_the_city_page_links_its_fact_sheet(client, world):
    page = client.get(f"/cities/{world.partner.geonames_id}/").content.decode()
    assert f"/cities/{world.partner.geonames_id}/fact-sheet.pdf" in page


def test_the_public_fact_sheet_shows_public_facts_and_never_internal_ones(client, world):
    response = client.get(f"/cities/{world.partner.geonames_id}/fact-sheet.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) <= 2 + 1  # the sheet, and the appendix of its sources
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Synthetic Partner" in text and "Synthetisches Wasserprojekt" in text
    assert "Synthetic Contact" in text
    assert "Synthetic internal remark" not in text
    assert "Synthetic Hidden Person" not in text
    assert "Synthetisches internes Projekt" not in text


def test_a_city_without_a_public_partnership_has_no_fact_sheet(client, world):
    assert client.get("/cities/1/fact-sheet.pdf").status_code == 404
