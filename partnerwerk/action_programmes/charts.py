"""Indicators against their targets as charts: geometry computed here, drawn as SVG by the
templates (office progress page and PDF), like the SDG overview (sdg/charts.py).

- `progress_bars`: one bar per indicator, the share of the way from baseline to target
  (clamped to the bar; the true percentage is written after it).
- `indicator_chart`: one indicator over time: its readings as a line, the baseline as a
  point, the target as a dashed line up to its date.
"""

import datetime
from decimal import Decimal

BAR_WIDTH = 300
BAR_HEIGHT = 14
LABEL_HEIGHT = 16
ROW_GAP = 10
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
CHARACTER_WIDTH = 7  # px of a character of 12 px text, generously (text is not measured)

PLOT_WIDTH = 420
PLOT_HEIGHT = 160
MARGIN_LEFT = 70
MARGIN_RIGHT = 20
MARGIN_TOP = 12
MARGIN_BOTTOM = 28


def progress_bars(states) -> dict:
    """Per indicator (an `IndicatorState` of selectors.progress_of) its label and a bar."""
    rows = []
    for index, state in enumerate(states):
        y = index * ROW_HEIGHT
        shown = state.progress.shown
        width = round(BAR_WIDTH * float(shown)) if shown is not None else 0
        rows.append(
            {
                "state": state,
                "label": state.indicator.title,
                "label_y": y + LABEL_HEIGHT - 4,
                "y": y + LABEL_HEIGHT,
                "width": width,
                "text_x": BAR_WIDTH + 8,
                "text_y": y + LABEL_HEIGHT + BAR_HEIGHT - 3,
            }
        )
    longest = max((len(row["label"]) for row in rows), default=0)
    return {
        "rows": rows,
        "bar_width": BAR_WIDTH,
        "bar_height": BAR_HEIGHT,
        "width": max(BAR_WIDTH + 120, longest * CHARACTER_WIDTH),
        "height": max(len(rows) * ROW_HEIGHT, ROW_HEIGHT),
    }


def _scale(value, low, high, size) -> float:
    if high == low:
        return size / 2
    return (value - low) / (high - low) * size


def indicator_chart(indicator, readings: list[tuple[datetime.date, Decimal]]) -> dict | None:
    """The points of one indicator's chart, or None when there is nothing to draw (no
    baseline, no target and no reading)."""
    dated = list(readings)
    if indicator.baseline_value is not None:
        dated.append((indicator.baseline_date, indicator.baseline_value))
    if indicator.target_value is not None:
        dated.append((indicator.target_date, indicator.target_value))
    if not dated:
        return None
    days = [day.toordinal() for day, _value in dated]
    values = [float(value) for _day, value in dated]
    first_day, last_day = min(days), max(days)
    low, high = min(values), max(values)
    padding = (high - low) * 0.1 or abs(high) * 0.1 or 1
    low, high = low - padding, high + padding

    def point(day: datetime.date, value) -> tuple[float, float]:
        x = MARGIN_LEFT + _scale(day.toordinal(), first_day, last_day, PLOT_WIDTH)
        y = MARGIN_TOP + PLOT_HEIGHT - _scale(float(value), low, high, PLOT_HEIGHT)
        return round(x, 1), round(y, 1)

    ordered = sorted(readings)
    reading_points = [
        {"x": x, "y": y, "day": day, "value": value}
        for (day, value), (x, y) in ((r, point(*r)) for r in ordered)
    ]
    # The line runs from the baseline through the readings after it, so a single reading
    # already shows the way it has come.
    line = list(reading_points)
    if indicator.baseline_value is not None and (
        not ordered or indicator.baseline_date <= ordered[0][0]
    ):
        x, y = point(indicator.baseline_date, indicator.baseline_value)
        line.insert(0, {"x": x, "y": y})
    chart = {
        "width": MARGIN_LEFT + PLOT_WIDTH + MARGIN_RIGHT,
        "height": MARGIN_TOP + PLOT_HEIGHT + MARGIN_BOTTOM,
        "left": MARGIN_LEFT,
        "right": MARGIN_LEFT + PLOT_WIDTH,
        "top": MARGIN_TOP,
        "bottom": MARGIN_TOP + PLOT_HEIGHT,
        "readings": reading_points,
        "line": " ".join(f"{p['x']},{p['y']}" for p in line) if len(line) > 1 else "",
        "first_day": datetime.date.fromordinal(first_day),
        "last_day": datetime.date.fromordinal(last_day),
        "low": low,
        "high": high,
        "baseline": None,
        "target": None,
    }
    if indicator.baseline_value is not None:
        x, y = point(indicator.baseline_date, indicator.baseline_value)
        chart["baseline"] = {"x": x, "y": y, "value": indicator.baseline_value}
    if indicator.target_value is not None:
        x, y = point(indicator.target_date, indicator.target_value)
        chart["target"] = {"x": x, "y": y, "value": indicator.target_value}
    return chart
