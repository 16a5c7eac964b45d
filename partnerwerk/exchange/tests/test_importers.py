import csv
import io
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerwerk.actors.models import Organisation
from partnerwerk.exchange.exporters import export_dataset, export_dataset_xlsx
from partnerwerk.exchange.importers import IMPORTABLE, plan_import, run_import
from partnerwerk.exchange.tables import ImportFailure
from partnerwerk.projects.models import Project
from partnerwerk.testing import (
    make_active_partnership,
    make_place,
    make_project,
    make_theme,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, whatever the default language."""
    with translation.override("en"):
        yield


def csv_bytes(dataset: str, headers: str = "en") -> bytes:
    stream = io.StringIO()
    export_dataset(dataset, "csv", stream, headers=headers)
    return stream.getvalue().encode()


def xlsx_bytes(dataset: str, headers: str = "en") -> bytes:
    stream = io.BytesIO()
    export_dataset_xlsx(dataset, stream, headers=headers)
    return stream.getvalue()


def some_projects():
    partnership = make_active_partnership(key="dortmund-kumasi")
    make_theme(code="water")
    make_project(key="alpha", title_de="Alpha", partnerships=[partnership])
    make_project(key="beta", title_de="Beta", summary_de="Zwei\nZeilen; „Zitat“")


def test_reimporting_an_exported_csv_changes_nothing():
    some_projects()

    plan = run_import(plan_import("projects", csv_bytes("projects"), "projects.csv"))

    assert plan.summary() == "0 created, 0 changed, 2 unchanged, 0 refused."


def test_an_edited_spreadsheet_updates_exactly_the_changed_rows():
    some_projects()
    text = csv_bytes("projects").decode().replace("Alpha", "Alpha (neu)")

    plan = run_import(plan_import("projects", text.encode(), "projects.csv"))

    assert [(o.key, o.state, o.changed) for o in plan.outcomes] == [
        ("alpha", "changed", ["title_de"]),
        ("beta", "unchanged", []),
    ]
    assert Project.objects.get(key="alpha").title_de == "Alpha (neu)"
    assert Project.objects.get(key="alpha").history.count() == 2


def test_an_xlsx_with_german_headings_imports_like_the_csv():
    some_projects()

    plan = plan_import("projects", xlsx_bytes("projects", headers="de"), "projekte.xlsx")

    assert plan.summary() == "0 created, 0 changed, 2 unchanged, 0 refused."


def test_the_xlsx_export_has_the_csv_columns_and_an_import_reads_only_those():
    from openpyxl import load_workbook

    from partnerwerk.exchange.tables import read_table

    some_projects()

    header = next(csv.reader(io.StringIO(csv_bytes("projects").decode())))
    sheet = load_workbook(io.BytesIO(xlsx_bytes("projects"))).worksheets[0]
    xlsx_header = [cell.value for cell in sheet[1]]

    # Names for reading follow their codes; the import leaves them out.
    assert [heading for heading in xlsx_header if heading in header] == header
    assert "status_name" in xlsx_header
    assert read_table(xlsx_bytes("projects"), "projects.xlsx").header == header


def test_a_dry_run_lists_created_changed_and_refused_rows_with_reasons():
    make_project(key="alpha", title_de="Alpha")
    text = "id,title_de,status\nalpha,Alpha 2,ongoing\ngamma,Gamma,planned\ndelta,Delta,runnign\n"

    plan = plan_import("projects", text.encode(), "projects.csv")

    assert [o.describe() for o in plan.outcomes] == [
        "row 2 (alpha): changed title_de",
        "row 3 (gamma): created",
        "row 4 (delta): refused, field “status”: “runnign” is not one of: planned, ongoing, "
        "completed, suspended, cancelled.",
    ]
    assert Project.objects.count() == 1


def test_a_real_run_with_a_refused_row_writes_nothing():
    text = "id,title_de,status\ngamma,Gamma,planned\ndelta,,planned\n"
    plan = plan_import("projects", text.encode(), "projects.csv")

    with pytest.raises(ImportFailure, match="projects.csv, row 3, field “title_de”"):
        run_import(plan)
    assert not Project.objects.exists()


def test_created_records_are_internal_unless_the_file_says_otherwise():
    text = "id,title_de,status,visibility\ngamma,Gamma,planned,\ndelta,Delta,planned,public\n"

    run_import(plan_import("projects", text.encode(), "projects.csv"))

    assert dict(Project.objects.values_list("key", "visibility")) == {
        "gamma": "internal",
        "delta": "public",
    }


def test_organisations_may_name_a_parent_defined_further_down_the_file():
    text = "id,name,kind,parent\nunit,Amt,city_office,city\ncity,Stadt,city_office,\n"

    run_import(plan_import("organisations", text.encode(), "orgs.csv"))

    assert Organisation.objects.get(key="unit").parent.key == "city"


def test_it_refuses_a_wrong_column_naming_file_row_and_field():
    with pytest.raises(ImportFailure) as error:
        plan_import("projects", b"id,title_de,budget\nx,X,5\n", "projects.csv")

    assert str(error.value).startswith("projects.csv, row 1, field “budget”: There is no column")


def test_it_refuses_a_truncated_csv():
    data = csv_bytes("projects") if Project.objects.exists() else b"id,title_de,status\nx,X"

    with pytest.raises(ImportFailure, match="row 2, field “status”: .*truncated"):
        plan_import("projects", data, "projects.csv")


def test_it_refuses_a_csv_cut_inside_a_quoted_field():
    with pytest.raises(ImportFailure, match="malformed"):
        plan_import("projects", b'id,title_de,status\nx,"X is cut', "projects.csv")


def test_it_refuses_a_file_that_is_not_a_spreadsheet():
    with pytest.raises(ImportFailure, match="not an XLSX spreadsheet"):
        plan_import("projects", b"PK\x03\x04 this is no zip", "projects.xlsx")


def test_it_refuses_a_zip_bomb_without_unpacking_it():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))

    with pytest.raises(ImportFailure, match="zip bomb"):
        plan_import("projects", buffer.getvalue(), "bomb.xlsx")


def test_it_refuses_text_that_is_not_utf_8():
    with pytest.raises(ImportFailure, match="not UTF-8"):
        plan_import("projects", "id,title_de\nx,Müll\n".encode("latin-1"), "projects.csv")


def test_the_command_prints_a_dry_run_row_by_row_and_writes_nothing(tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text("id,title_de,status\ngamma,Gamma,planned\n", encoding="utf-8")
    stdout = io.StringIO()

    call_command("import", "projects", str(path), "--dry-run", "--no-progress", stdout=stdout)

    assert "row 2 (gamma): created" in stdout.getvalue()
    assert "Dry run, nothing written" in stdout.getvalue()
    assert not Project.objects.exists()


def test_the_command_refuses_a_file_with_refused_rows(tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text("id,title_de,status\ngamma,Gamma,planned\nbad key!,X,planned\n")

    with pytest.raises(CommandError, match="1 rows were refused"):
        call_command("import", "projects", str(path), "--no-progress", stdout=io.StringIO())
    assert not Project.objects.exists()


def test_partnerships_import_with_places_and_themes():
    make_place(geonames_id=1), make_place(geonames_id=2), make_theme(code="water")
    text = "id,kind,home_geonames_id,partner_geonames_id,themes\np,twinning,1,2,water\n"

    run_import(plan_import("partnerships", text.encode(), "p.csv"))
    again = plan_import("partnerships", text.encode(), "p.csv")

    assert again.summary() == "0 created, 0 changed, 1 unchanged, 0 refused."


def test_activities_refuse_an_unknown_project():
    text = "id,title_de,kind,project\na,A,workshop,nowhere\n"

    with translation.override("en"):
        plan = plan_import("activities", text.encode(), "a.csv")

        assert plan.outcomes[0].reason == "There is no project “nowhere”."


def test_it_refuses_a_partnership_that_names_itself_as_its_predecessor_once_it_exists():
    make_active_partnership(key="dortmund-kumasi")
    text = "id,succeeds\ndortmund-kumasi,dortmund-kumasi\n"

    plan = plan_import("partnerships", text.encode(), "p.csv")

    assert [o.describe() for o in plan.outcomes] == [
        "row 2 (dortmund-kumasi): refused, field “succeeds”: A partnership cannot succeed itself."
    ]


def test_it_refuses_a_key_longer_than_the_datasets_key_field_instead_of_failing_in_the_database():
    key = "o" * 81  # Organisation.key holds 80 characters
    text = f"id,name,kind\n{key},Amt,city_office\n"

    plan = plan_import("organisations", text.encode(), "orgs.csv")

    assert (plan.outcomes[0].state, plan.outcomes[0].column) == ("refused", "id")
    assert plan.outcomes[0].reason == "The text is longer than 80 characters."


# -- random input: only a clear error or a complete import --------------------------------

cells = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


def _attempt(dataset: str, data: bytes, file: str) -> None:
    before = {model: model.all_objects.count() for model in (Project, Organisation)}
    try:
        plan = plan_import(dataset, data, file)
        run_import(plan)
    except ImportFailure as error:
        assert str(error).startswith(file)
        assert {model: model.all_objects.count() for model in before} == before
        return
    created = sum(1 for outcome in plan.outcomes if outcome.state == "created")
    model = {"projects": Project, "organisations": Organisation}.get(dataset)
    if model is not None:
        assert model.all_objects.count() == before[model] + created


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    dataset=st.sampled_from(IMPORTABLE),
    rows=st.lists(st.lists(cells, min_size=0, max_size=5), max_size=5),
    header=st.lists(
        st.sampled_from(["id", "title_de", "name", "kind", "status", "start", "x"]), max_size=5
    ),
)
def test_random_rows_give_a_clear_error_or_a_complete_import(dataset, rows, header):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)

    _attempt(dataset, buffer.getvalue().encode(), "random.csv")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(dataset=st.sampled_from(IMPORTABLE), data=st.binary(max_size=300), zipped=st.booleans())
def test_random_bytes_give_a_clear_error_or_a_complete_import(dataset, data, zipped):
    _attempt(
        dataset,
        (b"PK\x03\x04" + data) if zipped else data,
        "random.xlsx" if zipped else "random.csv",
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_random_bytes_give_the_iati_importer_a_clear_error(data):
    from partnerwerk.exchange.iati.reader import import_iati

    with pytest.raises(ImportFailure) as error:
        import_iati(data, "random.xml")
    assert str(error.value).startswith("random.xml")
    assert not Project.objects.exists()
