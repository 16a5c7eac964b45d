"""The one write path of projects and activities (projects/services.py)."""

import pytest
from django.core.exceptions import PermissionDenied

from partnerwerk.projects import services
from partnerwerk.projects.models import Activity, Project
from partnerwerk.testing import (
    make_involvement,
    make_organisation,
    make_partnership,
    make_project,
    make_user,
)

pytestmark = pytest.mark.django_db


def _editor_of(project):
    organisation = make_organisation()
    make_involvement(organisation=organisation, project=project)
    return make_user(role="department_editor", organisation=organisation)


def test_only_office_staff_may_add_a_project():
    others = [
        make_user(role="department_editor", organisation=make_organisation()),
        make_user(role="counterpart", partnership=make_partnership()),
        make_user(role="viewer"),
    ]
    for actor in others:
        with pytest.raises(PermissionDenied):
            services.project_create(actor=actor, title_de="Brunnenbau", status="planned")
    assert not Project.all_objects.exists()
    project = services.project_create(
        actor=make_user(role="office"), title_de="Brunnenbau", status="planned"
    )
    assert Project.objects.get() == project


def test_a_project_without_a_key_gets_one_from_its_german_title():
    first = services.project_create(actor=None, title_de="Schulpartnerschaft", status="ongoing")
    second = services.project_create(actor=None, title_de="Schulpartnerschaft", status="ongoing")
    assert (first.key, second.key) == ("schulpartnerschaft", "schulpartnerschaft-2")


def test_an_update_changes_the_fields_given_and_keeps_the_others():
    partnership = make_partnership()
    project = services.project_create(
        actor=None,
        title_de="Brunnenbau",
        title_en="Wells",
        status="planned",
        partnerships=[partnership],
    )
    services.project_update(actor=None, project=project, status="ongoing")
    project.refresh_from_db()
    assert (project.title_en, project.status) == ("Wells", "ongoing")
    assert list(project.partnerships.all()) == [partnership]


def test_the_history_names_who_changed_the_project():
    office = make_user(role="office")
    project = services.project_create(actor=office, title_de="Brunnenbau", status="planned")
    services.project_update(actor=office, project=project, status="completed")
    entries = list(project.history.order_by("history_date"))
    assert [entry.status for entry in entries] == ["planned", "completed"]
    assert {entry.history_user for entry in entries} == {office}


def test_an_editor_changes_a_project_of_their_organisation_but_not_another_one():
    own, other = make_project(), make_project()
    editor = _editor_of(own)
    services.project_update(actor=editor, project=own, summary_de="Neue Zusammenfassung")
    with pytest.raises(PermissionDenied):
        services.project_update(actor=editor, project=other, summary_de="Fremd")
    other.refresh_from_db()
    assert other.summary_de == ""


def test_an_editor_cannot_link_a_project_to_a_partnership_outside_their_reach():
    linked = make_partnership()
    project = make_project(partnerships=[linked])
    editor = _editor_of(project)
    with pytest.raises(PermissionDenied):
        services.project_update(
            actor=editor, project=project, partnerships=[linked, make_partnership()]
        )
    # A link the project already had stays allowed.
    services.project_update(actor=editor, project=project, partnerships=[linked])
    assert list(project.partnerships.all()) == [linked]


def test_an_activity_added_to_a_partnership_joins_that_partnership():
    partnership = make_partnership()
    counterpart = make_user(role="counterpart", partnership=partnership)
    activity = services.activity_create(
        actor=counterpart, title_de="Besuch", kind="delegation_visit", subject=partnership
    )
    assert list(activity.partnerships.all()) == [partnership]


def test_an_activity_added_to_a_project_belongs_to_that_project():
    project = make_project()
    activity = services.activity_create(
        actor=_editor_of(project), title_de="Werkstatt", kind="workshop", subject=project
    )
    assert activity.project == project


def test_a_counterpart_cannot_add_an_activity_to_another_partnership():
    own, other = make_partnership(), make_partnership()
    counterpart = make_user(role="counterpart", partnership=own)
    with pytest.raises(PermissionDenied):
        services.activity_create(
            actor=counterpart, title_de="Besuch", kind="delegation_visit", subject=other
        )
    with pytest.raises(PermissionDenied):
        services.activity_create(
            actor=counterpart,
            title_de="Besuch",
            kind="delegation_visit",
            subject=own,
            partnerships=[other],
        )
    assert not Activity.all_objects.exists()


def test_a_counterpart_cannot_move_their_activity_into_another_partnership_or_project():
    own, other = make_partnership(), make_partnership()
    counterpart = make_user(role="counterpart", partnership=own)
    activity = services.activity_create(
        actor=counterpart, title_de="Besuch", kind="delegation_visit", subject=own
    )
    with pytest.raises(PermissionDenied):
        services.activity_update(actor=counterpart, activity=activity, partnerships=[other])
    with pytest.raises(PermissionDenied):
        services.activity_update(actor=counterpart, activity=activity, project=make_project())
    activity.refresh_from_db()
    assert (list(activity.partnerships.all()), activity.project) == ([own], None)
