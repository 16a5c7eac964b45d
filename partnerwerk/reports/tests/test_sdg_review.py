from decimal import Decimal

from django.utils import translation

from partnerwerk.reports.rendering import build
from partnerwerk.reports.scope import EVERYTHING
from partnerwerk.reports.sdg_review import sdg_review
from partnerwerk.reports.tests.test_rendering import text_of
from partnerwerk.reports.tests.world import END, START
from partnerwerk.sdg.models import Goal


def test_it_names_the_goals_without_contribution(world):
    with translation.override("en"):
        context = sdg_review(start=START, end=END, scope=EVERYTHING)
    contributing = {row["goal"].number for row in context["contributing"]}
    assert contributing == {4, 6, 11, 17}
    assert [goal.number for goal in context["without"]] == [
        n for n in range(1, 18) if n not in contributing
    ]


def test_it_keeps_principal_and_significant_apart_with_the_money_behind_them(world):
    with translation.override("en"):
        context = sdg_review(start=START, end=END, scope=EVERYTHING)
    rows = {row["goal"].number: row for row in context["goals"]}
    # the water project serves goal 6 as its main purpose: its 1000 + 100 euros
    assert rows[6]["cash"] == {"principal": Decimal("1100.00"), "significant": Decimal("0.00")}
    # the partnership serves 11 along the way, through target 11.6
    assert rows[11]["counts"]["partnership"] == {"principal": 0, "significant": 1}
    assert [entry["target"].code for entry in rows[11]["targets"]] == ["11.6"]
    # the cheque of a visit without a project counts for the activity's partnership (17)
    assert rows[17]["cash"]["principal"] == Decimal("50.00")
    figure = rows[6]["figure"]
    assert {record.key for record in figure.records} >= {"synthetic-water", "t-disbursement"}


def test_the_review_names_every_goal_in_its_pdf(world):
    text = " ".join(
        text_of(
            build("sdg_review", start=START, end=END, scope=EVERYTHING, language="de").pdf
        ).split()
    )
    for goal in Goal.objects.all():
        assert f"{goal.number}. {goal.short_de}" in text
    assert "Ziele ohne Beitrag" in text
    assert "SDG-Unterziel 11.6" in text
