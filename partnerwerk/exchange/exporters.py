"""Public datasets as JSON or CSV (to a text stream) or XLSX (to a binary stream), row by row.

CSV and XLSX share the same flat columns (`flatten`), so a spreadsheet saved in either format
can be imported back (`partnerwerk.exchange.importers`).
"""

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import BinaryIO, TextIO

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from partnerwerk.exchange import selectors, serializers
from partnerwerk.exchange.columns import german_heading
from partnerwerk.registry import exporters as registry_exporters

# Dataset name: (the public queryset, the function turning one row into a dict).
DATASETS: dict[str, tuple[Callable[[], QuerySet], Callable[[object], dict]]] = {
    "places": (selectors.place_list, serializers.place_to_dict),
    "partnerships": (selectors.public_partnership_list, serializers.partnership_to_dict),
    "organisations": (selectors.organisation_list, serializers.organisation_to_dict),
    "people": (selectors.public_person_list, serializers.person_to_dict),
    "projects": (selectors.public_project_list, serializers.project_to_dict),
    "activities": (selectors.public_activity_list, serializers.activity_to_dict),
    "relations": (registry_exporters.relation_list, registry_exporters.relation_to_dict),
    "transactions": (selectors.public_transaction_list, serializers.transaction_to_dict),
}
# The office's datasets: internal records too (the office view narrows them to what the
# user may read); datasets without internal records are the public ones.
OFFICE_DATASETS: dict[str, Callable[[], QuerySet]] = {
    "partnerships": lambda: selectors.public_partnership_list(public_only=False),
    "people": lambda: selectors.public_person_list(public_only=False),
    "projects": lambda: selectors.public_project_list(public_only=False),
    "activities": lambda: selectors.public_activity_list(public_only=False),
    "transactions": lambda: selectors.public_transaction_list(public_only=False),
}
# Text formats, written to a text stream; XLSX is binary and has its own function.
FORMATS = ("json", "csv")
BINARY_FORMATS = ("xlsx",)
ALL_FORMATS = FORMATS + BINARY_FORMATS
HEADER_LANGUAGES = ("en", "de")
# The media type of each open-data file a view sends.
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
    "xml": "application/xml",
    "ics": "text/calendar; charset=utf-8",
}

# Rows are read in chunks so a national registry does not have to fit in memory; Django
# runs the prefetches once per chunk.
CHUNK_SIZE = 500

PLACE_REFERENCES = ("home", "partner", "place")
PLACE_REFERENCE_FIELDS = ("name", "country", "geonames_id", "lat", "lon")


def dataset_rows(name: str, records: QuerySet | None = None) -> Iterator[dict]:
    """The rows of a dataset: its public records, or `records` (the office's choice)."""
    queryset_function, serialize = DATASETS[name]
    queryset = queryset_function() if records is None else records
    for record in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield serialize(record)


def check_dataset(name: str, format: str, formats=FORMATS) -> None:
    if name not in DATASETS:
        raise ValueError(
            _("There is no dataset “%(name)s”; choose one of: %(names)s.")
            % {"name": name, "names": ", ".join(DATASETS)}
        )
    if format not in formats:
        raise ValueError(
            _("There is no format “%(format)s”; choose one of: %(formats)s.")
            % {"format": format, "formats": ", ".join(formats)}
        )


def export_dataset(
    name: str, format: str, stream: TextIO, *, headers: str = "en", records=None
) -> int:
    """Write the public dataset `name` to `stream` as `format`; return the number of rows.

    `headers="de"` writes German column headings in CSV (the importer reads both)."""
    check_dataset(name, format)
    rows = dataset_rows(name, records)
    if format == "json":
        return write_json(rows, stream)
    return write_csv(rows, stream, headers=headers)


def export_dataset_xlsx(name: str, stream: BinaryIO, *, headers: str = "en", records=None) -> int:
    """Write the public dataset `name` (or `records`) as an XLSX workbook to a binary stream."""
    check_dataset(name, "xlsx", BINARY_FORMATS)
    return write_xlsx(dataset_rows(name, records), stream, title=name, headers=headers)


def export_bytes(name: str, format: str, *, headers: str = "en", records=None) -> bytes:
    """The dataset `name` as a whole file in `format` (json, csv or xlsx), for a response;
    text formats in UTF-8."""
    if format in BINARY_FORMATS:
        stream = io.BytesIO()
        export_dataset_xlsx(name, stream, headers=headers, records=records)
        return stream.getvalue()
    text = io.StringIO()
    export_dataset(name, format, text, headers=headers, records=records)
    return text.getvalue().encode()


def write_json(rows: Iterator[dict], stream: TextIO) -> int:
    """Write a JSON array exactly as json.dump(..., indent=2) would, one row at a time."""
    count = 0
    stream.write("[")
    for row in rows:
        text = json.dumps(row, ensure_ascii=False, indent=2)
        # json.dumps escapes newlines inside strings, so every newline here is layout.
        stream.write(("," if count else "") + "\n  " + text.replace("\n", "\n  "))
        count += 1
    stream.write("\n]\n" if count else "]\n")
    return count


def _headings(columns: list[str], headers: str) -> list[str]:
    return [german_heading(column) for column in columns] if headers == "de" else columns


def _flat_rows(rows: Iterator[dict]) -> Iterator[dict]:
    """Each row flattened; the first row fixes the columns and every row must match."""
    columns: list[str] | None = None
    for number, row in enumerate(rows, start=1):
        flat = flatten(row)
        if columns is None:
            columns = list(flat)
        elif list(flat) != columns:
            # A row with different columns is an error, not a silently shifted spreadsheet.
            raise ValueError(f"row {number} has other columns than the first row")
        yield flat


def write_csv(rows: Iterator[dict], stream: TextIO, *, headers: str = "en") -> int:
    """Write one flat line per row; the first row fixes the columns and every row must match."""
    writer = csv.writer(stream)
    count = 0
    for flat in _flat_rows(rows):
        if not count:
            writer.writerow(_headings(list(flat), headers))
        writer.writerow(flat.values())
        count += 1
    return count


def _xlsx_cell(sheet, value):
    if isinstance(value, str):
        # A text cell stays text: "=1+1" must not become a formula, and the control
        # characters XLSX cannot hold are dropped.
        cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"
        return cell
    return value


def write_xlsx(rows: Iterator[dict], stream: BinaryIO, *, title: str, headers: str = "en") -> int:
    """The CSV's columns in one sheet, written in openpyxl's write-only (streaming) mode."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    count = 0
    for flat in _flat_rows(rows):
        if not count:
            sheet.append(_headings(list(flat), headers))
        sheet.append([_xlsx_cell(sheet, value) for value in flat.values()])
        count += 1
    workbook.save(stream)
    return count


def flatten(row: dict) -> dict:
    """One row as flat columns: place references spread out, lists joined with "|"."""
    flat = {}
    for name, value in row.items():
        if name in PLACE_REFERENCES:
            for field in PLACE_REFERENCE_FIELDS:
                flat[f"{name}_{field}"] = _cell((value or {}).get(field))
        elif name == "steps":
            flat[name] = "; ".join(_step_text(step) for step in value)
        elif name == "sources":
            flat[name] = "|".join(source["url"] or source["seed_file"] for source in value)
        elif name == "involvements":
            flat[name] = "|".join(
                f"{item['role']}:{item['organisation'] or item['person']}" for item in value
            )
        elif isinstance(value, list):
            flat[name] = "|".join(str(item) for item in value)
        else:
            flat[name] = _cell(value)
    return flat


def _cell(value) -> str | int | float:
    return "" if value is None else value


def _step_text(step: dict) -> str:
    """A step as "2011-05 council_decision -> approved: note", on one line."""
    text = f"{step['date']} {step['type']}"
    if step["status_after"]:
        text += f" -> {step['status_after']}"
    if step["note"]:
        text += ": " + " ".join(step["note"].split())
    return text
