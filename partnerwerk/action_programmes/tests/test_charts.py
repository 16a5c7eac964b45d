"""The geometry of the indicator charts (charts.py), without a database."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

from partnerwerk.action_programmes.charts import BAR_WIDTH, indicator_chart, progress_bars
from partnerwerk.action_programmes.progress import indicator_progress


def _indicator(**values):
    fields = {
        "title": "Trees",
        "baseline_value": Decimal(0),
        "baseline_date": datetime.date(2024, 1, 1),
        "target_value": Decimal(100),
        "target_date": datetime.date(2026, 1, 1),
    }
    fields.update(values)
    return SimpleNamespace(**fields)


def _state(indicator, readings):
    progress = indicator_progress(
        baseline=indicator.baseline_value, target=indicator.target_value, readings=readings
    )
    return SimpleNamespace(indicator=indicator, progress=progress)


def test_a_bar_is_as_long_as_the_share_and_never_longer_than_the_target():
    half = _state(_indicator(), [(datetime.date(2025, 1, 1), Decimal(50))])
    beyond = _state(_indicator(), [(datetime.date(2025, 1, 1), Decimal(150))])
    behind = _state(_indicator(), [(datetime.date(2025, 1, 1), Decimal(-20))])
    unmeasured = _state(_indicator(), [])
    rows = progress_bars([half, beyond, behind, unmeasured])["rows"]
    assert [row["width"] for row in rows] == [BAR_WIDTH / 2, BAR_WIDTH, 0, 0]
    assert rows[1]["state"].progress.percent == 150


def test_the_line_starts_at_the_baseline_so_one_reading_draws_a_line():
    chart = indicator_chart(_indicator(), [(datetime.date(2025, 1, 1), Decimal(40))])
    assert len(chart["line"].split()) == 2
    assert chart["baseline"]["x"] == chart["left"]
    assert chart["target"]["x"] == chart["right"]
    # Higher values are drawn higher up.
    assert chart["readings"][0]["y"] < chart["baseline"]["y"]


def test_a_falling_indicator_draws_its_target_below_its_baseline():
    chart = indicator_chart(_indicator(baseline_value=Decimal(1000), target_value=Decimal(600)), [])
    assert chart["target"]["y"] > chart["baseline"]["y"]
    assert chart["line"] == ""


def test_nothing_to_draw_without_baseline_target_or_reading():
    empty = _indicator(baseline_value=None, baseline_date=None, target_value=None, target_date=None)
    assert indicator_chart(empty, []) is None
