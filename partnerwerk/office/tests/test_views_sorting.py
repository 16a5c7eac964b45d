"""Sortable columns on the office's lists: a header links to its sort (keeping the search,
the filters and the origin, back on the first page), says which column is sorted and how
(aria-sort), names sort as the reader reads them, and an unknown sort is no error."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import html

from partnerwerk.office.kinds import KINDS
from partnerwerk.office.sorting import SORTS
from partnerwerk.testing import (
    make_activity,
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


@pytest.fixture
def partner_cities():
    """The city's own partnerships with partners whose German names sort otherwise than
    GeoNames' names and whose initials carry accents."""
    dortmund = make_place(name="Dortmund")
    names = [
        ("Zhytomyr", "Schytomyr", "UA"),
        ("Zwickau", "", "DE"),
        ("Łódź", "Lodz", "PL"),
        ("Östersund", "", "SE"),
        ("Amiens", "", "FR"),
    ]
    for name, german, country in names:
        make_partnership(
            home=dortmund, partner=make_place(name=name, name_de=german, country=country)
        )


def _names(response) -> list[str]:
    return [str(record.partner) for record in response.context["page"].object_list]


def test_a_list_sorted_by_name_reads_in_german_order(client, office, partner_cities):
    response = client.get("/office/partnerships/?sort=name")
    assert _names(response) == ["Amiens", "Lodz", "Östersund", "Schytomyr", "Zwickau"]


def test_a_list_sorted_by_name_descending_reads_backwards(client, office, partner_cities):
    response = client.get("/office/partnerships/?sort=-name")
    assert _names(response) == ["Zwickau", "Schytomyr", "Östersund", "Lodz", "Amiens"]


def test_the_english_list_sorts_by_the_english_names(client, office, partner_cities):
    response = client.get("/en/office/partnerships/?sort=name")
    assert _names(response) == ["Amiens", "Łódź", "Östersund", "Zhytomyr", "Zwickau"]


def test_the_sorted_header_says_so_and_links_to_the_other_direction(client, office, partner_cities):
    response = client.get("/office/partnerships/?sort=name")
    tree = html.fromstring(response.content)
    first, *others = tree.xpath("//table[@class='records']/thead//th")
    assert first.get("aria-sort") == "ascending"
    assert parse_qs(urlsplit(first.find("a").get("href")).query)["sort"] == ["-name"]
    assert all(th.get("aria-sort") is None for th in others)

    response = client.get("/office/partnerships/?sort=-name")
    first = html.fromstring(response.content).xpath("//table[@class='records']/thead//th")[0]
    assert first.get("aria-sort") == "descending"
    assert parse_qs(urlsplit(first.find("a").get("href")).query)["sort"] == ["name"]


def test_a_header_link_keeps_the_search_filters_and_origin_and_starts_on_page_one(client, office):
    make_partnership(kind="friendship", origin="registry")
    response = client.get(
        "/office/partnerships/?q=a&kind=friendship&origin=registry&page=2&sort=name"
    )
    tree = html.fromstring(response.content)
    for link in tree.xpath("//table[@class='records']/thead//th/a"):
        query = parse_qs(urlsplit(link.get("href")).query)
        assert query["q"] == ["a"]
        assert query["kind"] == ["friendship"]
        assert query["origin"] == ["registry"]
        assert "page" not in query


def test_the_search_form_keeps_the_chosen_sort(client, office, partner_cities):
    response = client.get("/office/partnerships/?sort=-name")
    tree = html.fromstring(response.content)
    assert tree.xpath("//form[@role='search']//input[@name='sort']/@value") == ["-name"]


def test_the_pages_of_a_sorted_list_keep_its_sort_and_filters(client, office):
    for number in range(55):
        make_project(title_de=f"Projekt {number:02}", status="ongoing")
    response = client.get("/office/projects/?sort=-name&status=ongoing")
    assert str(response.context["page"].object_list[0]) == "Projekt 54"
    link = html.fromstring(response.content).xpath("//nav[@class='pages']//a")[0]
    query = parse_qs(urlsplit(link.get("href")).query)
    assert query == {"sort": ["-name"], "status": ["ongoing"], "page": ["2"]}


def test_a_choice_column_sorts_by_its_german_label(client, office):
    make_project(title_de="Laufend", status="ongoing")  # "laufend"
    make_project(title_de="Geplant", status="planned")  # "geplant"
    make_project(title_de="Abgeschlossen", status="completed")  # "abgeschlossen"
    response = client.get("/office/projects/?sort=status")
    titles = [str(project) for project in response.context["page"].object_list]
    assert titles == ["Abgeschlossen", "Geplant", "Laufend"]


def test_undated_records_come_last_in_either_direction(client, office):
    make_activity(title_de="Früh", start_date=datetime.date(2020, 1, 1))
    make_activity(title_de="Spät", start_date=datetime.date(2025, 1, 1))
    make_activity(title_de="Ohne Datum", start_date=None)
    ascending = client.get("/office/activities/?sort=start_date").context["page"].object_list
    descending = client.get("/office/activities/?sort=-start_date").context["page"].object_list
    assert [str(a) for a in ascending] == ["Früh", "Spät", "Ohne Datum"]
    assert [str(a) for a in descending] == ["Spät", "Früh", "Ohne Datum"]


@pytest.mark.parametrize("value", ["key", "-pk", "partner__name", "name;drop", "--name", "", " "])
def test_an_unknown_sort_keeps_the_default_order_and_is_no_error(
    client, office, partner_cities, value
):
    default = _names(client.get("/office/partnerships/"))
    response = client.get("/office/partnerships/", {"sort": value})
    assert response.status_code == 200
    assert _names(response) == default
    tree = html.fromstring(response.content)
    assert not tree.xpath("//th[@aria-sort]")


def test_without_a_sort_the_list_keeps_its_default_order(client, office, partner_cities):
    response = client.get("/office/partnerships/")
    # By GeoNames' name as stored (Partnership.Meta.ordering), shown in German.
    assert _names(response) == ["Amiens", "Schytomyr", "Zwickau", "Östersund", "Lodz"]
    assert not html.fromstring(response.content).xpath("//th[@aria-sort]")


def test_every_list_in_the_navigation_can_be_sorted():
    assert {kind.slug for kind in KINDS.values() if kind.listed} <= set(SORTS)


@pytest.mark.parametrize("slug", sorted(SORTS))
def test_each_sortable_column_sorts_its_list_both_ways(client, slug):
    sign_in_with_two_factors(client, make_user(role="administrator"))
    partnership = make_partnership()
    make_project(partnerships=[partnership])
    make_activity(partnerships=[partnership])
    assert "name" in SORTS[slug]
    assert set(SORTS[slug]) - {"name"} <= {name for name, _label in KINDS[slug].columns}
    for column in SORTS[slug]:
        for value in (column, f"-{column}"):
            response = client.get(f"/office/{slug}/", {"sort": value})
            assert response.status_code == 200
            assert response.context["sort"] == value


def test_a_long_list_counts_its_records_with_grouped_digits(client, office):
    from partnerwerk.partnerships.models import Partnership
    from partnerwerk.places.models import Place

    places = Place.objects.bulk_create(
        Place(name=f"Ort {number}", country="DE", continent="EU") for number in range(1001)
    )
    Partnership.objects.bulk_create(
        Partnership(key=f"registry-{number}", origin="registry", home=places[0], partner=place)
        for number, place in enumerate(places[1:])
    )
    [status] = html.fromstring(client.get("/office/partnerships/?origin=registry").content).xpath(
        "//p[@role='status']"
    )
    assert " ".join(status.text_content().split()) == "1.000 Einträge"
    english = client.get("/en/office/partnerships/?origin=registry").content
    [status] = html.fromstring(english).xpath("//p[@role='status']")
    assert " ".join(status.text_content().split()) == "1,000 records"
