"""Involvements written through their services: office staff only, one actor and one
subject, history with who did it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from partnerwerk.accounts.models import OfficeRole
from partnerwerk.actors import services_involvements as services
from partnerwerk.testing import (
    make_organisation,
    make_partnership,
    make_person,
    make_project,
    make_user,
)

pytestmark = pytest.mark.django_db


def test_office_staff_involve_an_organisation_in_a_project_and_history_says_who():
    office = make_user(role=OfficeRole.OFFICE)
    involvement = services.involvement_create(
        actor=office, role="lead", organisation=make_organisation(), project=make_project()
    )
    services.involvement_update(actor=office, involvement=involvement, note_de="Federführung")
    assert [entry.history_user for entry in involvement.history.all()] == [office, office]


def test_an_involvement_names_an_organisation_or_a_person_but_not_both():
    with pytest.raises(ValidationError) as refused:
        services.involvement_create(
            actor=None,
            role="partner",
            organisation=make_organisation(),
            person=make_person(),
            partnership=make_partnership(),
        )
    assert "organisation" in refused.value.message_dict


def test_an_involvement_belongs_to_exactly_one_partnership_project_or_activity():
    with pytest.raises(ValidationError) as refused:
        services.involvement_create(
            actor=None,
            role="partner",
            organisation=make_organisation(),
            partnership=make_partnership(),
            project=make_project(),
        )
    assert "partnership" in refused.value.message_dict


def test_a_department_editor_may_not_involve_their_organisation_anywhere():
    organisation = make_organisation()
    editor = make_user(role=OfficeRole.DEPARTMENT_EDITOR, organisation=organisation)
    with pytest.raises(PermissionDenied):
        services.involvement_create(
            actor=editor, role="lead", organisation=organisation, project=make_project()
        )
