"""The SDG overview as a bar chart: geometry computed here, drawn as SVG by the template."""

BAR_WIDTH = 360  # px of the longest bar
ROW_HEIGHT = 26
LABEL_WIDTH = 44


def overview_chart(overview: dict) -> dict:
    """Per goal a bar of principal records and one of significant records after it."""
    largest = overview["largest"] or 1
    bars = []
    for index, row in enumerate(overview["rows"]):
        principal = row["partnerships"]["principal"] + row["projects"]["principal"]
        significant = row["partnerships"]["significant"] + row["projects"]["significant"]
        principal_width = round(BAR_WIDTH * principal / largest)
        significant_width = round(BAR_WIDTH * significant / largest)
        y = index * ROW_HEIGHT
        bars.append(
            {
                "goal": row["goal"],
                "y": y,
                "text_y": y + ROW_HEIGHT - 9,
                "principal": principal,
                "significant": significant,
                "principal_width": principal_width,
                "significant_x": LABEL_WIDTH + principal_width,
                "significant_width": significant_width,
                "count_x": LABEL_WIDTH + principal_width + significant_width + 6,
            }
        )
    return {
        "bars": bars,
        "label_width": LABEL_WIDTH,
        "width": LABEL_WIDTH + BAR_WIDTH + 40,
        "height": len(bars) * ROW_HEIGHT,
        "bar_height": ROW_HEIGHT - 8,
    }
