"""Who may read and keep what of a joint programme (accounts/rules.py, selectors.readable;
decision 0029)."""

import pytest

from partnerwerk.accounts.selectors import readable
from partnerwerk.action_programmes.models import Goal, JointProgramme, Measure, Reading
from partnerwerk.testing import (
    make_indicator,
    make_involvement,
    make_measure,
    make_organisation,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_and_other():
    home_office = make_organisation()
    own = make_measure(home_organisation=home_office)
    other = make_measure()
    return {
        "own": own,
        "other": other,
        "partnership": own.goal.field_of_action.programme.partnership,
        "home_office": home_office,
    }


def test_everyone_internal_reads_every_programme_and_a_viewer_changes_nothing(own_and_other):
    viewer = make_user(role="viewer")
    for measure in (own_and_other["own"], own_and_other["other"]):
        assert viewer.has_perm("action_programmes.view_measure", measure)
        assert not viewer.has_perm("action_programmes.change_measure", measure)
    assert readable(viewer, Measure.objects.all()).count() == 2


def test_a_counterpart_reads_only_their_partnerships_programme(own_and_other):
    counterpart = make_user(role="counterpart", partnership=own_and_other["partnership"])
    assert counterpart.has_perm("action_programmes.view_measure", own_and_other["own"])
    assert not counterpart.has_perm("action_programmes.view_measure", own_and_other["other"])
    for model in (JointProgramme, Goal, Measure):
        assert readable(counterpart, model.objects.all()).count() == 1, model


def test_a_counterpart_keeps_the_partner_side_of_their_own_measures_only(own_and_other):
    counterpart = make_user(role="counterpart", partnership=own_and_other["partnership"])
    own, other = own_and_other["own"], own_and_other["other"]
    assert counterpart.has_perm("action_programmes.change_measure_partner_side", own)
    assert not counterpart.has_perm("action_programmes.change_measure_home_side", own)
    assert not counterpart.has_perm("action_programmes.change_measure_shared", own)
    assert not counterpart.has_perm("action_programmes.change_measure_partner_side", other)
    assert not counterpart.has_perm("action_programmes.add_goal", own.goal.field_of_action)


def test_the_home_organisations_editor_keeps_the_home_side(own_and_other):
    editor = make_user(role="department_editor", organisation=own_and_other["home_office"])
    own, other = own_and_other["own"], own_and_other["other"]
    assert editor.has_perm("action_programmes.change_measure_home_side", own)
    assert not editor.has_perm("action_programmes.change_measure_partner_side", own)
    assert not editor.has_perm("action_programmes.change_measure_home_side", other)


def test_readings_are_entered_by_those_taking_part_and_comments_never_rewritten(own_and_other):
    indicator = make_indicator(goal=own_and_other["own"].goal)
    partnership = own_and_other["partnership"]
    taking_part = make_organisation()
    make_involvement(organisation=taking_part, partnership=partnership)
    allowed = [
        make_user(role="office"),
        make_user(role="counterpart", partnership=partnership),
        make_user(role="department_editor", organisation=taking_part),
    ]
    refused = [
        make_user(role="viewer"),
        make_user(role="department_editor", organisation=make_organisation()),
    ]
    for user in allowed:
        assert user.has_perm("action_programmes.add_reading", indicator), user
    for user in refused:
        assert not user.has_perm("action_programmes.add_reading", indicator), user
    office = allowed[0]
    assert not office.has_perm("action_programmes.change_measurecomment")
    reading = Reading(indicator=indicator, entered_by=allowed[1])
    assert allowed[1].has_perm("action_programmes.change_reading", reading)
    assert not allowed[2].has_perm("action_programmes.change_reading", reading)
