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
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from partnerwerk.exchange import (
    bulk_rows,
    csvsafe,
    registry_exporters,
    selectors,
    serializers,
    workbook,
)
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

# How a CSV file is written (decision 0024): RFC 4180 (comma, no byte-order mark) for
# programs, the default of the open data; "excel" for people, the office's default: a
# UTF-8 byte-order mark, without which Excel reads the file as Windows-1252 and breaks the
# umlauts, and semicolons, the list separator of a German Excel, which splits on nothing else.
CSV_DIALECTS = ("rfc4180", "excel")
BYTE_ORDER_MARK = "\ufeff"

# The name of each dataset's file in the reader's language (the URL keeps the English code).
FILE_NAMES = {
    "places": pgettext_lazy("file name", "places"),
    "partnerships": pgettext_lazy("file name", "partnerships"),
    "organisations": pgettext_lazy("file name", "organisations"),
    "people": pgettext_lazy("file name", "people"),
    "projects": pgettext_lazy("file name", "projects"),
    "activities": pgettext_lazy("file name", "activities"),
    "relations": pgettext_lazy("file name", "twin-cities-worldwide"),
    "transactions": pgettext_lazy("file name", "transactions"),
}


def file_name(name: str, format: str, *, dialect: str = "rfc4180") -> str:
    """The file name of a dataset in the active language: `partnerschaften.xlsx`."""
    stem = str(FILE_NAMES.get(name, name))
    if format == "csv" and dialect == "excel":
        stem += "-" + pgettext("file name", "excel")
    return f"{stem}.{format}"


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


def dataset_text(
    name: str, format: str, *, headers: str = "en", records=None, dialect: str = "rfc4180"
) -> Iterator[str]:
    """The dataset `name` as JSON or CSV text, piece by piece (for a streamed response)."""
    check_dataset(name, format)
    rows = dataset_rows(name, records)
    if format == "json":
        return json_text(rows)
    return csv_text(rows, headers=headers, dialect=dialect)


def export_dataset(
    name: str,
    format: str,
    stream: TextIO,
    *,
    headers: str = "en",
    records=None,
    dialect: str = "rfc4180",
) -> int:
    """Write the public dataset `name` to `stream` as `format`; return the number of rows.

    `headers="de"` writes German column headings in CSV (the importer reads both);
    `dialect="excel"` writes CSV for a German Excel (`CSV_DIALECTS`)."""
    check_dataset(name, format)
    rows = _Counted(dataset_rows(name, records))
    text = json_text(rows) if format == "json" else csv_text(rows, headers=headers, dialect=dialect)
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


def csv_text(
    rows: Iterator[dict], *, headers: str = "en", dialect: str = "rfc4180"
) -> Iterator[str]:
    """One flat CSV line per row, formula-like text neutralised (`csvsafe`); the first row
    fixes the columns and every row must match. `dialect` is one of `CSV_DIALECTS`."""
    if dialect not in CSV_DIALECTS:
        raise ValueError(f"unknown CSV dialect {dialect!r}; choose one of {CSV_DIALECTS}")
    buffer = io.StringIO()
    if dialect == "excel":
        buffer.write(BYTE_ORDER_MARK)
        writer = csvsafe.writer(buffer, delimiter=";")
    else:
        writer = csvsafe.writer(buffer)
    for number, flat in enumerate(_flat_rows(rows)):
        if not number:
            writer.writerow(_headings(list(flat), headers))
        writer.writerow(flat.values())
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def write_csv(
    rows: Iterator[dict], stream: TextIO, *, headers: str = "en", dialect: str = "rfc4180"
) -> int:
    counted = _Counted(rows)
    for piece in csv_text(counted, headers=headers, dialect=dialect):
        stream.write(piece)
    return counted.count


def write_xlsx(rows: Iterator[dict], stream: BinaryIO, *, title: str, headers: str = "en") -> int:
    """The CSV's columns, each code and key followed by its name, in one sheet written in
    openpyxl's write-only (streaming) mode (`workbook`); `title` is the dataset's name."""
    return workbook.write_sheet(
        rows,
        stream,
        dataset=title,
        title=title,
        flatten=flatten,
        headings=lambda columns: _headings(columns, headers),
    )


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
