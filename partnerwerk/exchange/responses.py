"""Open-data files as streamed HTTP responses, for the portal, the office and the API; the
public ones are sent from the file stored for the current content generation (published).

A registry-scale file (25,000 rows) is never built in memory: CSV, JSON and GeoJSON are
sent in pieces of about 64 KB as their rows are read, so the first byte leaves at once and
memory stays flat; an XLSX workbook (a zip archive, complete only at its end) is written in
openpyxl's write-only mode to a temporary file, which is then sent as a file.
"""

import tempfile
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language

from partnerwerk.exchange import published, workbook
from partnerwerk.exchange.exporters import (
    BINARY_FORMATS,
    CONTENT_TYPES,
    csv_text,
    dataset_text,
    export_dataset_xlsx,
    file_name,
)
from partnerwerk.exchange.geojson import partner_cities_text

PIECE_BYTES = 64 * 1024


def encoded(pieces: Iterable[str], size: int = PIECE_BYTES) -> Iterator[bytes]:
    """Text pieces as UTF-8 chunks of about `size` bytes (a chunk per row would mean a
    write to the client per row)."""
    buffer: list[bytes] = []
    buffered = 0
    for piece in pieces:
        data = piece.encode()
        buffer.append(data)
        buffered += len(data)
        if buffered >= size:
            yield b"".join(buffer)
            buffer, buffered = [], 0
    if buffer:
        yield b"".join(buffer)


def _disposition(response, *, filename: str, attachment: bool):
    # Django writes a name with umlauts as RFC 5987 `filename*`, which browsers understand.
    response["Content-Disposition"] = content_disposition_header(attachment, filename)
    return response


def dataset_response(
    name: str,
    format: str,
    *,
    headers: str = "en",
    records: QuerySet | None = None,
    attachment: bool = False,
    dialect: str = "rfc4180",
) -> StreamingHttpResponse:
    """The dataset `name` (or `records`) as a streamed `format` file (csv, json or xlsx),
    named in the active language; CSV in `dialect` (`exporters.CSV_DIALECTS`)."""
    filename = file_name(name, format, dialect=dialect)
    if format in BINARY_FORMATS:
        file = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it)
        export_dataset_xlsx(name, file, headers=headers, records=records)
        file.seek(0)
        # FileResponse closes (and so deletes) the temporary file once it is sent.
        response = FileResponse(file, content_type=CONTENT_TYPES[format])
    else:
        text = dataset_text(name, format, headers=headers, records=records, dialect=dialect)
        response = StreamingHttpResponse(encoded(text), content_type=CONTENT_TYPES[format])
    return _disposition(response, filename=filename, attachment=attachment)


def _language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).lower()


def public_dataset_response(
    name: str, format: str, *, attachment: bool = False, dialect: str = "rfc4180"
) -> StreamingHttpResponse:
    """The public dataset `name` for any visitor, from the file stored for the current
    content generation (written first if there is none; decision 0038)."""
    if not published.enabled():
        return dataset_response(name, format, attachment=attachment, dialect=dialect)

    def write(out) -> None:
        if format in BINARY_FORMATS:
            export_dataset_xlsx(name, out, headers="en")
        else:
            out.writelines(encoded(dataset_text(name, format, headers="en", dialect=dialect)))

    file = published.public_file(f"{name}.{_language()}.{dialect}.{format}", write)
    response = FileResponse(file, content_type=CONTENT_TYPES[format])
    filename = file_name(name, format, dialect=dialect)
    return _disposition(response, filename=filename, attachment=attachment)


def partner_cities_response(*, filename: str = "partner-cities.geojson") -> StreamingHttpResponse:
    if published.enabled():
        file = published.public_file(
            f"partner-cities.{_language()}.geojson",
            lambda out: out.writelines(encoded(partner_cities_text())),
        )
        response = FileResponse(file, content_type=CONTENT_TYPES["geojson"])
    else:
        response = StreamingHttpResponse(
            encoded(partner_cities_text()), content_type=CONTENT_TYPES["geojson"]
        )
    return _disposition(response, filename=filename, attachment=False)


def table_response(
    rows: Iterable[dict], format: str, *, stem: str, title: str
) -> StreamingHttpResponse | FileResponse:
    """Rows already written for people (headings and cells in the reader's language) as a
    download: CSV in German Excel's dialect or an XLSX sheet with a bold, frozen header and
    a filter. For office lists that are no open-data dataset."""
    if format == "xlsx":
        file = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it)
        workbook.write_sheet(
            rows,
            file,
            dataset="",
            title=title,
            flatten=dict,
            headings=list,
        )
        file.seek(0)
        response = FileResponse(file, content_type=CONTENT_TYPES[format])
    elif format == "csv":
        # The headings are already the reader's ("en" keeps them as they are).
        text = csv_text(iter(rows), headers="en", dialect="excel")
        response = StreamingHttpResponse(encoded(text), content_type=CONTENT_TYPES[format])
    else:
        raise ValueError(f"unknown table format {format!r}")
    filename = file_name(stem, format, dialect="excel")
    return _disposition(response, filename=filename, attachment=True)
