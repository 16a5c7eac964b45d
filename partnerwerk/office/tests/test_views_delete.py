"""Delete asks first: a GET shows a page naming the record, only a POST deletes, and the
office can still undo it from the trash."""

import pytest
from django.utils import translation

from partnerwerk.accounts.models import OfficeRole
from partnerwerk.projects.models import Project
from partnerwerk.testing import make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


@pytest.fixture
def office(client):
    user = make_user(role=OfficeRole.OFFICE)
    sign_in_with_two_factors(client, user)
    return user


def test_the_delete_button_leads_to_a_question_not_to_the_deletion(client, worlds, office):
    project = worlds["own"].project
    page = client.get(f"/office/projects/{project.pk}/").content.decode()
    assert f'<a class="button danger" href="/office/projects/{project.pk}/delete/">' in page
    assert f'action="/office/projects/{project.pk}/delete/"' not in page


def test_asking_to_delete_names_the_record_and_deletes_nothing(client, worlds, office):
    project = worlds["own"].project
    response = client.get(f"/office/projects/{project.pk}/delete/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Diesen Eintrag löschen?" in page
    assert "Own Projekt" in page
    assert "Ja, löschen" in page and "Nein, behalten" in page
    assert f'href="/office/projects/{project.pk}/"' in page  # keeping it goes back
    project.refresh_from_db()
    assert project.deleted_at is None


def test_confirming_deletes_and_the_trash_undoes_it(client, worlds, office):
    project = worlds["own"].project
    response = client.post(f"/office/projects/{project.pk}/delete/")
    assert response.status_code == 302
    assert not Project.objects.filter(pk=project.pk).exists()
    assert "Own Projekt" in client.get("/office/trash/").content.decode()
    client.post(f"/office/projects/{project.pk}/restore/")
    assert Project.objects.filter(pk=project.pk).exists()


def test_someone_who_may_not_delete_is_not_even_asked(client, worlds):
    sign_in_with_two_factors(client, make_user(role=OfficeRole.VIEWER))
    project = worlds["own"].project
    assert client.get(f"/office/projects/{project.pk}/delete/").status_code == 403
    page = client.get(f"/office/projects/{project.pk}/").content.decode()
    assert f"/office/projects/{project.pk}/delete/" not in page


def test_a_step_is_deleted_after_the_question_and_the_page_returns_to_its_partnership(
    client, worlds, office
):
    step = worlds["own"].step
    assert "Besuch" in client.get(f"/office/steps/{step.pk}/delete/").content.decode()
    response = client.post(f"/office/steps/{step.pk}/delete/")
    assert response["Location"] == f"/office/partnerships/{step.partnership_id}/"
