import io

import pypdfium2
from docx import Document as Docx
from pypdf import PdfReader

from partnerwerk.core.pdf import LocalOnlyFetcher
from partnerwerk.reports.rendering import build, report_pdf
from partnerwerk.reports.scope import EVERYTHING
from partnerwerk.reports.tests.world import END, START

PARTNER_RED = (0xC0, 0x39, 0x2B)  # a partner city's dot on the map
CASH_BLUE = (0x00, 0x46, 0x7F)  # the money bars (and the home city's dot)


def annual(language: str, outlook: str = ""):
    return build(
        "annual", start=START, end=END, scope=EVERYTHING, language=language, outlook=outlook
    )


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def pages_as_images(pdf: bytes) -> list:
    document = pypdfium2.PdfDocument(pdf)
    return [page.render(scale=1.5).to_pil().convert("RGB") for page in document]


def has_colour(image, colour, tolerance=12, at_least=20) -> bool:
    close = 0
    for count, (red, green, blue) in image.getcolors(maxcolors=1 << 24):
        if all(abs(a - b) <= tolerance for a, b in zip((red, green, blue), colour, strict=True)):
            close += count
    return close >= at_least


def test_the_annual_report_reads_in_german_and_in_english(world):
    german, english = text_of(annual("de").pdf), text_of(annual("en").pdf)
    assert "Jahresbericht" in german and "Zusammenfassung in Zahlen" in german
    assert "Annual report on international relations 2024" in english
    assert "Synthetic Partner" in english and "Synthetic water project" in english
    assert "1,550.00 EUR" in english
    assert "1.550,00 EUR" in german


def test_the_pdf_draws_the_map_and_the_money_chart(world):
    images = pages_as_images(annual("en").pdf)
    assert any(has_colour(image, PARTNER_RED) for image in images)
    assert any(has_colour(image, CASH_BLUE, at_least=400) for image in images)


def test_the_appendix_lists_the_records_with_their_sources(world):
    text = text_of(annual("en").pdf)
    appendix = text[text.index("Appendix") :].replace("\n", "")
    assert "t-disbursement" in appendix
    assert "Synthetic council minutes (https://example.org/minutes)" in appendix


def test_a_report_made_twice_from_the_same_data_is_the_same(world):
    first, second = annual("de", outlook="Ausblick"), annual("de", outlook="Ausblick")
    assert first.pdf == second.pdf
    assert first.docx == second.docx


def test_the_outlook_is_printed_as_the_office_wrote_it_and_never_as_markup(world):
    built = annual("en", outlook='Next year <img src="https://example.org/x.png"> more visits')
    assert '<img src="https://example.org' not in built.html
    assert "Next year &lt;img src=&quot;https://example.org/x.png&quot;&gt;" in built.html


def test_printing_a_report_refuses_every_address_outside_the_server(world):
    built = annual("en")
    fetcher = LocalOnlyFetcher()
    html = built.html.replace(
        "</body>", '<img src="https://example.org/tracker.png"><img src="file:///etc/hostname">'
    )
    pdf = report_pdf(html, fetcher=fetcher)
    assert pdf.startswith(b"%PDF")
    assert fetcher.refused == ["https://example.org/tracker.png", "file:///etc/hostname"]


def test_the_docx_holds_the_report_for_editing(world):
    document = Docx(io.BytesIO(annual("en", outlook="More visits in 2025.").docx))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Summary in figures" in headings and "Outlook" in headings
    assert any(p.text == "More visits in 2025." for p in document.paragraphs)
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "1,550.00 EUR" in cells
    assert document.core_properties.title == "Annual report on international relations 2024"
