"""The DOCX of a report, for editing in a word processor: the report's own HTML turned into
headings, paragraphs, lists and tables with python-docx, and its charts and map as pictures
(the SVG the PDF draws, painted as PNG by reports/raster.py). The same HTML gives the same
bytes: fixed core properties and fixed times of the ZIP entries."""

import datetime
import io
import zipfile
from html.parser import HTMLParser

from docx import Document
from docx.shared import Cm, Pt

from partnerwerk.reports.raster import svg_png

HEADINGS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3}
TEXT_BLOCKS = (*HEADINGS, "p", "li", "figcaption")
SKIPPED = {"svg", "title", "style", "head", "script"}
# The ZIP format's first possible time: no entry carries the moment it was written.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
SHAPES = ("path", "rect", "circle", "text")
PICTURE_WIDTH = 16.0  # cm: the text width of the DOCX's page
PICTURE_HEIGHT = 12.0  # cm: a tall chart (the 17 goals) keeps room for its caption
CM_PER_PX = 2.54 / 96


class _Builder(HTMLParser):
    def __init__(self, document):
        super().__init__(convert_charrefs=True)
        self.document = document
        self.skip = 0
        self.text: list[str] = []
        self.block = None  # the tag whose text is being collected
        self.rows: list | None = None
        self.row: list | None = None
        self.header_row = False
        self.svg: dict | None = None  # the drawing being collected
        self.svg_text: list | None = None  # the shape whose text is being collected

    def handle_starttag(self, tag, attrs):
        if tag == "svg" and not self.skip:
            self._start_drawing(dict(attrs))
        elif self.svg is not None and tag in SHAPES:
            shape = [tag, dict(attrs), ""]
            self.svg["shapes"].append(shape)
            self.svg_text = shape if tag == "text" else None
        if tag in SKIPPED:
            self.skip += 1
        if self.skip:
            return
        if tag == "table":
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.row = []
        elif (
            tag in ("td", "th")
            and self.row is not None
            or tag in (*HEADINGS, "p", "li", "figcaption")
        ):
            self.text = []
            self.block = tag
        elif tag == "br":
            self.text.append("\n")

    def handle_endtag(self, tag):
        if tag == "text":
            self.svg_text = None
        if tag == "svg" and self.svg is not None and self.skip == 1:
            self._end_drawing()
        if tag in SKIPPED:
            self.skip -= 1
            return
        if self.skip:
            return
        text = " ".join("".join(self.text).split())
        if tag in ("td", "th") and self.row is not None:
            self.row.append(text)
            self.block = None
        elif tag == "tr" and self.rows is not None and self.row is not None:
            self.rows.append(self.row)
            self.row = None
        elif tag == "table" and self.rows is not None:
            self._table(self.rows)
            self.rows = None
        elif tag == self.block and tag in HEADINGS:
            self.document.add_heading(text, level=HEADINGS[tag])
            self.block = None
        elif tag == self.block and tag == "li":
            self.document.add_paragraph(text, style="List Bullet")
            self.block = None
        elif tag == self.block and tag in ("p", "figcaption") and text:
            paragraph = self.document.add_paragraph(text)
            if tag == "figcaption":
                paragraph.runs[0].italic = True
            self.block = None

    def handle_data(self, data):
        if self.svg_text is not None:
            self.svg_text[2] += data
        if not self.skip and self.block:
            self.text.append(data)

    def _start_drawing(self, attrs: dict) -> None:
        numbers = (attrs.get("viewbox") or "").split()
        try:
            width, height = float(numbers[2]), float(numbers[3])
        except (IndexError, ValueError):
            return  # not a drawing of ours: left out, as before
        self.svg = {"view_box": (width, height), "width": attrs.get("width", ""), "shapes": []}

    def _end_drawing(self) -> None:
        drawing, self.svg, self.svg_text = self.svg, None, None
        width, height = drawing["view_box"]
        try:
            centimetres = float(drawing["width"]) * CM_PER_PX
        except ValueError:  # "100%": as wide as the text
            centimetres = PICTURE_WIDTH
        centimetres = min(centimetres, PICTURE_WIDTH, PICTURE_HEIGHT * width / height)
        png = svg_png(drawing["view_box"], [tuple(shape) for shape in drawing["shapes"]])
        self.document.add_picture(io.BytesIO(png), width=Cm(centimetres))

    def _table(self, rows):
        width = max((len(row) for row in rows), default=0)
        if not width:
            return
        table = self.document.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        for index, cells in enumerate(rows):
            row = table.add_row().cells
            for column, text in enumerate(cells):
                row[column].text = text
                if index == 0:
                    for run in row[column].paragraphs[0].runs:
                        run.bold = True
        self.document.add_paragraph()


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated ZIP_TIME, in the same order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return output.getvalue()


def html_to_docx(html: str, *, title: str, language: str, dated: datetime.date) -> bytes:
    """The DOCX of a report's HTML; `dated` stands in the document's properties (the end of
    the report's period, so the bytes do not depend on when it was built)."""
    document = Document()
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(10)
    _Builder(document).feed(html)
    moment = datetime.datetime(dated.year, dated.month, dated.day, tzinfo=datetime.UTC)
    properties = document.core_properties
    properties.title = title
    properties.author = "Partnerwerk"
    properties.last_modified_by = "Partnerwerk"
    properties.language = language
    properties.created = moment
    properties.modified = moment
    properties.last_printed = moment
    properties.revision = 1
    properties.comments = ""
    output = io.BytesIO()
    document.save(output)
    return _fixed_zip(output.getvalue())
