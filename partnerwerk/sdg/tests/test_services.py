import pytest

from partnerwerk.sdg.models import SdgSuggestionDecision, SdgTag, SuggestionVerdict, TagOrigin
from partnerwerk.sdg.services import (
    sdg_suggestion_confirm,
    sdg_suggestion_reject,
    sdg_suggestions_for,
    sdg_tag_set,
)
from partnerwerk.sdg.tests.texts import DABOLA, KUMASI
from partnerwerk.testing import make_activity, make_partnership, make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user(username="alice", password="secret")


def suggested_goals(subject) -> list[int]:
    return [suggestion.goal for suggestion in sdg_suggestions_for(subject=subject)]


def test_the_engine_reads_a_projects_own_texts(alice):
    project = make_project(title_de="Klimapartnerschaft Kumasi", summary_de=KUMASI)
    assert suggested_goals(project)[0] == 13


def test_a_rejected_suggestion_is_not_suggested_again(alice):
    project = make_project(summary_de=KUMASI)
    sdg_suggestion_reject(subject=project, goal=13, target=None, user=alice)
    assert 13 not in suggested_goals(project)
    decision = SdgSuggestionDecision.objects.get()
    assert decision.verdict == SuggestionVerdict.REJECTED
    assert decision.decided_by == alice


def test_a_rejected_target_leaves_the_goal_suggested_without_it(alice):
    activity = make_activity(description_de=KUMASI)
    first = next(s for s in sdg_suggestions_for(subject=activity) if s.goal == 13)
    sdg_suggestion_reject(subject=activity, goal=13, target=first.target, user=alice)
    again = next(s for s in sdg_suggestions_for(subject=activity) if s.goal == 13)
    assert again.target is None


def test_confirming_creates_a_tag_from_the_suggestion_with_who_and_when(alice):
    partnership = make_partnership(description_de=DABOLA)
    tag = sdg_suggestion_confirm(subject=partnership, goal=12, target="12.5", user=alice)
    assert tag.origin == TagOrigin.SUGGESTION
    assert tag.confirmed_by == alice
    assert tag.confirmed_at is not None
    assert tag.partnership == partnership
    assert 12 not in suggested_goals(partnership)
    assert SdgSuggestionDecision.objects.get().verdict == SuggestionVerdict.CONFIRMED


def test_a_goal_already_tagged_is_not_suggested(alice):
    project = make_project(summary_de=KUMASI)
    sdg_tag_set(subject=project, goal=13, significance="principal", user=alice)
    assert 13 not in suggested_goals(project)


def test_setting_a_tag_twice_changes_its_significance(alice):
    project = make_project()
    sdg_tag_set(subject=project, goal=4, significance="significant", user=alice)
    tag = sdg_tag_set(subject=project, goal=4, significance="principal", user=alice)
    assert SdgTag.objects.get() == tag
    assert tag.significance == "principal"
    assert tag.origin == TagOrigin.PERSON
    assert tag.confirmed_by is None


def test_it_refuses_a_target_of_another_goal(alice):
    project = make_project()
    with pytest.raises(ValueError):
        sdg_tag_set(subject=project, goal=4, target="13.1", significance="principal", user=alice)
