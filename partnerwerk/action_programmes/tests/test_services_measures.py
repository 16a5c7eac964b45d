"""Measures are kept by both cities, each its own side (services_measures, decision 0029)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from partnerwerk.action_programmes.models import Measure, MeasureComment
from partnerwerk.action_programmes.services_measures import (
    measure_comment_create,
    measure_create,
    measure_update,
)
from partnerwerk.partnerships.models import PartnershipKind
from partnerwerk.testing import (
    make_field_of_action,
    make_joint_programme,
    make_measure,
    make_organisation,
    make_partnership,
    make_person,
    make_place,
    make_programme_goal,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def kumasi():
    """A climate partnership with a measure; Kumasi's own organisation and one of Dortmund."""
    dortmund, kumasi = make_place(name="Dortmund"), make_place(name="Kumasi", country="GH")
    partnership = make_partnership(home=dortmund, partner=kumasi, kind=PartnershipKind.CLIMATE)
    programme = make_joint_programme(partnership=partnership)
    goal = make_programme_goal(field_of_action=make_field_of_action(programme=programme))
    home_office = make_organisation(name="Umweltamt", place=dortmund)
    assembly = make_organisation(name="Kumasi Metropolitan Assembly", place=kumasi)
    measure = make_measure(goal=goal, home_organisation=home_office)
    return {
        "partnership": partnership,
        "goal": goal,
        "measure": measure,
        "home_office": home_office,
        "assembly": assembly,
        "counterpart": make_user(role="counterpart", partnership=partnership),
        "office": make_user(role="office"),
        "home_editor": make_user(role="department_editor", organisation=home_office),
        "viewer": make_user(role="viewer"),
    }


def test_office_staff_add_a_measure_with_both_sides(kumasi):
    measure = measure_create(
        actor=kumasi["office"],
        goal=kumasi["goal"],
        title_de="Bäume pflanzen",
        home_organisation=kumasi["home_office"],
        partner_organisation=kumasi["assembly"],
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2025, 12, 31),
    )
    assert measure.partner_organisation == kumasi["assembly"]
    assert measure.history.first().history_user == kumasi["office"]


def test_a_counterpart_cannot_add_a_measure(kumasi):
    with pytest.raises(PermissionDenied):
        measure_create(actor=kumasi["counterpart"], goal=kumasi["goal"], title_en="Trees")


def test_a_counterpart_edits_the_partner_side_of_a_measure_of_their_partnership(kumasi):
    measure = measure_update(
        actor=kumasi["counterpart"],
        measure=kumasi["measure"],
        partner_organisation=kumasi["assembly"],
        partner_tasks_en="Choose the school yards",
        partner_funding_en="City budget",
    )
    measure.refresh_from_db()
    assert measure.partner_tasks_en == "Choose the school yards"
    assert measure.history.first().history_user == kumasi["counterpart"]


def test_a_counterpart_cannot_change_the_home_side(kumasi):
    with pytest.raises(PermissionDenied):
        measure_update(
            actor=kumasi["counterpart"], measure=kumasi["measure"], home_tasks_de="Anders"
        )
    assert Measure.objects.get().home_tasks_de == ""


def test_a_counterpart_cannot_change_what_the_measure_shares(kumasi):
    with pytest.raises(PermissionDenied):
        measure_update(actor=kumasi["counterpart"], measure=kumasi["measure"], status="completed")


def test_a_counterpart_may_send_the_home_side_unchanged_with_their_own(kumasi):
    # A form sends the whole measure, the other parts as they were.
    measure = kumasi["measure"]
    measure_update(
        actor=kumasi["counterpart"],
        measure=measure,
        home_organisation=kumasi["home_office"],
        title_de=measure.title_de,
        partner_tasks_en="Plant",
    )
    assert Measure.objects.get().partner_tasks_en == "Plant"


def test_a_counterpart_cannot_edit_a_measure_of_another_partnership(kumasi):
    other = make_measure()
    with pytest.raises(PermissionDenied):
        measure_update(actor=kumasi["counterpart"], measure=other, partner_tasks_en="Mine now")


def test_a_counterpart_names_only_an_organisation_of_the_partner_city(kumasi):
    with pytest.raises(ValidationError) as refused:
        measure_update(
            actor=kumasi["counterpart"],
            measure=kumasi["measure"],
            partner_organisation=kumasi["home_office"],
        )
    assert "partner_organisation" in refused.value.message_dict


def test_a_counterpart_names_only_a_person_of_the_partner_city(kumasi):
    dortmunder = make_person(organisation=kumasi["home_office"])
    with pytest.raises(ValidationError):
        measure_update(
            actor=kumasi["counterpart"], measure=kumasi["measure"], partner_person=dortmunder
        )
    own = make_person(organisation=kumasi["assembly"])
    measure_update(actor=kumasi["counterpart"], measure=kumasi["measure"], partner_person=own)
    assert Measure.objects.get().partner_person == own


def test_the_home_organisations_editor_edits_the_home_side_but_not_the_partner_side(kumasi):
    measure_update(
        actor=kumasi["home_editor"], measure=kumasi["measure"], home_resources_de="Zwei Stellen"
    )
    assert Measure.objects.get().home_resources_de == "Zwei Stellen"
    with pytest.raises(PermissionDenied):
        measure_update(
            actor=kumasi["home_editor"], measure=kumasi["measure"], partner_tasks_en="No"
        )


def test_an_editor_of_another_organisation_cannot_edit_the_home_side(kumasi):
    stranger = make_user(role="department_editor", organisation=make_organisation())
    with pytest.raises(PermissionDenied):
        measure_update(actor=stranger, measure=kumasi["measure"], home_tasks_de="Fremd")


def test_a_viewer_changes_nothing(kumasi):
    with pytest.raises(PermissionDenied):
        measure_update(actor=kumasi["viewer"], measure=kumasi["measure"], title_de="Neu")
    with pytest.raises(PermissionDenied):
        measure_comment_create(
            actor=kumasi["viewer"], measure=kumasi["measure"], text="Hallo", language="de"
        )


def test_a_measure_cannot_end_before_it_starts(kumasi):
    with pytest.raises(ValidationError):
        measure_update(
            actor=kumasi["office"],
            measure=kumasi["measure"],
            start_date=datetime.date(2025, 5, 1),
            end_date=datetime.date(2025, 4, 1),
        )


def test_a_measure_moves_only_to_a_goal_of_its_own_programme(kumasi):
    with pytest.raises(ValidationError):
        measure_update(
            actor=kumasi["office"], measure=kumasi["measure"], goal=make_programme_goal()
        )


def test_every_change_of_a_side_is_in_the_history_with_who_made_it(kumasi):
    measure = kumasi["measure"]
    measure_update(actor=kumasi["counterpart"], measure=measure, partner_tasks_en="Plant")
    measure_update(actor=kumasi["home_editor"], measure=measure, home_tasks_de="Pflanzen")
    versions = list(measure.history.order_by("history_date"))
    assert [v.history_user for v in versions[-2:]] == [kumasi["counterpart"], kumasi["home_editor"]]
    delta = versions[-1].diff_against(versions[-2])
    assert [change.field for change in delta.changes if change.field != "updated_at"] == [
        "home_tasks_de"
    ]


def test_a_counterpart_and_the_office_comment_on_a_measure_in_their_languages(kumasi):
    measure = kumasi["measure"]
    measure_comment_create(
        actor=kumasi["counterpart"], measure=measure, text="Seedlings ordered.", language="en"
    )
    measure_comment_create(actor=kumasi["office"], measure=measure, text="Danke!", language="de")
    comments = list(MeasureComment.objects.filter(measure=measure))
    assert [(c.author, c.language) for c in comments] == [
        (kumasi["counterpart"], "en"),
        (kumasi["office"], "de"),
    ]


def test_a_counterpart_cannot_comment_on_another_partnerships_measure(kumasi):
    with pytest.raises(PermissionDenied):
        measure_comment_create(
            actor=kumasi["counterpart"], measure=make_measure(), text="Hi", language="en"
        )
