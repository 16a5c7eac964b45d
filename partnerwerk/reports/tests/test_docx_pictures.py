"""The DOCX shows the report's map and charts as pictures, painted from the same SVG the PDF
draws (reports/raster.py), with nothing fetched."""

import io

from docx import Document as Docx
from PIL import Image

from partnerwerk.reports.raster import svg_png
from partnerwerk.reports.rendering import build
from partnerwerk.reports.scope import EVERYTHING
from partnerwerk.reports.tests.test_rendering import CASH_BLUE, PARTNER_RED, has_colour
from partnerwerk.reports.tests.world import END, START


def pictures(docx: bytes) -> list:
    document = Docx(io.BytesIO(docx))
    return [
        Image.open(io.BytesIO(part.blob)).convert("RGB")
        for part in document.part.package.parts
        if part.partname.startswith("/word/media/")
    ]


def test_the_annual_reports_docx_shows_the_map_the_money_chart_and_the_goals_chart(world):
    built = build("annual", start=START, end=END, scope=EVERYTHING, language="de")
    document = Docx(io.BytesIO(built.docx))
    assert len(document.inline_shapes) == 3  # map, money, goals: in the order of the PDF
    images = pictures(built.docx)
    assert any(has_colour(image, PARTNER_RED) for image in images)  # the partner city's dot
    assert any(has_colour(image, CASH_BLUE, at_least=400) for image in images)  # money bars


def test_the_sdg_reviews_docx_shows_its_chart(world):
    built = build("sdg_review", start=START, end=END, scope=EVERYTHING, language="en")
    assert len(Docx(io.BytesIO(built.docx)).inline_shapes) == 1


def test_a_drawing_is_painted_the_same_every_time_and_at_twice_its_size():
    shapes = [
        ("rect", {"x": "10", "y": "5", "width": "40", "height": "12", "fill": "#00467f"}, ""),
        ("circle", {"cx": "80", "cy": "10", "r": "3", "fill": "#c0392b"}, ""),
        ("path", {"d": "M0,30L20,30L20,40Z", "fill": "#dfe6ee"}, ""),
        ("text", {"x": "0", "y": "48"}, "Synthetic label"),
    ]
    first, second = svg_png((100, 50), shapes), svg_png((100, 50), shapes)
    assert first == second
    image = Image.open(io.BytesIO(first)).convert("RGB")
    assert image.size == (200, 100)
    assert image.getpixel((60, 20)) == CASH_BLUE
    assert image.getpixel((160, 20)) == PARTNER_RED
