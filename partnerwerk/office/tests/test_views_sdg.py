"""The SDGs in the back office: overview, suggestions for a record, one-click verdicts."""

import pytest

from partnerwerk.sdg.models import SdgSuggestionDecision, SdgTag
from partnerwerk.testing import (
    make_organisation,
    make_project,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db

WASTE = (
    "Die Stadt Dortmund unterstützt die Partnerstadt beim Aufbau einer geordneten "
    "Abfallwirtschaft: Müll wird getrennt gesammelt, recycelt und sicher deponiert."
)


@pytest.fixture
def office_client(client):
    sign_in_with_two_factors(client, make_user(role="office"))
    return client


def test_the_office_overview_counts_internal_records(office_client):
    project = make_project(visibility="internal")
    SdgTag.objects.create(project=project, goal_id=12, significance="principal")
    page = office_client.get("/en/office/sdg/").content.decode()
    assert "What serves each goal" in page
    table = page[page.index('class="sdg-table"') :]
    row = table[table.index(">12 ") :]
    assert [cell.split("<")[0] for cell in row.split("<td>")[3:5]] == ["1", "0"]


def test_a_goal_shows_its_targets_and_indicators(office_client):
    page = office_client.get("/en/office/sdg/goals/11/").content.decode()
    assert "11.6" in page
    assert "11.6.1" in page


def test_a_german_text_gets_suggestions_with_passage(office_client):
    response = office_client.post("/office/sdg/suggest/", {"text": WASTE})
    page = response.content.decode()
    assert "SDG 12" in page or "SDG 11" in page
    assert "Abfallwirtschaft" in page


def test_a_record_shows_suggestions_and_one_click_confirms(office_client):
    project = make_project(title_de="Abfallwirtschaft in der Partnerstadt", summary_de=WASTE)
    page = office_client.get(f"/en/office/sdg/projects/{project.pk}/").content.decode()
    assert "Suggestions from the text" in page
    assert "Confirm SDG" in page
    response = office_client.post(
        f"/office/sdg/projects/{project.pk}/confirm/",
        {"goal": 12, "significance": "principal"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    tag = SdgTag.objects.get(project=project, goal_id=12)
    assert tag.origin == "suggestion"
    assert tag.significance == "principal"
    assert tag.confirmed_by is not None and tag.confirmed_at is not None
    assert "Confirm SDG 12" not in response.content.decode()


def test_a_rejected_suggestion_is_remembered_and_not_offered_again(office_client):
    project = make_project(title_de="Abfallwirtschaft in der Partnerstadt", summary_de=WASTE)
    office_client.post(f"/office/sdg/projects/{project.pk}/reject/", {"goal": 12})
    assert SdgSuggestionDecision.objects.filter(
        project=project, goal_id=12, verdict="rejected"
    ).exists()
    page = office_client.get(f"/en/office/sdg/projects/{project.pk}/").content.decode()
    assert "Reject SDG 12" not in page


def test_a_viewer_sees_suggestions_but_cannot_confirm(client):
    sign_in_with_two_factors(client, make_user(role="viewer"))
    project = make_project(summary_de=WASTE)
    page = client.get(f"/en/office/sdg/projects/{project.pk}/").content.decode()
    assert "Confirm SDG" not in page
    response = client.post(f"/office/sdg/projects/{project.pk}/confirm/", {"goal": 12})
    assert response.status_code == 403
    assert not SdgTag.objects.filter(project=project).exists()


def test_an_editor_of_another_organisation_cannot_confirm(client):
    editor = make_user(role="department_editor", organisation=make_organisation())
    sign_in_with_two_factors(client, editor)
    project = make_project(summary_de=WASTE)
    response = client.post(f"/office/sdg/projects/{project.pk}/confirm/", {"goal": 12})
    assert response.status_code in (403, 404)
    assert not SdgTag.objects.filter(project=project).exists()


def test_an_unknown_record_kind_is_not_found(office_client):
    assert office_client.get("/office/sdg/people/1/").status_code == 404


def test_a_counterpart_finds_no_suggestions_for_another_partnerships_record(client):
    from partnerwerk.testing import make_partnership

    own, other = make_partnership(), make_partnership()
    sign_in_with_two_factors(client, make_user(role="counterpart", partnership=own))
    assert client.get(f"/en/office/sdg/partnerships/{other.pk}/").status_code == 404
