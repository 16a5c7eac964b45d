"""The story of issue 18 on Dortmund's sourced reference data: the 2024 annual report in both
languages, the Kumasi fact sheet, the SDG review naming every goal."""

import datetime

import pytest

from partnerwerk.places.models import Place
from partnerwerk.reports.rendering import build
from partnerwerk.reports.scope import EVERYTHING, PUBLIC
from partnerwerk.reports.tests.test_rendering import text_of
from partnerwerk.testing import load_reference_data

pytestmark = pytest.mark.django_db

YEAR_2024 = {"start": datetime.date(2024, 1, 1), "end": datetime.date(2024, 12, 31)}


@pytest.fixture
def reference(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_reference_data()


def flat(pdf: bytes) -> str:
    return " ".join(text_of(pdf).split())


def test_the_2024_annual_report_tells_of_the_kumasi_certificate_in_both_languages(reference):
    german = flat(build("annual", **YEAR_2024, scope=EVERYTHING, language="de").pdf)
    english = flat(build("annual", **YEAR_2024, scope=EVERYTHING, language="en").pdf)
    assert "Jahresbericht über die internationalen Beziehungen 2024" in german
    assert "14. Mai 2024: Urkunde unterzeichnet" in german
    assert "May 14, 2024: certificate signed" in english
    assert "Kumasi" in english and "Appendix: the records behind each figure" in english


def test_the_kumasi_fact_sheet_fits_on_two_pages(reference):
    import io

    from pypdf import PdfReader

    kumasi = Place.objects.get(name="Kumasi")
    built = build("fact_sheet", **YEAR_2024, place=kumasi, scope=PUBLIC, language="de")
    assert len(PdfReader(io.BytesIO(built.pdf)).pages) <= 2
    text = flat(built.pdf)
    assert "Steckbrief: Kumasi" in text and "Städtepartnerschaft: Dortmund – Kumasi" in text
