"""Public datasets as JSON or CSV (to a text stream, or piece by piece for a streamed
response) or XLSX (to a binary stream), row by row.

CSV and XLSX share the same flat columns (`flatten`), so a spreadsheet saved in either format
can be imported back (`partnerwerk.exchange.importers`).
"""

import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from partnerwerk.exchange import bulk_rows, csvsafe, registry_exporters, selectors, serializers
from partnerwerk.exchange.bulk_rows import CHUNK_SIZE
from partnerwerk.exchange.columns import german_heading


@dataclass(frozen=True)
class Dataset:
    """A public dataset: its records, and how a queryset of them becomes rows (dicts)."""

    title: str  # lazily translated
    records: Callable[[], QuerySet]
    rows: Callable[[QuerySet], Iterator[dict]]


def _serialized(serialize: Callable[[object], dict]) -> Callable[[QuerySet], Iterator[dict]]:
    """Rows made by a serializer from model instances; Django runs the queryset's prefetches
    once per chunk."""

    def rows(queryset: QuerySet) -> Iterator[dict]:
        for record in queryset.iterator(chunk_size=CHUNK_SIZE):
            yield serialize(record)

    return rows


# The city's own records and the world registry are separate datasets: "partnerships" holds
# the partnerships the office curates, "relations" the registry's pairs. The two large ones
# (places and relations) are read as plain values, not model instances.
DATASETS: dict[str, Dataset] = {
    "places": Dataset(gettext_lazy("Places"), selectors.place_list, bulk_rows.place_rows),
    "partnerships": Dataset(
        gettext_lazy("The city's own partnerships"),
        selectors.curated_partnership_list,
        _serialized(serializers.partnership_to_dict),
    ),
    "organisations": Dataset(
        gettext_lazy("Organisations"),
        selectors.organisation_list,
        _serialized(serializers.organisation_to_dict),
    ),
    "people": Dataset(
        gettext_lazy("People"),
        selectors.public_person_list,
        _serialized(serializers.person_to_dict),
    ),
    "projects": Dataset(
        gettext_lazy("Projects"),
        selectors.public_project_list,
        _serialized(serializers.project_to_dict),
    ),
    "activities": Dataset(
        gettext_lazy("Activities"),
        selectors.public_activity_list,
        _serialized(serializers.activity_to_dict),
    ),
    "relations": Dataset(
        gettext_lazy("Registry of town twinnings worldwide"),
        registry_exporters.relation_list,
        registry_exporters.relation_rows,
    ),
    "transactions": Dataset(
        gettext_lazy("Transactions"),
        selectors.public_transaction_list,
        _serialized(serializers.transaction_to_dict),
    ),
}
# The office's datasets: internal records too (the office view narrows them to what the
# user may read); datasets without internal records are the public ones.
OFFICE_DATASETS: dict[str, Callable[[], QuerySet]] = {
    "partnerships": lambda: selectors.curated_partnership_list(public_only=False),
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

PLACE_REFERENCES = ("home", "partner", "place")
PLACE_REFERENCE_FIELDS = ("name", "country", "geonames_id", "lat", "lon")


def dataset_rows(name: str, records: QuerySet | None = None) -> Iterator[dict]:
    """The rows of a dataset: its public records, or `records` (the office's choice)."""
    dataset = DATASETS[name]
    return dataset.rows(dataset.records() if records is None else records)


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


class _Counted:
    """Rows passed through, counted."""

    def __init__(self, rows: Iterator[dict]):
        self.rows, self.count = rows, 0

    def __iter__(self) -> Iterator[dict]:
        for row in self.rows:
            self.count += 1
            yield row


def dataset_text(name: str, format: str, *, headers: str = "en", records=None) -> Iterator[str]:
    """The dataset `name` as JSON or CSV text, piece by piece (for a streamed response)."""
    check_dataset(name, format)
    rows = dataset_rows(name, records)
    return json_text(rows) if format == "json" else csv_text(rows, headers=headers)


def export_dataset(
    name: str, format: str, stream: TextIO, *, headers: str = "en", records=None
) -> int:
    """Write the public dataset `name` to `stream` as `format`; return the number of rows.

    `headers="de"` writes German column headings in CSV (the importer reads both)."""
    check_dataset(name, format)
    rows = _Counted(dataset_rows(name, records))
    text = json_text(rows) if format == "json" else csv_text(rows, headers=headers)
    for piece in text:
        stream.write(piece)
    return rows.count


def export_dataset_xlsx(name: str, stream: BinaryIO, *, headers: str = "en", records=None) -> int:
    """Write the public dataset `name` (or `records`) as an XLSX workbook to a binary stream."""
    check_dataset(name, "xlsx", BINARY_FORMATS)
    return write_xlsx(dataset_rows(name, records), stream, title=name, headers=headers)


def json_text(rows: Iterator[dict]) -> Iterator[str]:
    """A JSON array exactly as json.dumps(..., indent=2) would write it, one row at a time."""
    count = 0
    yield "["
    for row in rows:
        text = json.dumps(row, ensure_ascii=False, indent=2)
        # json.dumps escapes newlines inside strings, so every newline here is layout.
        yield ("," if count else "") + "\n  " + text.replace("\n", "\n  ")
        count += 1
    yield "\n]\n" if count else "]\n"


def write_json(rows: Iterator[dict], stream: TextIO) -> int:
    counted = _Counted(rows)
    for piece in json_text(counted):
        stream.write(piece)
    return counted.count


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


def csv_text(rows: Iterator[dict], *, headers: str = "en") -> Iterator[str]:
    """One flat CSV line per row, formula-like text neutralised (`csvsafe`); the first row
    fixes the columns and every row must match."""
    buffer = io.StringIO()
    writer = csvsafe.writer(buffer)
    for number, flat in enumerate(_flat_rows(rows)):
        if not number:
            writer.writerow(_headings(list(flat), headers))
        writer.writerow(flat.values())
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def write_csv(rows: Iterator[dict], stream: TextIO, *, headers: str = "en") -> int:
    counted = _Counted(rows)
    for piece in csv_text(counted, headers=headers):
        stream.write(piece)
    return counted.count


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
            flat[name] = "|".join(_source_text(source) for source in value)
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


def _source_text(source: dict) -> str:
    """A source as a reader cites it: its title, and its address where it has one."""
    return f"{source['title']} ({source['url']})" if source["url"] else source["title"]


def _step_text(step: dict) -> str:
    """A step as "2011-05 council_decision -> approved: note", on one line."""
    text = f"{step['date']} {step['type']}"
    if step.get("dated_by_report"):
        text += " (reported)"
    if step["status_after"]:
        text += f" -> {step['status_after']}"
    if step["note"]:
        text += ": " + " ".join(step["note"].split())
    return text
