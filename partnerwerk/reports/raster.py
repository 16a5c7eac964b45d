"""The report's charts and map as PNG for the DOCX: the few SVG shapes the templates draw
(`path` of straight lines, `rect`, `circle`, `text`) painted with Pillow, which the project
already has. Nothing is fetched; the font is Debian's DejaVu Sans, the one the PDF uses
(Pillow's own font where it is missing). Drawn at four times the size and reduced by
half, so edges are smooth; the same shapes give the same bytes."""

import io
import re
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OVERSAMPLE = 4  # drawn at this many pixels per SVG unit …
OUTPUT = 2  # … and stored at this many
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
TEXT_SIZE = 8  # the reports' chart text (report.css: .chart text), in SVG units
TEXT_COLOUR = "#1a1a1a"
NUMBER = r"-?\d+(?:\.\d+)?"


@lru_cache(maxsize=32)
def _font(size: int):
    if FONT.exists():
        return ImageFont.truetype(str(FONT), size)
    return ImageFont.load_default(size)


def _float(attrs: dict, name: str, default: float = 0.0) -> float:
    try:
        return float(attrs.get(name, default))
    except ValueError:
        return default


def _colour(value: str | None, opacity: float = 1.0):
    """An `#rrggbb` colour, blended with the white page by `opacity`; None for none."""
    if not value or value == "none" or not value.startswith("#") or len(value) != 7:
        return None
    red, green, blue = (int(value[index : index + 2], 16) for index in (1, 3, 5))
    return tuple(round(c * opacity + 255 * (1 - opacity)) for c in (red, green, blue))


def _rings(d: str) -> list[list[tuple[float, float]]]:
    """The closed rings of a path of `M x,y L x,y … Z` pieces."""
    rings = []
    for piece in re.split(r"[Mm]", d):
        numbers = [float(n) for n in re.findall(NUMBER, piece)]
        points = list(zip(numbers[0::2], numbers[1::2], strict=False))
        if len(points) > 2:
            rings.append(points)
    return rings


def svg_png(view_box: tuple[float, float], shapes: list[tuple[str, dict, str]]) -> bytes:
    """A PNG of `shapes` (tag, attributes, text) in a view box of (width, height)."""
    width, height = view_box
    scale = OVERSAMPLE
    image = Image.new("RGB", (max(round(width * scale), 1), max(round(height * scale), 1)), "white")
    draw = ImageDraw.Draw(image)

    def at(x: float, y: float) -> tuple[float, float]:
        return x * scale, y * scale

    for tag, attrs, text in shapes:
        opacity = _float(attrs, "fill-opacity", 1.0)
        fill = _colour(attrs.get("fill"), opacity)
        stroke = _colour(attrs.get("stroke"))
        stroke_width = max(round(_float(attrs, "stroke-width", 0) * scale), 0)
        if tag == "path":
            for ring in _rings(attrs.get("d", "")):
                points = [at(x, y) for x, y in ring]
                draw.polygon(points, fill=fill)
                if stroke and stroke_width:
                    draw.line([*points, points[0]], fill=stroke, width=stroke_width)
        elif tag == "rect":
            x, y = at(_float(attrs, "x"), _float(attrs, "y"))
            right = x + _float(attrs, "width") * scale
            bottom = y + _float(attrs, "height") * scale
            if right > x and bottom > y:
                draw.rectangle((x, y, right, bottom), fill=fill)
        elif tag == "circle":
            x, y = at(_float(attrs, "cx"), _float(attrs, "cy"))
            radius = _float(attrs, "r") * scale
            draw.ellipse(
                (x - radius, y - radius, x + radius, y + radius),
                fill=fill,
                outline=stroke,
                width=stroke_width or 0,
            )
        elif tag == "text" and text.strip():
            size = round(_float(attrs, "font-size", TEXT_SIZE) * scale)
            draw.text(
                at(_float(attrs, "x"), _float(attrs, "y")),
                " ".join(text.split()),
                fill=fill or _colour(TEXT_COLOUR),
                font=_font(size),
                anchor="ls",  # x at the left, y on the baseline, as SVG places text
            )
    final = image.reduce(OVERSAMPLE // OUTPUT)  # each pixel the mean of a 2 × 2 box
    output = io.BytesIO()
    final.save(output, format="PNG")
    return output.getvalue()
