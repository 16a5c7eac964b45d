"""Progress of an indicator against its baseline and target (progress.indicator_progress)."""

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from partnerwerk.action_programmes.progress import Direction, ProgressState, indicator_progress

D = Decimal
JAN = datetime.date(2024, 1, 1)
JUN = datetime.date(2024, 6, 1)
DEC = datetime.date(2024, 12, 1)


def test_a_rising_indicator_halfway_to_its_target_is_at_fifty_percent():
    progress = indicator_progress(baseline=D(100), target=D(300), readings=[(JUN, D(200))])
    assert progress.state == ProgressState.MEASURED
    assert progress.direction == Direction.INCREASE
    assert progress.share == D("0.5")
    assert progress.percent == 50
    assert progress.reached is False


def test_a_falling_indicator_counts_a_fall_as_progress():
    # Emissions from 1000 t down to 600 t; 900 t measured: a quarter of the way.
    progress = indicator_progress(baseline=D(1000), target=D(600), readings=[(JUN, D(900))])
    assert progress.direction == Direction.DECREASE
    assert progress.share == D("0.25")
    assert progress.reached is False


def test_a_falling_indicator_that_rose_has_a_negative_share_shown_as_zero():
    progress = indicator_progress(baseline=D(1000), target=D(600), readings=[(JUN, D(1100))])
    assert progress.share == D("-0.25")
    assert progress.percent == -25
    assert progress.shown == 0


def test_passing_the_target_keeps_the_true_share_and_shows_a_full_bar():
    progress = indicator_progress(baseline=D(0), target=D(50), readings=[(JUN, D(70))])
    assert progress.share == D("1.4")
    assert progress.percent == 140
    assert progress.shown == 1
    assert progress.reached is True


def test_the_latest_reading_by_date_counts_whatever_the_order_given():
    readings = [(DEC, D(80)), (JAN, D(10)), (JUN, D(40))]
    progress = indicator_progress(baseline=D(0), target=D(100), readings=readings)
    assert progress.latest == D(80)
    assert progress.latest_date == DEC
    assert progress.share == D("0.8")


def test_without_readings_there_is_no_share_but_a_direction():
    progress = indicator_progress(baseline=D(5), target=D(10), readings=[])
    assert progress.state == ProgressState.NO_READINGS
    assert progress.direction == Direction.INCREASE
    assert progress.share is None
    assert progress.shown is None
    assert progress.percent is None
    assert progress.reached is None


def test_a_target_equal_to_the_baseline_divides_by_nothing_and_says_so():
    held = indicator_progress(baseline=D(3), target=D(3), readings=[(JUN, D(3))])
    assert held.state == ProgressState.NO_DISTANCE
    assert held.direction == Direction.HOLD
    assert held.share is None
    assert held.reached is True
    slipped = indicator_progress(baseline=D(3), target=D(3), readings=[(JUN, D(2))])
    assert slipped.state == ProgressState.NO_DISTANCE
    assert slipped.reached is False


def test_an_indicator_without_baseline_or_target_is_incomplete():
    for baseline, target in ((None, D(3)), (D(3), None), (None, None)):
        progress = indicator_progress(baseline=baseline, target=target, readings=[(JUN, D(1))])
        assert progress.state == ProgressState.INCOMPLETE
        assert progress.share is None


values = st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False)


@given(baseline=values, target=values, reading=values)
def test_the_shown_share_stays_between_zero_and_one_and_the_target_is_one(
    baseline, target, reading
):
    progress = indicator_progress(baseline=baseline, target=target, readings=[(JUN, reading)])
    if baseline == target:
        assert progress.share is None
        return
    assert D(0) <= progress.shown <= D(1)
    at_target = indicator_progress(baseline=baseline, target=target, readings=[(JUN, target)])
    at_baseline = indicator_progress(baseline=baseline, target=target, readings=[(JUN, baseline)])
    assert at_target.share == 1 and at_target.reached
    assert at_baseline.share == 0
