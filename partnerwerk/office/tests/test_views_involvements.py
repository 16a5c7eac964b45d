"""Who is involved, kept in the office: listed on the partnership's, project's and
activity's pages, added, changed and deleted there by office staff only."""

import pytest
from django.utils import translation

from partnerwerk.accounts.models import OfficeRole
from partnerwerk.actors.models import Involvement
from partnerwerk.testing import make_organisation, make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def test_office_staff_involve_an_organisation_from_the_project_page(client, worlds):
    sign_in_with_two_factors(client, make_user(role=OfficeRole.OFFICE))
    project = worlds["own"].project
    page = client.get(f"/office/projects/{project.pk}/").content.decode()
    assert "Own office" in page and "Federführung" in page  # the fixture's lead
    assert f'href="/office/involvements/new/?project={project.pk}"' in page
    school = make_organisation(name="Gesamtschule Scharnhorst")
    response = client.post(
        f"/office/involvements/new/?project={project.pk}",
        {"organisation": school.pk, "role": "partner", "project": project.pk},
    )
    assert response["Location"] == f"/office/projects/{project.pk}/#involvements"
    assert (
        "Gesamtschule Scharnhorst" in client.get(f"/office/projects/{project.pk}/").content.decode()
    )


def test_an_involvement_without_a_subject_is_refused_at_the_field(client, worlds):
    sign_in_with_two_factors(client, make_user(role=OfficeRole.OFFICE))
    before = Involvement.objects.count()
    response = client.post(
        "/office/involvements/new/",
        {"organisation": worlds["own"].organisation.pk, "role": "partner"},
    )
    assert response.status_code == 200
    assert "Wählen Sie genau eine Partnerschaft, ein Projekt oder eine Aktivität." in (
        response.content.decode()
    )
    assert Involvement.objects.count() == before


@pytest.mark.parametrize("role", [OfficeRole.DEPARTMENT_EDITOR, OfficeRole.VIEWER])
def test_who_is_not_office_staff_reads_involvements_but_keeps_none(client, worlds, role):
    user = make_user(
        role=role,
        organisation=worlds["own"].organisation if role == OfficeRole.DEPARTMENT_EDITOR else None,
    )
    sign_in_with_two_factors(client, user)
    project = worlds["own"].project
    page = client.get(f"/office/projects/{project.pk}/").content.decode()
    assert "Own office" in page
    assert "/office/involvements/new/" not in page
    assert client.get(f"/office/involvements/new/?project={project.pk}").status_code == 403
    involvement = Involvement.objects.filter(project=project).first()
    assert client.post(f"/office/involvements/{involvement.pk}/delete/").status_code == 403
