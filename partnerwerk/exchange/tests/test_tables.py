"""Reading spreadsheets: a sheet's claims about its own size never cost memory or time."""

import io
import re
import time
import tracemalloc
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from partnerwerk.exchange import tables
from partnerwerk.exchange.importers import plan_import
from partnerwerk.exchange.tables import ImportFailure, read_table
from partnerwerk.projects.models import Project
from partnerwerk.testing import make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db

ROWS = 1000
WHOLE_SHEET = "A1:XFD1048576"
COLUMN_201 = get_column_letter(201)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def workbook_bytes(rows=ROWS, *, dimension: str | None = None, extra_cells=()) -> bytes:
    """A small projects sheet; `dimension` replaces the size the sheet declares."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["id", "title_de", "status"])
    for number in range(rows):
        sheet.append([f"project-{number}", f"Projekt {number}", "planned"])
    for cell, value in extra_cells:
        sheet[cell] = value
    stream = io.BytesIO()
    workbook.save(stream)
    if dimension is None:
        return stream.getvalue()
    return rewrite_member(
        stream.getvalue(),
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(
            rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), xml
        ),
    )


def rewrite_member(data: bytes, name: str, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == name:
                changed = change(content)
                assert changed != content
                content = changed
            archive.writestr(member, content)
    return target.getvalue()


def measured(function, *args, **kwargs):
    """(result, seconds, peak MB of Python memory) of one call."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = function(*args, **kwargs)
        return result, time.perf_counter() - started, tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("dimension", [WHOLE_SHEET, f"A1:XFD{ROWS + 1}"])
def test_a_sheet_declaring_the_whole_grid_imports_quickly_in_little_memory(dimension):
    data = workbook_bytes(dimension=dimension)
    assert len(data) < 40_000

    plan, seconds, peak_mb = measured(plan_import, "projects", data, "bomb.xlsx")

    assert plan.summary() == f"{ROWS} created, 0 changed, 0 unchanged, 0 refused."
    assert peak_mb < 20
    assert seconds < 10


def test_it_refuses_a_sheet_wider_than_the_bound_naming_the_file():
    data = workbook_bytes(
        rows=3, extra_cells=[(f"{COLUMN_201}3", "far away")], dimension=WHOLE_SHEET
    )

    with pytest.raises(ImportFailure, match=r"^wide\.xlsx, row 3: .*more than 200 columns"):
        read_table(data, "wide.xlsx")


def test_it_refuses_a_sheet_longer_than_the_bound_naming_the_file(monkeypatch):
    monkeypatch.setattr(tables, "MAX_XLSX_ROWS", 10)

    with pytest.raises(ImportFailure, match=r"^long\.xlsx, row 11: .*more than 10 rows"):
        read_table(workbook_bytes(rows=20), "long.xlsx")


def test_it_refuses_a_sheet_whose_xml_unpacks_beyond_the_bound(monkeypatch):
    monkeypatch.setattr(tables, "MAX_SHEET_BYTES", 1000)

    with pytest.raises(ImportFailure, match=r"^big\.xlsx: A sheet .* at most 0 MB"):
        read_table(workbook_bytes(rows=100), "big.xlsx")


def test_values_beyond_the_header_within_the_bound_are_still_refused():
    data = workbook_bytes(rows=3, extra_cells=[("E2", "stray")])

    with pytest.raises(ImportFailure, match=r"row 2: .*beyond the last column of the header"):
        read_table(data, "stray.xlsx")


def test_the_office_upload_reads_the_bomb_as_a_small_sheet(client):
    sign_in_with_two_factors(client, make_user(role="office"))
    upload = io.BytesIO(workbook_bytes(dimension=WHOLE_SHEET))
    upload.name = "bomb.xlsx"

    response, seconds, peak_mb = measured(
        client.post,
        "/office/open-data/import/",
        {"dataset": "projects", "file": upload, "dry_run": ""},
    )

    assert response.status_code == 200
    assert response.context["job"].state == "done"
    assert response.context["job"].counts["created"] == ROWS
    assert Project.objects.count() == ROWS
    assert peak_mb < 50
    assert seconds < 30


def test_the_import_command_reads_the_bomb_as_a_small_sheet(tmp_path):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(workbook_bytes(dimension=WHOLE_SHEET))
    stdout = io.StringIO()

    _none, seconds, peak_mb = measured(
        call_command, "import", "projects", str(path), "--no-progress", stdout=stdout
    )

    assert f"Imported: {ROWS} created" in stdout.getvalue()
    assert Project.objects.count() == ROWS
    assert peak_mb < 50
    assert seconds < 30


def test_the_import_command_names_the_file_of_a_sheet_too_wide(tmp_path):
    path = tmp_path / "wide.xlsx"
    path.write_bytes(
        workbook_bytes(rows=3, extra_cells=[(f"{COLUMN_201}2", "x")], dimension=WHOLE_SHEET)
    )

    with pytest.raises(CommandError, match=r"Nothing was imported\. wide\.xlsx, row 2: "):
        call_command("import", "projects", str(path), "--no-progress", stdout=io.StringIO())
