"""A partnership's page shows the public goals and measures of its current joint programme
with their state, and nothing internal (decision 0029)."""

import pytest

from partnerwerk.core.services import record_soft_delete
from partnerwerk.testing import (
    make_field_of_action,
    make_joint_programme,
    make_measure,
    make_programme_goal,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership(kumasi):
    partnership = kumasi.partner_partnerships.get()  # the conftest's climate partnership
    programme = make_joint_programme(
        partnership=partnership,
        title_de="Gemeinsames Handlungsprogramm",
        title_en="Joint programme of action",
        visibility="public",
    )
    field = make_field_of_action(programme=programme, name_de="Klimaanpassung")
    public_goal = make_programme_goal(
        field_of_action=field, title_de="Schatten für Schulhöfe", visibility="public"
    )
    internal_goal = make_programme_goal(
        field_of_action=field, title_de="INTERNES-ZIEL", visibility="internal"
    )
    make_measure(
        goal=public_goal, title_de="Bäume pflanzen", status="in_progress", visibility="public"
    )
    make_measure(goal=public_goal, title_de="INTERNE-MASSNAHME", visibility="internal")
    make_measure(goal=internal_goal, title_de="VERSTECKT-UNTER-INTERNEM-ZIEL", visibility="public")
    return partnership


def test_the_partnership_page_shows_public_goals_and_measures_with_their_state(client, partnership):
    page = client.get(f"/partnerships/{partnership.key}/").content.decode()
    assert "Gemeinsames Handlungsprogramm" in page
    assert "Klimaanpassung" in page
    assert "Schatten für Schulhöfe" in page
    assert "Bäume pflanzen" in page
    assert "in Umsetzung" in page


def test_internal_goals_and_measures_are_never_shown(client, partnership):
    page = client.get(f"/partnerships/{partnership.key}/").content.decode()
    assert "INTERNES-ZIEL" not in page
    assert "INTERNE-MASSNAHME" not in page
    assert "VERSTECKT-UNTER-INTERNEM-ZIEL" not in page


def test_an_internal_programme_is_not_shown_at_all(client, partnership):
    programme = partnership.joint_programmes.get()
    programme.visibility = "internal"
    programme.save()
    page = client.get(f"/partnerships/{partnership.key}/").content.decode()
    assert "Schatten für Schulhöfe" not in page
    assert "Gemeinsames Handlungsprogramm" not in page


def test_only_the_current_programme_is_shown(client, partnership):
    old = partnership.joint_programmes.get()
    old.is_current = False
    old.save()
    page = client.get(f"/partnerships/{partnership.key}/").content.decode()
    assert "Gemeinsames Handlungsprogramm" not in page


def test_a_deleted_goal_disappears_with_its_measures(client, partnership):
    goal = (
        partnership.joint_programmes.get().fields.get().goals.get(title_de="Schatten für Schulhöfe")
    )
    record_soft_delete(actor=None, record=goal)
    page = client.get(f"/partnerships/{partnership.key}/").content.decode()
    assert "Schatten für Schulhöfe" not in page
    assert "Bäume pflanzen" not in page


def test_an_english_reader_sees_a_german_only_text_marked(client, partnership):
    page = client.get(f"/en/partnerships/{partnership.key}/").content.decode()
    assert "Joint programme of action" in page
    assert (
        'lang="de">Bäume pflanzen</span> <span class="fallback-mark">(German only)</span>' in page
    )
