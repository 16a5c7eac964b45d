"""A partnership's programmes, one current at a time, and what monitors them: indicators,
readings and reviews (services, services_monitoring, services_import)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from partnerwerk.action_programmes.models import JointProgramme, Reading
from partnerwerk.action_programmes.services import (
    field_of_action_create,
    goal_create,
    joint_programme_create,
    joint_programme_update,
    strategy_create,
)
from partnerwerk.action_programmes.services_import import joint_programme_upsert
from partnerwerk.action_programmes.services_monitoring import (
    indicator_create,
    reading_create,
    reading_update,
    review_create,
)
from partnerwerk.core.services import record_soft_delete
from partnerwerk.partnerships.models import PartnershipKind
from partnerwerk.testing import (
    make_indicator,
    make_joint_programme,
    make_organisation,
    make_partnership,
    make_programme_goal,
    make_source,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership():
    return make_partnership(kind=PartnershipKind.CLIMATE)


@pytest.fixture
def office():
    return make_user(role="office")


def test_office_staff_keep_a_programme_with_fields_goals_and_strategies(partnership, office):
    programme = joint_programme_create(
        actor=office,
        partnership=partnership,
        title_de="Gemeinsames Handlungsprogramm",
        title_en="Joint programme of action",
        is_current=True,
    )
    field = field_of_action_create(actor=office, programme=programme, name_de="Klimaanpassung")
    goal = goal_create(actor=office, field_of_action=field, title_en="Shade in school yards")
    strategy_create(
        actor=office, programme=programme, side="home", title_de="Masterplan", url="https://x.de"
    )
    assert programme.key == "gemeinsames-handlungsprogramm"
    assert field.key == "klimaanpassung"
    assert goal.field_of_action.programme == programme
    assert programme.strategies.get().title == "Masterplan"


def test_a_counterpart_cannot_add_a_programme_or_a_goal(partnership):
    counterpart = make_user(role="counterpart", partnership=partnership)
    with pytest.raises(PermissionDenied):
        joint_programme_create(actor=counterpart, partnership=partnership, title_en="Ours")
    field = make_joint_programme(partnership=partnership).fields.create(key="f", name_de="F")
    with pytest.raises(PermissionDenied):
        goal_create(actor=counterpart, field_of_action=field, title_en="A goal")


def test_a_new_current_programme_replaces_the_current_one_with_history(partnership, office):
    first = joint_programme_create(
        actor=office, partnership=partnership, title_de="2015", is_current=True
    )
    second = joint_programme_create(
        actor=office, partnership=partnership, title_de="2025", is_current=True
    )
    first.refresh_from_db()
    assert (first.is_current, second.is_current) == (False, True)
    assert first.history.first().history_user == office
    assert list(JointProgramme.objects.current().filter(partnership=partnership)) == [second]


def test_making_an_earlier_programme_current_again_releases_the_other(partnership, office):
    first = make_joint_programme(partnership=partnership, is_current=False)
    second = make_joint_programme(partnership=partnership)
    joint_programme_update(actor=office, programme=first, is_current=True)
    second.refresh_from_db()
    assert second.is_current is False


def test_the_database_refuses_two_current_programmes_of_one_partnership(partnership):
    make_joint_programme(partnership=partnership)
    with pytest.raises(IntegrityError), transaction.atomic():
        JointProgramme.objects.create(
            partnership=partnership, key="second", title_de="Zweites", is_current=True
        )


def test_a_deleted_current_programme_leaves_room_for_a_new_one(partnership, office):
    old = make_joint_programme(partnership=partnership)
    record_soft_delete(actor=office, record=old)
    new = joint_programme_create(
        actor=office, partnership=partnership, title_de="Neu", is_current=True
    )
    assert new.is_current


def test_a_programme_needs_a_title_in_one_language(partnership, office):
    with pytest.raises(ValidationError):
        joint_programme_create(actor=office, partnership=partnership)
    programme = joint_programme_create(actor=office, partnership=partnership, title_en="Only")
    assert programme.title_en == "Only"


def test_an_indicator_cannot_reach_its_target_before_its_baseline(office):
    with pytest.raises(ValidationError):
        indicator_create(
            actor=office,
            goal=make_programme_goal(),
            title_de="Bäume",
            baseline_value=Decimal(0),
            baseline_date=datetime.date(2025, 1, 1),
            target_value=Decimal(10),
            target_date=datetime.date(2024, 1, 1),
        )


def test_an_indicator_states_its_baseline_with_a_date(office):
    with pytest.raises(ValidationError):
        indicator_create(
            actor=office, goal=make_programme_goal(), title_de="Bäume", baseline_value=Decimal(3)
        )


def test_a_counterpart_enters_a_reading_with_evidence_and_is_named_as_its_author():
    indicator = make_indicator()
    partnership = indicator.goal.field_of_action.programme.partnership
    counterpart = make_user(role="counterpart", partnership=partnership)
    reading = reading_create(
        actor=counterpart,
        indicator=indicator,
        value=Decimal("40"),
        measured_on=datetime.date(2025, 3, 1),
        evidence_en="Count by the parks department",
    )
    assert reading.entered_by == counterpart
    assert reading.history.first().history_user == counterpart


def test_an_editor_of_an_organisation_taking_part_enters_readings_a_viewer_does_not():
    from partnerwerk.testing import make_involvement

    indicator = make_indicator()
    partnership = indicator.goal.field_of_action.programme.partnership
    organisation = make_organisation()
    make_involvement(organisation=organisation, partnership=partnership)
    editor = make_user(role="department_editor", organisation=organisation)
    arguments = {
        "indicator": indicator,
        "value": Decimal(1),
        "measured_on": datetime.date(2025, 3, 1),
        "evidence_de": "Zählung",
    }
    reading_create(actor=editor, **arguments)
    with pytest.raises(PermissionDenied):
        reading_create(actor=make_user(role="viewer"), **arguments)
    with pytest.raises(PermissionDenied):
        other = make_user(role="department_editor", organisation=make_organisation())
        reading_create(actor=other, **arguments)


def test_a_counterpart_cannot_enter_a_reading_of_another_partnership():
    counterpart = make_user(role="counterpart", partnership=make_partnership())
    with pytest.raises(PermissionDenied):
        reading_create(
            actor=counterpart,
            indicator=make_indicator(),
            value=Decimal(1),
            measured_on=datetime.date(2025, 3, 1),
            evidence_en="x",
        )


@pytest.mark.parametrize(
    "day, field",
    [
        (datetime.date(2023, 12, 31), "measured_on"),  # before the baseline of 2024-01-01
        (timezone.localdate() + datetime.timedelta(days=1), "measured_on"),  # tomorrow
    ],
)
def test_a_reading_is_dated_between_the_baseline_and_today(office, day, field):
    with pytest.raises(ValidationError) as refused:
        reading_create(
            actor=office,
            indicator=make_indicator(),
            value=Decimal(1),
            measured_on=day,
            evidence_de="x",
        )
    assert field in refused.value.message_dict


def test_a_reading_needs_evidence_and_one_per_day(office):
    indicator = make_indicator()
    day = datetime.date(2025, 3, 1)
    with pytest.raises(ValidationError):
        reading_create(actor=office, indicator=indicator, value=Decimal(1), measured_on=day)
    reading_create(
        actor=office, indicator=indicator, value=Decimal(1), measured_on=day, evidence_de="a"
    )
    with pytest.raises(ValidationError):
        reading_create(
            actor=office, indicator=indicator, value=Decimal(2), measured_on=day, evidence_de="b"
        )


def test_only_the_author_or_the_office_corrects_a_reading():
    indicator = make_indicator()
    partnership = indicator.goal.field_of_action.programme.partnership
    author = make_user(role="counterpart", partnership=partnership)
    colleague = make_user(role="counterpart", partnership=partnership)
    reading = reading_create(
        actor=author,
        indicator=indicator,
        value=Decimal(5),
        measured_on=datetime.date(2025, 3, 1),
        evidence_en="x",
    )
    reading_update(actor=author, reading=reading, value=Decimal(6))
    with pytest.raises(PermissionDenied):
        reading_update(actor=colleague, reading=reading, value=Decimal(7))
    reading_update(actor=make_user(role="office"), reading=reading, value=Decimal(8))
    assert Reading.objects.get().value == 8
    assert [v.value for v in reading.history.order_by("history_date")] == [5, 6, 8]


def test_office_staff_record_a_review_with_its_decisions(office):
    programme = make_joint_programme()
    review = review_create(
        actor=office,
        programme=programme,
        held_on=datetime.date(2025, 6, 1),
        decisions_de="Zwei neue Maßnahmen",
    )
    assert programme.reviews.get() == review
    with pytest.raises(ValidationError):
        review_create(actor=office, programme=programme, held_on=datetime.date(2025, 7, 1))


def test_a_reference_programme_becomes_current_only_where_none_is(partnership):
    source = make_source()
    arguments = {
        "partnership": partnership,
        "title_de": "Handlungsprogramm",
        "title_en": "Programme",
        "vision_de": "",
        "vision_en": "",
        "visibility": "public",
        "current": True,
        "sources": [source],
    }
    loaded, state = joint_programme_upsert(key="reference", **arguments)
    assert (state, loaded.is_current) == ("created", True)
    assert joint_programme_upsert(key="reference", **arguments)[1] == "unchanged"
    # The office makes a newer one current; loading again does not take that back.
    office = make_user(role="office")
    newer = joint_programme_create(
        actor=office, partnership=partnership, title_de="Neu", is_current=True
    )
    joint_programme_upsert(key="reference", **arguments)
    loaded.refresh_from_db()
    newer.refresh_from_db()
    assert (loaded.is_current, newer.is_current) == (False, True)
