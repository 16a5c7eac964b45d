"""Steps proposed by department editors wait for the office's confirmation."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from partnerwerk.partnerships.models import Step
from partnerwerk.partnerships.services import step_confirm, step_delete, step_propose
from partnerwerk.testing import (
    make_active_partnership,
    make_involvement,
    make_organisation,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_and_partnership():
    organisation = make_organisation()
    partnership = make_active_partnership()
    make_involvement(organisation=organisation, partnership=partnership, role="partner")
    return make_user(role="department_editor", organisation=organisation), partnership


def _propose(editor, partnership, kind="suspension"):
    return step_propose(
        actor=editor, partnership=partnership, kind=kind, on=datetime.date(2025, 3, 1)
    )


def test_a_proposed_step_changes_no_status_and_is_not_public(editor_and_partnership):
    editor, partnership = editor_and_partnership
    step = _propose(editor, partnership)
    partnership.refresh_from_db()
    assert partnership.status == "active"
    assert step not in partnership.steps.all()
    assert list(Step.all_objects.awaiting_confirmation()) == [step]


def test_confirming_puts_the_step_in_force(editor_and_partnership):
    editor, partnership = editor_and_partnership
    step = _propose(editor, partnership)
    office = make_user(role="office")
    step_confirm(actor=office, step=step)
    partnership.refresh_from_db()
    assert partnership.status == "suspended"
    assert step.confirmed_by == office
    with pytest.raises(ValidationError):
        step_confirm(actor=office, step=step)


def test_an_editor_may_not_confirm_a_step(editor_and_partnership):
    editor, partnership = editor_and_partnership
    with pytest.raises(PermissionDenied):
        step_confirm(actor=editor, step=_propose(editor, partnership))


def test_an_editor_may_not_propose_for_a_partnership_of_another_organisation(
    editor_and_partnership,
):
    editor, _partnership = editor_and_partnership
    with pytest.raises(PermissionDenied):
        _propose(editor, make_active_partnership())


def test_deleting_a_confirmed_step_derives_the_status_anew(editor_and_partnership):
    editor, partnership = editor_and_partnership
    office = make_user(role="office")
    step = step_confirm(actor=office, step=_propose(editor, partnership))
    step_delete(actor=office, step=step)
    partnership.refresh_from_db()
    assert partnership.status == "active"
