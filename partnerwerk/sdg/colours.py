"""The official colours of the 17 Sustainable Development Goals, in one place.

Source: the UN SDG communications guidelines (United Nations Department of Global
Communications, "Sustainable Development Goals: Guidelines for the use of the SDG logo,
including the colour wheel, and 17 icons"), the colour codes of the 17 goal icons.
"""

GOAL_COLOURS = {
    1: "#E5243B",
    2: "#DDA63A",
    3: "#4C9F38",
    4: "#C5192D",
    5: "#FF3A21",
    6: "#26BDE2",
    7: "#FCC30B",
    8: "#A21942",
    9: "#FD6925",
    10: "#DD1367",
    11: "#FD9D24",
    12: "#BF8B2E",
    13: "#3F7E44",
    14: "#0A97D9",
    15: "#56C02B",
    16: "#00689D",
    17: "#19486A",
}


def goal_colour(number: int) -> str:
    return GOAL_COLOURS[number]
