"""Every CSV the product writes keeps a spreadsheet from running a record's text as a formula;
JSON and XLSX keep the text exact, and XLSX stores it as a text cell."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from partnerwerk.exchange import csvsafe
from partnerwerk.testing import (
    make_organisation,
    make_person,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db

EVIL_NAME = '=HYPERLINK("http://evil.example/?x")'
EVIL_PHONE = "+49=1+1"


def rows(text: str) -> list[dict]:
    # The office writes CSV for a German Excel (byte-order mark, semicolons), open data RFC 4180.
    delimiter = ";" if text.startswith("\ufeff") else ","
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter))


def evil_records():
    make_organisation(key="evil", name=EVIL_NAME)
    make_person(key="caller", phone=EVIL_PHONE, email="a@example.org")


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+49=1+1", "'+49=1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Dortmund", "Dortmund"),
        ("a=b", "a=b"),
        ("", ""),
        (-1.62, -1.62),
        (-3, -3),
    ],
)
def test_it_quotes_only_text_that_starts_like_a_formula(value, written):
    assert csvsafe.neutralise(value) == written


def test_the_dict_writer_quotes_formulas_too():
    stream = io.StringIO()
    writer = csvsafe.SafeDictWriter(stream, fieldnames=["name", "lon"])
    writer.writeheader()
    writer.writerow({"name": EVIL_NAME, "lon": -1.5})

    assert rows(stream.getvalue()) == [{"name": "'" + EVIL_NAME, "lon": "-1.5"}]


def test_the_public_csv_download_quotes_a_formula_in_a_name_and_a_phone(client):
    evil_records()

    [organisation] = rows(client.get("/data/organisations.csv").getvalue().decode())
    [person] = rows(client.get("/data/people.csv").getvalue().decode())

    assert organisation["name"] == "'" + EVIL_NAME
    assert person["phone"] == "'" + EVIL_PHONE


def test_the_public_json_download_keeps_the_text_exact(client):
    evil_records()

    [organisation] = json.loads(client.get("/data/organisations.json").getvalue())

    assert organisation["name"] == EVIL_NAME


def test_a_negative_longitude_stays_a_number_in_the_csv(client):
    from partnerwerk.testing import make_place

    make_place(name="Kumasi", longitude=-1.62)

    [place] = rows(client.get("/data/places.csv").getvalue().decode())

    assert place["lon"] == "-1.62"


def test_the_office_csv_export_quotes_a_formula(client):
    evil_records()
    sign_in_with_two_factors(client, make_user(role="office"))

    [organisation] = rows(client.get("/office/open-data/organisations.csv").getvalue().decode())
    [person] = rows(client.get("/office/open-data/people.csv").getvalue().decode())

    assert organisation["name"] == "'" + EVIL_NAME
    assert person["phone"] == "'" + EVIL_PHONE


def test_the_office_xlsx_export_stores_a_formula_as_a_text_cell(client):
    evil_records()
    sign_in_with_two_factors(client, make_user(role="office"))

    response = client.get("/office/open-data/organisations.xlsx")

    sheet = load_workbook(io.BytesIO(response.getvalue())).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("name") + 1)
    assert cell.value == EVIL_NAME
    assert cell.data_type == "s"


def test_the_export_command_quotes_a_formula_in_csv(tmp_path):
    evil_records()
    stdout = io.StringIO()

    call_command("export", "organisations", "--format", "csv", stdout=stdout)
    call_command(
        "export",
        "people",
        "--format",
        "csv",
        "--output",
        str(tmp_path / "people.csv"),
        stderr=io.StringIO(),
    )

    [organisation] = rows(stdout.getvalue())
    [person] = rows((tmp_path / "people.csv").read_text(encoding="utf-8"))
    assert organisation["name"] == "'" + EVIL_NAME
    assert person["phone"] == "'" + EVIL_PHONE
