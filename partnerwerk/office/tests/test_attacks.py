"""Attacks from the issue: script and HTML in every text field come out escaped, in the
office and on the portal; another organisation's record is refused by id, also through the
services. (Replayed TOTP codes, CSRF-less posts and password-only sessions are tested with
the sign-in, in accounts/tests/test_sign_in.py.)"""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models

from partnerwerk.actors.models import Organisation, Person
from partnerwerk.documents.models import Document
from partnerwerk.office.tests.helpers import edit_data
from partnerwerk.partnerships.models import Partnership, Step
from partnerwerk.projects import services
from partnerwerk.projects.models import Activity, Project
from partnerwerk.testing import (
    make_activity,
    make_involvement,
    make_organisation,
    make_partnership,
    make_person,
    make_place,
    make_project,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert(1)</script><b onmouseover="x">'
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
NOT_FREE_TEXT = {"key", "email", "url", "website", "seed_file", "currency"}


def _poison(record) -> None:
    """Put the payload into every free-text field the record has room for."""
    for field in record._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField) or field.choices:
            continue
        if field.name in NOT_FREE_TEXT or isinstance(field, models.SlugField | models.URLField):
            continue
        if field.max_length and field.max_length < len(PAYLOAD):
            continue
        setattr(record, field.name, PAYLOAD)
    record.save()


@pytest.fixture
def poisoned(db):
    """Public records whose every text field holds the payload."""
    home = make_place(name="Dortmund", geonames_id=settings.PARTNERWERK_HOME_GEONAMES_ID)
    city = make_place(name="Kumasi", country="GH")
    _poison(city)
    partnership = make_partnership(
        home=home,
        partner=city,
        steps=[{"kind": "agreement_signed", "on": datetime.date(2022, 5, 14)}],
    )
    _poison(partnership)
    for step in Step.objects.filter(partnership=partnership):
        _poison(step)
    organisation = make_organisation(place=home)
    _poison(organisation)
    make_involvement(organisation=organisation, partnership=partnership, role="coordinator")
    person = make_person(organisation=organisation)
    _poison(person)
    make_involvement(person=person, partnership=partnership, role="contact")
    project = make_project(partnerships=[partnership])
    _poison(project)
    activity = make_activity(
        partnerships=[partnership], project=project, start_date=datetime.date(2030, 1, 1)
    )
    _poison(activity)
    document = Document.objects.create(key="poisoned", kind="report", title_de="x", project=project)
    _poison(document)
    return {
        "partnership": partnership,
        "organisation": organisation,
        "person": person,
        "project": project,
        "activity": activity,
        "document": document,
        "city": city,
    }


def _assert_escaped(response, path):
    body = response.content.decode()
    assert response.status_code == 200, path
    assert "<script>alert(1)" not in body, path
    assert '<b onmouseover="x">' not in body, path
    return ESCAPED in body


def test_script_in_every_text_field_is_escaped_in_the_office(client, poisoned):
    sign_in_with_two_factors(client, make_user(role="office"))
    p = poisoned
    paths = [
        "/office/",
        "/office/partnerships/",
        f"/office/partnerships/{p['partnership'].pk}/",
        f"/office/partnerships/{p['partnership'].pk}/history/",
        "/office/projects/",
        f"/office/projects/{p['project'].pk}/",
        f"/office/projects/{p['project'].pk}/history/",
        "/office/activities/",
        f"/office/activities/{p['activity'].pk}/",
        "/office/documents/",
        f"/office/documents/{p['document'].pk}/",
        "/office/organisations/",
        f"/office/organisations/{p['organisation'].pk}/",
        "/office/people/",
        f"/office/people/{p['person'].pk}/",
        f"/office/people/{p['person'].pk}/history/",
    ]
    shown = [path for path in paths if _assert_escaped(client.get(path), path)]
    assert len(shown) == len(paths)  # every page shows the payload, escaped


def test_script_in_every_text_field_is_escaped_on_the_portal(client, poisoned):
    p = poisoned
    paths = [
        "/",
        "/partnerships/",
        f"/cities/{p['city'].geonames_id}/",
        "/projects/",
        f"/projects/{p['project'].key}/",
        "/activities/",
        f"/activities/{p['activity'].key}/",
        f"/en/projects/{p['project'].key}/",
    ]
    shown = [path for path in paths if _assert_escaped(client.get(path), path)]
    assert f"/projects/{p['project'].key}/" in shown


@pytest.fixture
def two_departments(db):
    own, other = make_organisation(name="Umweltamt"), make_organisation(name="Kulturbüro")
    own_project, other_project = make_project(), make_project()
    make_involvement(organisation=own, project=own_project, role="lead")
    make_involvement(organisation=other, project=other_project, role="lead")
    editor = make_user(role="department_editor", organisation=own)
    return editor, own_project, other_project


def test_another_organisations_project_is_refused_by_id(client, two_departments):
    editor, _own_project, other_project = two_departments
    sign_in_with_two_factors(client, editor)
    url = f"/office/projects/{other_project.pk}/"
    assert client.get(url).status_code == 200  # editors read all internal data ...
    data = edit_data("projects", other_project, title_de="Übernommen")
    assert client.post(url, data).status_code == 403  # ... but change only their own
    assert client.post(f"/office/projects/{other_project.pk}/delete/").status_code == 403
    other_project.refresh_from_db()
    assert other_project.title_de != "Übernommen"
    assert other_project.deleted_at is None


def test_the_services_refuse_another_organisations_project_too(two_departments):
    editor, _own_project, other_project = two_departments
    with pytest.raises(PermissionDenied):
        services.project_update(actor=editor, project=other_project, title_de="Übernommen")


def test_a_counterpart_cannot_reach_another_partnership_by_id(client):
    own, other = make_partnership(), make_partnership()
    activity = make_activity(partnerships=[other])
    sign_in_with_two_factors(client, make_user(role="counterpart", partnership=own))
    assert client.get(f"/office/partnerships/{other.pk}/").status_code == 404
    assert client.get(f"/office/activities/{activity.pk}/").status_code == 404
    assert client.get(f"/office/activities/new/?partnership={other.pk}").status_code == 404


def test_a_counterpart_cannot_move_an_activity_into_another_partnership(client):
    own, other = make_partnership(), make_partnership()
    activity = make_activity(partnerships=[own])
    counterpart = make_user(role="counterpart", partnership=own)
    sign_in_with_two_factors(client, counterpart)
    data = edit_data("activities", activity, partnerships=[str(own.pk), str(other.pk)])
    response = client.post(f"/office/activities/{activity.pk}/", data)
    # The other partnership is no choice the counterpart is offered: a form error.
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert list(activity.partnerships.all()) == [own]


@pytest.mark.parametrize("model", [Partnership, Project, Activity, Organisation, Person, Document])
def test_the_poisoning_reached_a_field_of_every_model(poisoned, model):
    record = model.objects.first()
    values = [getattr(record, field.attname) for field in model._meta.concrete_fields]
    assert PAYLOAD in values
