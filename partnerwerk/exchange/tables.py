"""Reading a CSV or XLSX file into a header and rows, refusing anything that is not one.

Every problem is an `ImportFailure` naming the file, the row and, where there is one, the
field. XLSX files are zip archives: their declared sizes are checked before anything is
unpacked (a zip bomb is refused), and openpyxl parses their XML through defusedxml. A sheet's
own claim of its size (`<dimension ref="A1:XFD1048576"/>`) is ignored: openpyxl would pad
every row to it, a few kilobytes becoming gigabytes; rows and columns are read up to a bound.
"""

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_MEMBERS = 1000
# One sheet's XML (or the shared strings) unpacked: an export of 25,000 partnerships is ~30 MB.
MAX_SHEET_BYTES = 64 * 1024 * 1024
# The widest dataset has about 30 columns; the export of every record fits in these rows.
MAX_XLSX_COLUMNS = 200
MAX_XLSX_ROWS = 100_000
ZIP_MAGIC = b"PK\x03\x04"


class ImportFailure(Exception):
    """A file that cannot be imported, with where the problem is."""

    def __init__(self, file: str, message: str, *, row: int | None = None, field: str = ""):
        self.file, self.row, self.field, self.message = file, row, field, message
        where = [file]
        if row is not None:
            where.append(_("row %(row)d") % {"row": row})
        if field:
            where.append(_("field “%(field)s”") % {"field": field})
        super().__init__(f"{', '.join(where)}: {message}")


@dataclass
class Table:
    file: str
    header: list[str]
    rows: list[tuple[int, list]]  # (row number in the file, the cells)


def read_table(data: bytes, file: str) -> Table:
    """A CSV or XLSX file as a table; the kind is told by the content, not the name."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFailure(
            file, _("The file is larger than %(size)d MB.") % {"size": MAX_FILE_BYTES >> 20}
        )
    if data.startswith(ZIP_MAGIC) or file.lower().endswith(".xlsx"):
        return _read_xlsx(data, file)
    return _read_csv(data, file)


def _read_csv(data: bytes, file: str) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFailure(
            file,
            _("The file is not UTF-8 text (byte %(byte)d).") % {"byte": error.start},
            row=line,
        ) from None
    if "\x00" in text:
        raise ImportFailure(file, _("The file holds NUL bytes; it is not a CSV file."))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows: list[tuple[int, list]] = []
    header: list[str] | None = None
    try:
        line = 0
        for cells in reader:
            first_line, line = line + 1, reader.line_num
            if header is None:
                header = cells
                continue
            if not any(cell.strip() for cell in cells):
                continue
            rows.append((first_line, cells))
    except csv.Error as error:
        raise ImportFailure(
            file,
            _("The CSV is malformed (%(error)s); the file may be truncated.") % {"error": error},
            row=reader.line_num,
        ) from None
    if not header or not any(cell.strip() for cell in header):
        raise ImportFailure(file, _("The file has no header row."), row=1)
    for number, cells in rows:
        if len(cells) < len(header):
            raise ImportFailure(
                file,
                _(
                    "The row has %(found)d fields but the header has %(expected)d; the file may "
                    "be truncated."
                )
                % {"found": len(cells), "expected": len(header)},
                row=number,
                field=header[len(cells)],
            )
        if len(cells) > len(header):
            raise ImportFailure(
                file,
                _("The row has %(found)d fields but the header has %(expected)d.")
                % {"found": len(cells), "expected": len(header)},
                row=number,
            )
    return Table(file, header, rows)


def _delimiter(text: str) -> str:
    """Comma, or the semicolon or tab a German spreadsheet program may have saved with."""
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in (",", ";", "\t")}
    return max(counts, key=lambda delimiter: (counts[delimiter], delimiter == ","))


def _check_zip(data: bytes, file: str) -> None:
    not_a_spreadsheet = _("The file is not an XLSX spreadsheet.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ImportFailure(file, not_a_spreadsheet) from None
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise ImportFailure(file, not_a_spreadsheet)
    total = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if total > MAX_UNPACKED_BYTES or (
        total > 10 * 1024 * 1024 and total / packed > MAX_COMPRESSION_RATIO
    ):
        raise ImportFailure(
            file,
            _("The spreadsheet would unpack to %(size)d MB; it is refused as a possible zip bomb.")
            % {"size": total >> 20},
        )
    for member in members:
        is_sheet = member.filename.startswith("xl/worksheets/")
        if (is_sheet or member.filename == "xl/sharedStrings.xml") and (
            member.file_size > MAX_SHEET_BYTES
        ):
            raise ImportFailure(
                file,
                _(
                    "A sheet of the spreadsheet would unpack to %(size)d MB; at most %(max)d MB "
                    "are read."
                )
                % {"size": member.file_size >> 20, "max": MAX_SHEET_BYTES >> 20},
            )
    if "[Content_Types].xml" not in archive.namelist():
        raise ImportFailure(file, not_a_spreadsheet)


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(data: bytes, file: str) -> Table:
    from openpyxl import load_workbook

    _check_zip(data, file)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            # The sheet's declared dimension may be a lie; openpyxl would pad to it.
            sheet.reset_dimensions()
            # One column past the bound tells a sheet that is too wide from one that fits;
            # cells farther right are not read at all (a styled cell at XFD in every row
            # would otherwise pad every row again).
            values = sheet.iter_rows(values_only=True, max_col=MAX_XLSX_COLUMNS + 1)
            header, rows = _xlsx_rows(values, file)
            header, rows = _without_reading_columns(
                header, rows, _reading_columns(workbook, sheet.title)
            )
        finally:
            workbook.close()
    except ImportFailure:
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ImportFailure(
            file,
            _("The file is not a readable XLSX spreadsheet (%(error)s).")
            % {"error": type(error).__name__},
        ) from None
    if header is None:
        raise ImportFailure(file, _("The file has no header row."), row=1)
    return Table(file, header, rows)


# The workbook's defined name of the columns written for reading only (`exchange.workbook`).
READING_COLUMNS = "partnerwerk_reading_columns"


def _reading_columns(workbook, title: str) -> set[int]:
    """The (0-based) columns of the sheet `title` that an export wrote for people to read:
    names beside codes and keys, which an import does not read."""
    from openpyxl.utils import column_index_from_string

    defined = workbook.defined_names.get(READING_COLUMNS)
    if defined is None:
        return set()
    columns = set()
    for sheet, reference in defined.destinations:
        start, _sep, end = reference.replace("$", "").partition(":")
        if sheet == title and start.isalpha() and start == (end or start):
            columns.add(column_index_from_string(start) - 1)
    return columns


def _without_reading_columns(header, rows, columns: set[int]):
    if header is None or not columns:
        return header, rows
    keep = [index for index in range(len(header)) if index not in columns]
    return (
        [header[index] for index in keep],
        [(number, [cells[index] for index in keep]) for number, cells in rows],
    )


def _xlsx_rows(values, file: str) -> tuple[list[str] | None, list[tuple[int, list]]]:
    """The header and the non-empty rows, each cut to the header's width, read row by row so
    that no more than one row of openpyxl's tuples is held at a time."""
    header: list[str] | None = None
    rows: list[tuple[int, list]] = []
    for number, row in enumerate(values, start=1):
        if number > MAX_XLSX_ROWS:
            raise ImportFailure(
                file,
                _("The spreadsheet has more than %(max)d rows.") % {"max": MAX_XLSX_ROWS},
                row=number,
            )
        if len(row) > MAX_XLSX_COLUMNS and row[MAX_XLSX_COLUMNS] is not None:
            raise ImportFailure(
                file,
                _("The spreadsheet has more than %(max)d columns.") % {"max": MAX_XLSX_COLUMNS},
                row=number,
            )
        cells = [_cell(value) for value in row[:MAX_XLSX_COLUMNS]]
        if header is None:
            if not any(cells):
                return None, []
            header = cells
            while header and header[-1] == "":
                header.pop()
            continue
        if not any(cell.strip() for cell in cells):
            continue
        if any(cell.strip() for cell in cells[len(header) :]):
            raise ImportFailure(
                file,
                _("The row has values beyond the last column of the header."),
                row=number,
            )
        rows.append((number, (cells + [""] * len(header))[: len(header)]))
    return header, rows


def iterate_records(table: Table, columns: list[str]) -> Iterator[tuple[int, dict]]:
    """Each row as {column code: cell text} for the columns given (in header order)."""
    for number, cells in table.rows:
        yield number, {code: cells[index].strip() for index, code in enumerate(columns) if code}
