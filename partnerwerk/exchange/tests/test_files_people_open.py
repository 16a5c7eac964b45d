"""Files people open (decision 0024): CSV for a German Excel, XLSX with a usable header and
names beside codes and keys, file names in the reader's language."""

import csv
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from partnerwerk.exchange.exporters import export_dataset, export_dataset_xlsx
from partnerwerk.exchange.importers import plan_import
from partnerwerk.testing import (
    make_active_partnership,
    make_project,
    make_theme,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def workbook(data: bytes):
    return load_workbook(io.BytesIO(data)).worksheets[0]


def xlsx(dataset: str, headers: str = "en") -> bytes:
    stream = io.BytesIO()
    export_dataset_xlsx(dataset, stream, headers=headers)
    return stream.getvalue()


def some_records():
    partnership = make_active_partnership(key="dortmund-kumasi", kind="twinning")
    make_theme(code="water")
    make_project(
        key="alpha",
        title_de="Trinkwasser für Kumasi",
        status="ongoing",
        partnerships=[partnership],
    )
    return partnership


def test_the_office_csv_opens_in_a_german_excel(client):
    some_records()
    sign_in_with_two_factors(client, make_user(role="office"))

    data = body(client.get("/office/open-data/projects.csv"))

    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert [row["title_de"] for row in rows] == ["Trinkwasser für Kumasi"]


def test_the_open_data_csv_stays_rfc_4180_and_offers_the_excel_dialect(client):
    some_records()

    plain = body(client.get("/data/projects.csv"))
    excel = client.get("/data/projects.csv?dialect=excel")

    assert not plain.startswith("\ufeff".encode())
    assert plain.decode().splitlines()[0].startswith("id,title_de,")
    assert body(excel).decode("utf-8-sig").splitlines()[0].startswith("id;title_de;")
    assert excel["Content-Disposition"].startswith("attachment")


def test_a_csv_for_excel_imports_back_unchanged():
    some_records()
    stream = io.StringIO()
    export_dataset("projects", "csv", stream, dialect="excel")

    plan = plan_import("projects", stream.getvalue().encode(), "projekte.csv")

    assert [plan.count(state) for state in ("created", "changed", "unchanged")] == [0, 0, 1]
    assert not plan.refused


def test_a_formula_in_a_csv_for_excel_stays_text():
    make_project(key="evil", title_de="=HYPERLINK(1)")
    stream = io.StringIO()
    export_dataset("projects", "csv", stream, dialect="excel")

    [row] = csv.DictReader(io.StringIO(stream.getvalue().removeprefix("\ufeff")), delimiter=";")

    assert row["title_de"] == "'=HYPERLINK(1)"


def test_the_xlsx_has_a_bold_frozen_header_with_a_filter_and_fitted_widths():
    some_records()

    sheet = workbook(xlsx("projects"))

    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert not sheet["A2"].font.b
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}2"
    header = [cell.value for cell in sheet[1]]
    title = sheet.column_dimensions[sheet.cell(1, header.index("title_de") + 1).column_letter]
    key = sheet.column_dimensions["A"]
    assert title.width >= len("Trinkwasser für Kumasi")
    assert 8 <= key.width < title.width
    assert all(sheet.column_dimensions[cell.column_letter].width <= 60 for cell in sheet[1])


def test_the_xlsx_names_codes_and_keys_in_the_reader_s_language():
    some_records()

    with translation.override("de"):
        sheet = workbook(xlsx("projects", headers="de"))

    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    # The codes and keys stay in their columns; their names stand beside them.
    assert (row["Status"], row["Status (Klartext)"]) == ("ongoing", "laufend")
    assert row["Partnerschaften"] == "dortmund-kumasi"
    assert "dortmund-kumasi" not in row["Partnerschaften (Klartext)"]
    assert "Städtepartnerschaft" in row["Partnerschaften (Klartext)"]
    assert header.index("Status (Klartext)") == header.index("Status") + 1


def test_an_exported_xlsx_edited_and_imported_back_changes_only_what_was_edited():
    some_records()
    sheet = load_workbook(io.BytesIO(xlsx("projects")))
    rows = sheet.worksheets[0]
    header = [cell.value for cell in rows[1]]
    rows.cell(2, header.index("title_de") + 1).value = "Sauberes Wasser für Kumasi"
    edited = io.BytesIO()
    sheet.save(edited)

    plan = plan_import("projects", edited.getvalue(), "projekte.xlsx")

    assert [plan.count(state) for state in ("created", "changed", "unchanged")] == [0, 1, 0]
    assert not plan.refused


@pytest.mark.parametrize(
    ("prefix", "filename"),
    [("", 'filename="partnerschaften.xlsx"'), ("/en", 'filename="partnerships.xlsx"')],
)
def test_the_office_file_is_named_in_the_reader_s_language(client, prefix, filename):
    make_active_partnership(key="dortmund-kumasi")
    sign_in_with_two_factors(client, make_user(role="office"))

    response = client.get(f"{prefix}/office/open-data/partnerships.xlsx")

    assert response["Content-Disposition"] == f"attachment; {filename}"
