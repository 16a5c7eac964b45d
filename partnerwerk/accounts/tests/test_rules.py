"""The role rules at the level of `user.has_perm`, and the database's own guard."""

import pytest
from django.db import IntegrityError

from partnerwerk.accounts.models import Membership
from partnerwerk.accounts.services import invitation_create, membership_grant
from partnerwerk.testing import (
    make_involvement,
    make_organisation,
    make_partnership,
    make_project,
    make_user,
)

pytestmark = pytest.mark.django_db


def test_a_department_editor_without_an_organisation_is_refused_by_the_database():
    user = make_user()
    with pytest.raises(IntegrityError):
        Membership.objects.create(user=user, role="department_editor")


def test_a_viewer_bound_to_a_partnership_is_refused_by_the_database():
    user = make_user()
    with pytest.raises(IntegrityError):
        Membership.objects.create(user=user, role="viewer", partnership=make_partnership())


def test_office_staff_cannot_make_administrators_but_administrators_can():
    from django.core.exceptions import PermissionDenied

    office = make_user(role="office")
    with pytest.raises(PermissionDenied):
        invitation_create(actor=office, email="a@example.org", role="administrator")
    invitation_create(actor=office, email="v@example.org", role="viewer")
    administrator = make_user(role="administrator")
    invitation_create(actor=administrator, email="a@example.org", role="administrator")


def test_a_new_role_counts_at_once():
    organisation = make_organisation()
    project = make_project()
    make_involvement(organisation=organisation, project=project, role="lead")
    user = make_user(role="viewer")
    assert not user.has_perm("projects.change_project", project)
    membership_grant(actor=None, user=user, role="department_editor", organisation=organisation)
    assert user.has_perm("projects.change_project", project)


def test_an_inactive_user_holds_no_permission():
    user = make_user(role="office", is_active=False)
    assert not user.has_perm("office.enter")
