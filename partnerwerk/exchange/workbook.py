"""The XLSX file of a dataset, as people open it: a bold, frozen header with a filter, columns
as wide as their content, and names beside the codes and keys (`readable`).

The workbook is written in openpyxl's write-only (streaming) mode, a chunk of rows at a time:
column widths must be set before the first row, so they are measured on the header and the
first chunk, within bounds; the filter, which names the last row, is set at the end.
"""

from collections.abc import Iterator
from itertools import islice
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName

from partnerwerk.exchange import readable
from partnerwerk.exchange.bulk_rows import CHUNK_SIZE

# Widths in characters: wide enough for a short code, narrow enough that a long description
# does not push every other column off the screen.
MIN_WIDTH = 8
MAX_WIDTH = 60
# The workbook's defined name listing the reading columns, which an import leaves out.
READING_COLUMNS = "partnerwerk_reading_columns"
HEADER_FONT = Font(bold=True)


def _cell(sheet, value, *, font=None):
    if isinstance(value, str):
        # A text cell stays text: "=1+1" must not become a formula, and the control
        # characters XLSX cannot hold are dropped.
        cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"
    else:
        cell = WriteOnlyCell(sheet, value)
    if font is not None:
        cell.font = font
    return cell


def _width(value) -> int:
    # The longest line counts: a cell with line breaks is shown on several lines.
    text = "" if value is None else str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def column_widths(header: list[str], rows: list[list]) -> list[int]:
    """Per column the width of its longest text (header and the rows given), within bounds."""
    widths = [_width(heading) + 2 for heading in header]  # room for the filter button
    for row in rows:
        for index, value in enumerate(row):
            widths[index] = max(widths[index], _width(value) + 1)
    return [min(max(width, MIN_WIDTH), MAX_WIDTH) for width in widths]


def write_sheet(
    rows: Iterator[dict],
    stream: BinaryIO,
    *,
    dataset: str,
    title: str,
    flatten,
    headings,
) -> int:
    """Write `rows` (serialized records) as one sheet to `stream`; return the number of rows.

    `flatten` makes a row's flat columns (those of the CSV file), `headings` the header of a
    list of column codes."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    names = readable.Names()
    columns: list[str] | None = None
    reading: list[str] = []
    count = 0
    rows = iter(rows)
    while chunk := list(islice(rows, CHUNK_SIZE)):
        if columns is None:
            reading = readable.reading_columns(dataset, chunk[0])
        names.fetch(readable.wanted_keys(chunk, reading))
        lines = [_line(row, flatten(row), dataset, reading, names) for row in chunk]
        if columns is None:
            columns = list(lines[0])
            header = headings(columns)
            values = [list(line.values()) for line in lines]
            for index, width in enumerate(column_widths(header, values), start=1):
                sheet.column_dimensions[get_column_letter(index)].width = width
            sheet.freeze_panes = "A2"
            sheet.append([_cell(sheet, heading, font=HEADER_FONT) for heading in header])
        for line in lines:
            count += 1
            if list(line) != columns:
                raise ValueError(f"row {count} has other columns than the first row")
            sheet.append([_cell(sheet, value) for value in line.values()])
    if columns:
        last = get_column_letter(len(columns))
        sheet.auto_filter.ref = f"A1:{last}{count + 1}"
        _mark_reading_columns(workbook, sheet.title, columns, reading)
    workbook.save(stream)
    return count


def _line(row: dict, flat: dict, dataset: str, reading: list[str], names) -> dict:
    """The flat columns of a row, each coded column followed by its reading column."""
    words = readable.reading_values(dataset, row, reading, names)
    line: dict = {}
    for column, value in flat.items():
        line[column] = value
        if column in reading:
            line[column + readable.SUFFIX] = words[column + readable.SUFFIX]
    return line


def _mark_reading_columns(workbook, title: str, columns: list[str], reading: list[str]) -> None:
    """Name the reading columns in the workbook by reference, so they stay marked when someone
    inserts or moves columns in a spreadsheet program."""
    sheet = quote_sheetname(title)
    references = [
        f"{sheet}!${letter}:${letter}"
        for index, column in enumerate(columns, start=1)
        if column.removesuffix(readable.SUFFIX) in reading and column.endswith(readable.SUFFIX)
        for letter in [get_column_letter(index)]
    ]
    if references:
        workbook.defined_names[READING_COLUMNS] = DefinedName(
            READING_COLUMNS, attr_text=",".join(references)
        )
