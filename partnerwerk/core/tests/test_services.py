"""Soft delete, undo and restoring an earlier version: nothing is lost."""

import pytest
from django.core.exceptions import PermissionDenied

from partnerwerk.core.services import record_restore, record_revert, record_soft_delete
from partnerwerk.projects.models import Project
from partnerwerk.testing import make_project, make_user

pytestmark = pytest.mark.django_db


def test_a_soft_deleted_record_is_hidden_and_comes_back_when_restored():
    project = make_project()
    office = make_user(role="office")
    record_soft_delete(actor=office, record=project)
    assert not Project.objects.filter(pk=project.pk).exists()
    assert Project.all_objects.get(pk=project.pk).deleted_by == office
    record_restore(actor=office, record=project)
    assert Project.objects.filter(pk=project.pk).exists()


def test_only_the_office_may_undo_a_delete():
    project = make_project()
    record_soft_delete(actor=None, record=project)
    with pytest.raises(PermissionDenied):
        record_restore(actor=make_user(role="viewer"), record=project)


def test_an_earlier_version_comes_back_as_a_new_version():
    project = make_project(title_de="Erster Titel")
    project.title_de = "Zweiter Titel"
    project.save()
    first = project.history.order_by("history_date").first()
    office = make_user(role="office")
    record_revert(actor=office, record=project, history_id=first.history_id)
    project.refresh_from_db()
    assert project.title_de == "Erster Titel"
    assert project.history.count() == 3
    assert project.history.first().history_user == office


def test_a_version_of_another_record_is_refused():
    from django.core.exceptions import ValidationError

    project, other = make_project(), make_project()
    with pytest.raises(ValidationError):
        record_revert(actor=None, record=project, history_id=other.history.first().history_id)
