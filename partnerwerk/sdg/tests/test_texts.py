import pytest

from partnerwerk.sdg.models import Goal, Indicator, Target

pytestmark = pytest.mark.django_db


def test_the_migration_loads_all_goals_and_targets_in_three_languages():
    assert Goal.objects.count() == 17
    assert Target.objects.count() == 169
    goal = Goal.objects.get(number=11)
    assert goal.short_de == "Nachhaltige Städte und Gemeinden"
    assert goal.short_en == "Sustainable cities and communities"
    assert goal.short_fr == "Villes et communautés durables"


def test_targets_and_indicators_hang_under_their_goal():
    target = Target.objects.get(code="11.6")
    assert target.goal_id == 11
    assert "waste" in target.title_en
    assert Indicator.objects.filter(target=target).exists()
    assert Target.objects.filter(code="17.17", goal_id=17).exists()
