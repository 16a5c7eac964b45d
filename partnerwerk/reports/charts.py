"""Bar charts of a report, as geometry for the SVG the templates draw (like sdg/charts.py)."""

from decimal import Decimal

BAR_WIDTH = 300
LABEL_WIDTH = 210
BAR_HEIGHT = 12
ROW_HEIGHT = 20
VALUE_WIDTH = 150
CASH_COLOUR = "#00467f"
IN_KIND_COLOUR = "#6fa8dc"


def money_bars(rows) -> dict:
    """One row per `MoneyRow`: money in euros as a bar, the in-kind value after it, lighter."""
    largest = max((row.cash + row.in_kind for row in rows), default=Decimal(0)) or Decimal(1)
    bars = []
    for index, row in enumerate(rows):
        cash = round(BAR_WIDTH * float(row.cash / largest))
        in_kind = round(BAR_WIDTH * float(row.in_kind / largest))
        y = index * ROW_HEIGHT
        bars.append(
            {
                "label": row.label,
                "y": y,
                "text_y": y + BAR_HEIGHT - 2,
                "cash_width": cash,
                "in_kind_x": LABEL_WIDTH + cash,
                "in_kind_width": in_kind,
                "value_x": LABEL_WIDTH + cash + in_kind + 6,
                "cash": row.cash,
                "in_kind": row.in_kind,
            }
        )
    return {
        "bars": bars,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "width": LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH,
        "height": max(len(bars), 1) * ROW_HEIGHT,
        "cash_colour": CASH_COLOUR,
        "in_kind_colour": IN_KIND_COLOUR,
    }
