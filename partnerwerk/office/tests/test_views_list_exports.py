"""Every office list with a dataset offers its export, and the export holds exactly the listed
records: the list's search, origin and filters, in its order, as far as the user may read
them, as XLSX or as CSV for a German Excel."""

import csv
import datetime
import io
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
from lxml import html

from partnerwerk.office.kinds import KINDS
from partnerwerk.office.list_exports import LIST_DATASETS
from partnerwerk.testing import (
    make_budget,
    make_partnership,
    make_place,
    make_project,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client):
    user = make_user(role="office")
    sign_in_with_two_factors(client, user)
    return user


def _content(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _csv_ids(response) -> list[str]:
    text = _content(response).decode("utf-8")
    assert text.startswith("\ufeff")  # the byte-order mark German Excel needs
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    return [row[0] for row in rows[1:]]


def _xlsx_ids(response) -> list[str]:
    sheet = openpyxl.load_workbook(io.BytesIO(_content(response)), read_only=True).active
    return [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]


def _export_links(response) -> dict[str, str]:
    tree = html.fromstring(response.content)
    return {
        urlsplit(href).path.rsplit(".", 1)[-1]: href
        for href in tree.xpath("//p[@class='list-exports']/a/@href")
    }


@pytest.fixture
def projects():
    return {
        "water": make_project(key="wasser", title_de="Wasserprojekt", status="ongoing"),
        "waste": make_project(key="abfall", title_de="Abfallprojekt", status="ongoing"),
        "wind": make_project(key="wind", title_de="Windprojekt", status="planned"),
    }


def test_a_list_links_to_its_export_with_its_filters_but_not_its_page(client, office, projects):
    response = client.get("/office/projects/?q=projekt&status=ongoing&sort=-name&page=1")
    links = _export_links(response)
    assert set(links) == {"xlsx", "csv"}
    for href in links.values():
        assert urlsplit(href).path.startswith("/office/projects/export.")
        query = parse_qs(urlsplit(href).query)
        assert query == {"q": ["projekt"], "status": ["ongoing"], "sort": ["-name"]}


def test_a_filtered_list_s_export_holds_only_the_filtered_rows(client, office, projects):
    query = "?status=ongoing&sort=name"
    assert _csv_ids(client.get("/office/projects/export.csv" + query)) == ["abfall", "wasser"]
    assert _xlsx_ids(client.get("/office/projects/export.xlsx" + query)) == ["abfall", "wasser"]


def test_a_searched_list_s_export_holds_only_what_the_search_found(client, office, projects):
    response = client.get("/office/projects/export.csv?q=wind")
    assert _csv_ids(response) == ["wind"]


def test_the_export_keeps_the_list_s_order(client, office, projects):
    response = client.get("/office/projects/export.csv?sort=-name")
    assert _csv_ids(response) == ["wind", "wasser", "abfall"]


def test_the_export_is_a_download_named_in_the_reader_s_language(client, office, projects):
    response = client.get("/office/projects/export.xlsx")
    assert response["Content-Disposition"].startswith("attachment")
    assert "projekte" in response["Content-Disposition"]
    response = client.get("/en/office/projects/export.csv")
    assert "projects-excel.csv" in response["Content-Disposition"]


def test_the_own_partnership_list_exports_the_city_s_own_the_registry_list_the_registry(
    client, office
):
    dortmund = make_place(name="Dortmund")
    make_partnership(key="dortmund-kumasi", home=dortmund, partner=make_place(name="Kumasi"))
    make_partnership(
        key="leuven-den-bosch",
        home=make_place(name="Leuven", country="BE"),
        partner=make_place(name="’s-Hertogenbosch", country="NL"),
        origin="registry",
    )
    assert _csv_ids(client.get("/office/partnerships/export.csv")) == ["dortmund-kumasi"]
    registry = client.get("/office/partnerships/export.csv?origin=registry")
    assert _csv_ids(registry) == ["leuven-den-bosch"]


def test_a_counterpart_s_export_holds_only_their_partnership_s_records(client, worlds):
    counterpart = make_user(role="counterpart", partnership=worlds["own"].partnership)
    sign_in_with_two_factors(client, counterpart)
    own = worlds["own"]
    assert _csv_ids(client.get("/office/projects/export.csv")) == [own.project.key]
    assert _xlsx_ids(client.get("/office/projects/export.xlsx")) == [own.project.key]
    assert _csv_ids(client.get("/office/partnerships/export.csv")) == [own.partnership.key]
    assert _csv_ids(client.get("/office/activities/export.csv")) == [own.activity.key]


def test_a_user_who_may_not_open_a_list_may_not_export_it(client, worlds):
    counterpart = make_user(role="counterpart", partnership=worlds["own"].partnership)
    sign_in_with_two_factors(client, counterpart)
    assert client.get("/office/people/export.csv").status_code == 403


@pytest.mark.parametrize("slug", sorted(LIST_DATASETS))
@pytest.mark.parametrize("format", ["xlsx", "csv"])
def test_every_list_with_a_dataset_exports_in_both_formats(client, office, slug, format):
    make_project(partnerships=[make_partnership()])
    response = client.get(f"/office/{slug}/export.{format}")
    assert response.status_code == 200
    _content(response)


def test_an_unknown_format_is_not_found(client, office):
    assert client.get("/office/projects/export.json").status_code == 404
    assert client.get("/office/projects/export.pdf").status_code == 404


def test_a_list_without_a_dataset_is_exported_as_it_is_shown(client, office):
    make_partnership(
        key="dortmund-kumasi",
        partner=make_place(name="Kumasi", country="GH"),
        steps=[{"kind": "agreement_signed", "on": datetime.date(2021, 5, 14)}],
    )
    page = client.get("/office/steps/")
    links = _export_links(page)
    assert set(links) == {"xlsx", "csv"}
    text = _content(client.get(links["csv"])).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0] == ["Nummer", "Name", "Partnerschaft"]
    assert len(rows) == 2
    assert rows[1][1] == "14. Mai 2021: Vereinbarung unterzeichnet"
    assert "Kumasi" in rows[1][2]
    assert "agreement_signed" not in text  # the kind by its German name, never its code


def test_a_list_without_a_dataset_exports_a_workbook_with_a_frozen_bold_header(client, office):
    make_budget(project=make_project(title_de="Wasserprojekt"))
    response = client.get("/office/budgets/export.xlsx")
    assert "budgets.xlsx" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(_content(response))).active
    header = [cell.value for cell in sheet[1]]
    assert header == ["Nummer", "Name", "Projekt", "Status"]
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert sheet["C2"].value == "Wasserprojekt"


def test_a_list_without_a_dataset_exports_only_what_the_user_may_read(client, worlds):
    own, other = worlds["own"], worlds["other"]
    counterpart = make_user(role="counterpart", partnership=own.partnership)
    sign_in_with_two_factors(client, counterpart)
    text = _content(client.get("/office/documents/export.csv")).decode("utf-8")
    numbers = {row[0] for row in csv.reader(io.StringIO(text[1:]), delimiter=";")}
    assert str(own.document.pk) in numbers
    assert str(other.document.pk) not in numbers


@pytest.mark.parametrize("slug", sorted(KINDS))
def test_every_office_list_offers_its_export(client, office, slug):
    response = client.get(f"/office/{slug}/export.csv")
    assert response.status_code == 200
    assert _content(response).startswith("\ufeff".encode()) or not _content(response)
