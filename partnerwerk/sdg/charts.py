"""The SDG overview as a bar chart: geometry computed here, drawn as SVG by the template.

Each goal has a row: its full label (number and short title, in the reader's language) on a
line of its own, the bar below it in the goal's official colour (`colours`), principal
records solid and significant ones lighter, and the counts after the bar. The chart is as
wide as its longest label, so no label is cut off at any title length.
"""

from partnerwerk.sdg.colours import goal_colour

BAR_WIDTH = 360  # px of the longest bar
LABEL_HEIGHT = 18  # px of a label line (13 px text)
BAR_HEIGHT = 16
ROW_GAP = 10
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
COUNT_WIDTH = 90  # room for "12 + 3" after the longest bar
# Width of a character of 13 px text, generously: server-side, text cannot be measured, so
# the chart is rather too wide (it scales down on a narrow screen) than too narrow.
CHARACTER_WIDTH = 8
# Opacity of the significant part of a bar: the goal's colour, lighter.
SIGNIFICANT_OPACITY = "0.45"


def goal_label(goal) -> str:
    """The label of a goal in the chart: "11 Nachhaltige Städte und Gemeinden"."""
    return f"{goal.number} {goal.short}"


def overview_chart(overview: dict) -> dict:
    """Per goal its label, and a bar of principal records with one of significant records
    after it."""
    largest = overview["largest"] or 1
    bars = []
    for index, row in enumerate(overview["rows"]):
        principal = row["partnerships"]["principal"] + row["projects"]["principal"]
        significant = row["partnerships"]["significant"] + row["projects"]["significant"]
        principal_width = round(BAR_WIDTH * principal / largest)
        significant_width = round(BAR_WIDTH * significant / largest)
        y = index * ROW_HEIGHT
        bar_y = y + LABEL_HEIGHT
        bars.append(
            {
                "goal": row["goal"],
                "label": goal_label(row["goal"]),
                "colour": goal_colour(row["goal"].number),
                "label_y": y + LABEL_HEIGHT - 5,
                "y": bar_y,
                "text_y": bar_y + BAR_HEIGHT - 3,
                "principal": principal,
                "significant": significant,
                "principal_width": principal_width,
                "significant_x": principal_width,
                "significant_width": significant_width,
                "count_x": principal_width + significant_width + 6,
            }
        )
    longest_label = max((len(bar["label"]) for bar in bars), default=0)
    return {
        "bars": bars,
        "width": max(BAR_WIDTH + COUNT_WIDTH, longest_label * CHARACTER_WIDTH),
        "height": len(bars) * ROW_HEIGHT,
        "bar_height": BAR_HEIGHT,
        "significant_opacity": SIGNIFICANT_OPACITY,
    }
