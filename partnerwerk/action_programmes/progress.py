"""How far an indicator has come from its baseline towards its target: pure arithmetic, no
database, so every case can be tested on its own.

progress = (latest reading − baseline) / (target − baseline)

The same formula serves an indicator that should rise (trees planted) and one that should
fall (tonnes of CO₂): for a falling one both the numerator and the denominator are negative
while things improve. The true share is kept (−0.25 when things moved the wrong way, 1.4
when the target was passed); `shown` clamps it to 0…1 for a bar.
"""

import datetime
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal


class ProgressState(enum.StrEnum):
    INCOMPLETE = "incomplete"  # baseline or target not stated yet
    NO_READINGS = "no_readings"  # nothing measured yet
    NO_DISTANCE = "no_distance"  # the target equals the baseline: a share means nothing
    MEASURED = "measured"


class Direction(enum.StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"
    HOLD = "hold"


@dataclass(frozen=True)
class Progress:
    state: ProgressState
    direction: Direction | None = None
    latest: Decimal | None = None
    latest_date: datetime.date | None = None
    # The true share of the way from baseline to target (None where it means nothing).
    share: Decimal | None = None
    # Whether the latest reading is at or beyond the target (for a target equal to its
    # baseline: still at it); None before the first reading.
    reached: bool | None = None

    @property
    def shown(self) -> Decimal | None:
        """The share clamped to 0…1, for a bar that cannot run backwards or off the end."""
        if self.share is None:
            return None
        return min(max(self.share, Decimal(0)), Decimal(1))

    @property
    def percent(self) -> int | None:
        """The true share in whole percent (may be below 0 or above 100)."""
        if self.share is None:
            return None
        return int((self.share * 100).to_integral_value())


def latest_reading(
    readings: Iterable[tuple[datetime.date, Decimal]],
) -> tuple[datetime.date, Decimal] | None:
    """The reading with the latest date (the last given wins a tie)."""
    latest = None
    for day, value in readings:
        if latest is None or day >= latest[0]:
            latest = (day, value)
    return latest


def indicator_progress(
    *,
    baseline: Decimal | None,
    target: Decimal | None,
    readings: Iterable[tuple[datetime.date, Decimal]],
) -> Progress:
    """The progress of an indicator from its baseline, target and readings (date, value)."""
    if baseline is None or target is None:
        return Progress(ProgressState.INCOMPLETE)
    distance = target - baseline
    direction = (
        Direction.INCREASE
        if distance > 0
        else Direction.DECREASE
        if distance < 0
        else Direction.HOLD
    )
    latest = latest_reading(readings)
    if latest is None:
        return Progress(ProgressState.NO_READINGS, direction)
    day, value = latest
    if distance == 0:
        return Progress(ProgressState.NO_DISTANCE, direction, value, day, None, value == target)
    share = (value - baseline) / distance
    return Progress(ProgressState.MEASURED, direction, value, day, share, share >= 1)
