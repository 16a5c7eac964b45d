import csv
import datetime
import io
import json

import pytest

from partnerwerk.exchange.exporters import DATASETS, export_dataset
from partnerwerk.testing import (
    make_active_partnership,
    make_activity,
    make_involvement,
    make_organisation,
    make_partnership,
    make_person,
    make_place,
    make_project,
    make_source,
    make_theme,
    make_transaction,
)

pytestmark = pytest.mark.django_db


def export(name: str, format: str = "json"):
    stream = io.StringIO()
    export_dataset(name, format, stream)
    if format == "json":
        return json.loads(stream.getvalue())
    return stream.getvalue()


def test_the_json_export_of_a_partnership_has_every_required_key_with_its_type():
    source = make_source(key="ratsbeschluss-2011", seed_file="seed-07.html", url="")
    make_partnership(
        key="dortmund-kumasi-twinning",
        kind="twinning",
        home=make_place(name="Dortmund", geonames_id=2935517),
        partner=make_place(name="Kumasi", country="GH", latitude=6.69, longitude=-1.62),
        description_de="Städtepartnerschaft",
        steps=[
            {"kind": "council_decision", "on": datetime.date(2010, 1, 1), "precision": "year"},
            {"kind": "agreement_signed", "on": datetime.date(2011, 5, 14), "note_de": "Urkunde"},
        ],
        themes=[make_theme(code="water")],
        sdgs=[13, 6],
        sources=[source],
    )

    [row] = export("partnerships")

    assert row["id"] == "dortmund-kumasi-twinning"
    assert (row["kind"], row["status"], row["since"]) == ("twinning", "active", "2011-05-14")
    assert row["home"] == {
        "name": "Dortmund",
        "country": "DE",
        "geonames_id": 2935517,
        "lat": 51.5,
        "lon": 7.5,
    }
    assert row["partner"]["country"] == "GH"
    assert isinstance(row["partner"]["lat"], float)
    assert row["steps"] == [
        {
            "date": "2010",
            "type": "council_decision",
            "status_after": "approved",
            "dated_by_report": False,
            "note": "",
        },
        {
            "date": "2011-05-14",
            "type": "agreement_signed",
            "status_after": "active",
            "dated_by_report": False,
            "note": "Urkunde",
        },
    ]
    assert row["themes"] == ["water"]
    assert row["sdgs"] == [6, 13]
    assert row["sources"] == [
        {
            "key": "ratsbeschluss-2011",
            "title": source.title,
            "url": None,
            "seed_file": "seed-07.html",
        }
    ]
    assert (row["origin"], row["succeeds"]) == ("curated", None)
    assert (row["description_de"], row["description_en"]) == ("Städtepartnerschaft", "")


def test_a_partnership_without_a_start_has_no_since():
    make_partnership(steps=[{"kind": "proposal", "on": datetime.date(2024, 3, 1)}])

    [row] = export("partnerships")

    assert (row["status"], row["since"]) == ("proposed", None)


def test_it_leaves_internal_records_out_of_every_export():
    make_partnership(key="hidden-partnership", visibility="internal")
    make_project(key="hidden-project", visibility="internal")
    make_activity(key="hidden-activity", visibility="internal")
    make_person(key="hidden-person", visibility="internal")

    for name in ("partnerships", "projects", "activities", "people"):
        assert export(name) == []


def test_the_people_export_holds_no_private_contact_data():
    office = make_organisation(key="auslandsbuero")
    make_person(key="lord-mayor", honorific="Dr.", organisation=office, function_de="OB")
    make_person(key="desk-officer", visibility="internal", email="desk@example.org")

    text = io.StringIO()
    export_dataset("people", "json", text)

    [row] = json.loads(text.getvalue())
    assert row["id"] == "lord-mayor"
    assert (row["honorific"], row["function_de"], row["organisation"]) == ("Dr.", "OB", office.key)
    assert "desk" not in text.getvalue()


def test_the_json_export_keeps_umlauts_readable():
    make_activity(title_de="Delegationsreise nach Kumasi – Müllabfuhr")

    stream = io.StringIO()
    export_dataset("activities", "json", stream)

    assert "– Müllabfuhr" in stream.getvalue()
    assert stream.getvalue().startswith("[\n  {\n    ")


def test_an_empty_dataset_is_an_empty_json_array():
    assert export("projects") == []


def test_every_csv_row_has_the_columns_of_the_header():
    make_partnership(key="plain")
    make_active_partnership(
        key="busy",
        themes=[make_theme(), make_theme()],
        sdgs=[1, 2, 3],
        sources=[make_source(), make_source()],
        description_de="Zwei\nZeilen; mit Semikolon",
    )

    rows = list(csv.reader(io.StringIO(export("partnerships", "csv"))))

    header, *body = rows
    assert len(body) == 2
    assert all(len(row) == len(header) for row in body)
    busy = next(dict(zip(header, row, strict=True)) for row in body if row[0] == "busy")
    assert busy["partner_geonames_id"].isdigit()
    assert busy["sdgs"] == "1|2|3"
    assert busy["steps"] == "2011-05-14 agreement_signed -> active"
    assert busy["description_de"] == "Zwei\nZeilen; mit Semikolon"


def test_activities_with_and_without_a_place_share_the_csv_columns():
    project = make_project()
    make_activity(key="with-place", place=make_place(), project=project)
    make_activity(key="without-place", location_text="Ghana")
    make_involvement(activity=project.activities.get(), organisation=make_organisation())

    header, *body = list(csv.reader(io.StringIO(export("activities", "csv"))))

    assert "place_geonames_id" in header
    assert len(body) == 2
    assert all(len(row) == len(header) for row in body)


@pytest.mark.parametrize("name", list(DATASETS))
@pytest.mark.parametrize("format", ["json", "csv"])
def test_every_dataset_exports_in_both_formats(name, format):
    place = make_place()
    organisation = make_organisation(place=place)
    make_person(organisation=organisation)
    project = make_project(partnerships=[make_active_partnership(home=place)], sdgs=[11])
    make_activity(place=place, project=project)
    make_transaction(project=project)
    make_partnership(origin="registry")  # a relation of the world twinnings registry

    stream = io.StringIO()
    count = export_dataset(name, format, stream)

    assert count >= 1
    assert stream.getvalue()


def test_it_refuses_an_unknown_dataset():
    with pytest.raises(ValueError, match="partnerships"):
        export_dataset("secrets", "json", io.StringIO())


def test_the_transactions_export_keeps_the_original_currency_and_the_euro_value():
    import decimal

    make_transaction(
        key="cedis",
        amount=decimal.Decimal("3000.00"),
        currency="GHS",
        amount_eur=decimal.Decimal("250.00"),
        value_date=datetime.date(2021, 7, 1),
    )
    make_transaction(key="hidden", visibility="internal")

    [row] = export("transactions")

    assert (row["amount"], row["currency"], row["amount_eur"], row["exchange_date"]) == (
        "3000.00",
        "GHS",
        "250.00",
        "2021-07-01",
    )


def test_an_xlsx_cell_that_looks_like_a_formula_stays_text():
    from openpyxl import load_workbook

    from partnerwerk.exchange.exporters import export_dataset_xlsx

    make_project(title_de="=HYPERLINK(1)")
    stream = io.BytesIO()

    export_dataset_xlsx("projects", stream)

    sheet = load_workbook(io.BytesIO(stream.getvalue())).worksheets[0]
    assert sheet["B2"].value == "=HYPERLINK(1)"
    assert sheet["B2"].data_type == "s"
