"""The partner map, drawn on the server as SVG: the vendored world-atlas TopoJSON decoded in
Python, an equirectangular projection, a dot per city. No tiles; nothing is fetched."""

import json
from functools import lru_cache
from pathlib import Path

ATLAS = (
    Path(__file__).resolve().parent.parent
    / "static"
    / "vendor"
    / "world-atlas"
    / "countries-110m.json"
)
WIDTH = 720
HEIGHT = 320
# The map shows latitudes 84° N to 58° S: Antarctica would take a fifth of the page.
NORTH, SOUTH = 84.0, -58.0
ANTARCTICA = "010"  # ISO 3166-1 numeric, as world-atlas names it


def project(longitude: float, latitude: float) -> tuple[float, float]:
    x = (longitude + 180.0) / 360.0 * WIDTH
    y = (NORTH - latitude) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Arcs as lists of (longitude, latitude): quantized positions, delta-encoded."""
    scale_x, scale_y = topology["transform"]["scale"]
    translate_x, translate_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def _ring(arcs, indexes) -> list[tuple[float, float]]:
    points: list = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def _path(points) -> str:
    """An SVG path of a ring, skipping points closer than half a pixel to the last one; a ring
    cut at the antimeridian (Russia, Fiji) becomes one closed piece per side."""
    pieces, piece, last, last_longitude = [], [], None, None
    for longitude, latitude in points:
        if last_longitude is not None and abs(longitude - last_longitude) > 180:
            pieces.append(piece)
            piece, last = [], None
        last_longitude = longitude
        x, y = project(longitude, max(min(latitude, NORTH), SOUTH))
        if last and abs(x - last[0]) < 0.5 and abs(y - last[1]) < 0.5:
            continue
        piece.append(f"{x:g},{y:g}")
        last = (x, y)
    pieces.append(piece)
    return "".join("M" + "L".join(piece) + "Z" for piece in pieces if len(piece) > 2)


@lru_cache(maxsize=1)
def country_paths() -> str:
    """One SVG path of every country's outline (read once per process)."""
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    rings = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == ANTARCTICA:
            continue
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        for polygon in polygons:
            for ring in polygon:
                path = _path(_ring(arcs, ring))
                if path:
                    rings.append(path)
    return "".join(rings)


LABEL_CHARACTER = 4.3  # px of a character of 7 px text, generously
LABEL_HEIGHT = 8
LABEL_SHIFTS = (
    0,
    LABEL_HEIGHT,
    -LABEL_HEIGHT,
    2 * LABEL_HEIGHT,
    -2 * LABEL_HEIGHT,
    3 * LABEL_HEIGHT,
)


def _place_labels(dots) -> None:
    """Each dot's label beside it, moved up or down where it would cover an earlier label
    (European partner cities lie close together); sorted west to east, so the same cities
    always get the same places."""
    dots.sort(key=lambda dot: (dot["x"], dot["y"], dot["name"]))
    placed: list[tuple[float, float, float]] = []  # left, right, baseline
    for dot in dots:
        left = dot["x"] + 5
        right = left + len(dot["name"]) * LABEL_CHARACTER
        for shift in LABEL_SHIFTS:
            baseline = dot["y"] + 2.5 + shift
            if not any(
                left < other_right and other_left < right and abs(baseline - other) < LABEL_HEIGHT
                for other_left, other_right, other in placed
            ):
                break
        placed.append((left, right, baseline))
        dot["label_x"], dot["label_y"] = round(left, 1), round(baseline, 1)


def partner_map(home, partners) -> dict:
    """The map's drawing: country outlines, the home city and each partner city with a place
    on the map (cities without coordinates are named in `unplaced`)."""
    dots, unplaced, seen = [], [], set()
    for place in partners:
        if place.pk in seen:
            continue
        seen.add(place.pk)
        if place.latitude is None or place.longitude is None:
            unplaced.append(place)
            continue
        x, y = project(place.longitude, place.latitude)
        dots.append({"x": x, "y": y, "name": place.display_name})
    _place_labels(dots)
    home_dot = None
    if home is not None and home.latitude is not None and home.longitude is not None:
        x, y = project(home.longitude, home.latitude)
        home_dot = {"x": x, "y": y, "name": home.display_name}
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "countries": country_paths(),
        "dots": dots,
        "home": home_dot,
        "unplaced": unplaced,
    }
