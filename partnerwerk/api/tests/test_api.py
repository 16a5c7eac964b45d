import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
)

pytestmark = pytest.mark.django_db


def ids(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_it_lists_public_curated_partnerships_with_a_count(client):
    partnership = make_active_partnership()

    response = client.get("/api/v1/partnerships")

    assert ids(response) == [partnership.key]
    assert response.json()["count"] == 1
    item = response.json()["items"][0]
    assert item["status"] == "active"
    assert item["since"] == "2011-05-14"
    assert item["partner"]["geonames_id"] == partnership.partner.geonames_id


def test_it_filters_partnerships_by_kind_and_status(client):
    climate = make_active_partnership(kind="climate")
    make_active_partnership(kind="twinning")
    make_partnership(kind="climate")  # only proposed

    assert ids(client.get("/api/v1/partnerships?kind=climate&status=active")) == [climate.key]


def test_it_filters_partnerships_by_the_partners_country(client):
    ghana = make_partnership(partner=make_place(country="GH", name="Kumasi"))
    make_partnership(partner=make_place(country="UA", name="Zhytomyr"))

    assert ids(client.get("/api/v1/partnerships?country=gh")) == [ghana.key]


def test_it_filters_partnerships_by_theme_and_sdg(client):
    water = make_theme(code="water")
    both = make_partnership(themes=[water], sdgs=[6, 13])
    make_partnership(themes=[water], sdgs=[4])
    make_partnership(sdgs=[6])

    assert ids(client.get("/api/v1/partnerships?theme=water&sdg=6")) == [both.key]


def test_it_refuses_an_unknown_partnership_kind(client):
    assert client.get("/api/v1/partnerships?kind=marriage").status_code == 422


def test_it_shows_registry_partnerships_only_when_asked(client):
    curated = make_partnership()
    registry = make_partnership(origin="registry")

    assert ids(client.get("/api/v1/partnerships")) == [curated.key]
    assert ids(client.get("/api/v1/partnerships?origin=registry")) == [registry.key]


def test_it_pages_partnerships(client):
    for name in ("Aachen", "Bonn", "Celle", "Dessau", "Essen"):
        make_partnership(partner=make_place(name=name))

    response = client.get("/api/v1/partnerships?page=2&page_size=2")

    assert response.json()["count"] == 5
    assert [item["partner"]["name"] for item in response.json()["items"]] == ["Celle", "Dessau"]


def test_it_hides_internal_partnerships(client):
    internal = make_partnership(visibility="internal")

    assert ids(client.get("/api/v1/partnerships")) == []
    response = client.get(f"/api/v1/partnerships/{internal.key}")
    assert response.status_code == 404
    assert internal.key in response.json()["detail"]


def test_it_shows_one_partnership_by_its_key(client):
    source = make_source(title="Ratsbeschluss")
    partnership = make_partnership(
        steps=[{"kind": "council_decision", "on": datetime.date(2023, 2, 1), "precision": "month"}],
        sources=[source],
    )

    response = client.get(f"/api/v1/partnerships/{partnership.key}")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "approved"
    assert body["steps"] == [
        {
            "date": "2023-02",
            "type": "council_decision",
            "status_after": "approved",
            "dated_by_report": False,
            "note": "",
        }
    ]
    assert body["sources"][0]["title"] == "Ratsbeschluss"


def test_it_does_not_name_an_internal_predecessor(client):
    earlier = make_partnership(kind="solidarity", visibility="internal")
    later = make_partnership(kind="twinning", succeeds=earlier)

    assert client.get(f"/api/v1/partnerships/{later.key}").json()["succeeds"] is None


def test_the_partnership_list_needs_as_many_queries_for_ten_rows_as_for_three(client):
    def add_partnerships(count):
        for _ in range(count):
            earlier = make_partnership(kind="solidarity")
            make_active_partnership(
                kind="twinning",
                home=earlier.home,
                partner=earlier.partner,
                succeeds=earlier,
                themes=[make_theme()],
                sdgs=[11, 13],
                sources=[make_source()],
            )

    add_partnerships(3)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/api/v1/partnerships").json()["count"] == 6
    add_partnerships(7)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/api/v1/partnerships").json()["count"] == 20

    assert len(many) == len(few)


def test_it_filters_places_by_country(client):
    kumasi = make_place(name="Kumasi", country="GH", geonames_id=2298890)
    make_place(name="Dortmund", country="DE")

    response = client.get("/api/v1/places?country=GH")

    assert [item["geonames_id"] for item in response.json()["items"]] == [kumasi.geonames_id]
    assert response.json()["items"][0]["country"] == "GH"


def test_it_shows_one_place_by_its_geonames_id(client):
    make_place(name="Kumasi", country="GH", geonames_id=2298890)

    assert client.get("/api/v1/places/2298890").json()["name"] == "Kumasi"
    assert client.get("/api/v1/places/1").status_code == 404


def test_it_hides_internal_projects(client):
    public = make_project()
    internal = make_project(visibility="internal")

    assert ids(client.get("/api/v1/projects")) == [public.key]
    assert client.get(f"/api/v1/projects/{public.key}").status_code == 200
    assert client.get(f"/api/v1/projects/{internal.key}").status_code == 404


def test_it_hides_internal_activities(client):
    public = make_activity()
    internal = make_activity(visibility="internal")

    assert ids(client.get("/api/v1/activities")) == [public.key]
    assert client.get(f"/api/v1/activities/{internal.key}").status_code == 404


def test_it_hides_internal_records_linked_from_public_ones(client):
    hidden_project = make_project(visibility="internal")
    hidden_partnership = make_partnership(visibility="internal")
    activity = make_activity(project=hidden_project, partnerships=[hidden_partnership])

    body = client.get(f"/api/v1/activities/{activity.key}").json()

    assert body["project"] is None
    assert body["partnerships"] == []


def test_it_hides_people_not_named_in_public(client):
    project = make_project()
    office = make_organisation(key="international-office")
    public = make_person(key="lord-mayor", email="mayor@example.org")
    private = make_person(
        key="desk-officer", visibility="internal", email="desk@example.org", phone="0231 1"
    )
    for person in (public, private):
        make_involvement(project=project, person=person, role="contact")
    make_involvement(project=project, organisation=office, role="lead")

    response = client.get(f"/api/v1/projects/{project.key}")

    involvements = response.json()["involvements"]
    assert {item["person"] for item in involvements} == {"lord-mayor", None}
    assert {item["organisation"] for item in involvements} == {"international-office", None}
    for private_text in (b"desk-officer", b"desk@example.org", b"0231 1", private.name.encode()):
        assert private_text not in response.content


def test_it_lists_organisations_with_their_parent(client):
    department = make_organisation(key="dezernat-1", name="Dezernat 1")
    office = make_organisation(key="auslandsbuero", name="Auslandsbüro", parent=department)

    response = client.get(f"/api/v1/organisations/{office.key}")

    assert response.json()["parent"] == "dezernat-1"
    assert ids(client.get("/api/v1/organisations")) == ["auslandsbuero", "dezernat-1"]
    assert client.get("/api/v1/organisations/nobody").status_code == 404


def test_the_openapi_document_describes_the_partnership_fields(client):
    document = client.get("/api/v1/openapi.json").json()

    fields = document["components"]["schemas"]["PartnershipOut"]["properties"]
    assert {"id", "kind", "status", "since", "home", "partner", "steps", "sdgs"} <= set(fields)
    assert "/api/v1/partnerships/{key}" in document["paths"]
