"""What the charts share: colours, how each series looks, wrapped labels, markers and keys."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from documents.fonts import BODY

INK = colors.HexColor("#0b0c0c")
GRID = colors.HexColor("#b1b4b6")
SECONDARY = colors.HexColor("#505a5f")
LABEL_SIZE, LEADING = 8.0, 9.5


@dataclass(frozen=True)
class Look:
    """How one series is drawn: its colour, dash pattern and marker, each different from the
    others', so the series can be told apart in colour and in greyscale alike."""

    colour: colors.Color
    dash: tuple[float, ...] | None
    marker: str  # "circle", "square", "triangle" or "diamond"


# GOV.UK colours that differ in lightness too (blue, red, green, purple, orange, black).
LOOKS = (
    Look(colors.HexColor("#1d70b8"), None, "circle"),
    Look(colors.HexColor("#d4351c"), (6, 3), "square"),
    Look(colors.HexColor("#00703c"), (1.5, 2.5), "triangle"),
    Look(colors.HexColor("#4c2c92"), (8, 3, 2, 3), "diamond"),
    Look(colors.HexColor("#f47738"), (3, 3), "circle"),
    Look(INK, (10, 4), "square"),
)


def look(index: int) -> Look:
    """The look of the series at `index`; past six, looks repeat (a key still names each)."""
    return LOOKS[index % len(LOOKS)]


def wrap_label(text: str, width: float, font: str = BODY, size: float = LABEL_SIZE) -> list[str]:
    """Text in lines no wider than `width`, broken at spaces; a word wider than a line is
    broken across lines, never cut short."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if stringWidth(candidate, font, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:
            if line and stringWidth(line + char, font, size) > width:
                lines.append(line)
                line = ""
            line += char
    return [*lines, line] if line else lines or [""]


def widest(lines: list[str], font: str = BODY, size: float = LABEL_SIZE) -> float:
    return max(stringWidth(line, font, size) for line in lines)


def text_lines(
    group: Group,
    lines: list[str],
    x: float,
    top: float,
    anchor: str = "start",
    colour: colors.Color = INK,
) -> None:
    """Lines of text in the label size, the first one's top at `top`: each line's capitals
    centred in its LEADING."""
    for number, line in enumerate(lines):
        baseline = top - (number + 1) * LEADING + 1.9
        group.add(
            String(
                x,
                baseline,
                line,
                fontName=BODY,
                fontSize=LABEL_SIZE,
                fillColor=colour,
                textAnchor=anchor,
            )
        )


def marker(group: Group, style: Look, x: float, y: float) -> None:
    """A series' marker at a point: its shape tells it apart without colour."""
    size = 3.2
    if style.marker == "circle":
        shape: Circle | Rect | Polygon = Circle(x, y, size * 0.95)
    elif style.marker == "square":
        shape = Rect(x - size * 0.8, y - size * 0.8, size * 1.6, size * 1.6)
    elif style.marker == "triangle":
        shape = Polygon(
            [x, y + size * 1.2, x - size * 1.1, y - size * 0.8, x + size * 1.1, y - size * 0.8]
        )
    else:
        shape = Polygon([x, y + size * 1.25, x + size, y, x, y - size * 1.25, x - size, y])
    shape.fillColor, shape.strokeColor, shape.strokeWidth = style.colour, colors.white, 0.6
    group.add(shape)


def line_of(points: list[tuple[float, float]], style: Look, closed: bool) -> PolyLine | Polygon:
    """A series' line through `points`, in its colour and dashes; closed, it has no fill."""
    flat = [coordinate for point in points for coordinate in point]
    shape: PolyLine | Polygon = Polygon(flat, fillColor=None) if closed else PolyLine(flat)
    shape.strokeColor, shape.strokeWidth, shape.strokeDashArray = style.colour, 1.8, style.dash
    return shape


def key(names: list[str], width: float) -> tuple[Group, float]:
    """The key of a chart's series, in rows as wide as `width`: a sample of each line with its
    dashes and marker, then its name. The group (its top at y = 0) and its height."""
    group = Group()
    items = [wrap_label(name, width / 2 - 40) for name in names]
    widths = [34 + widest(lines) + 18 for lines in items]
    x = max(0.0, (width - sum(widths) + 18) / 2)  # one row is centred; more start at the left
    top, row_lines = 0.0, 1
    for index, (lines, item_width) in enumerate(zip(items, widths, strict=True)):
        style = look(index)
        if x and x + item_width - 18 > width:
            x, top, row_lines = 0.0, top - row_lines * LEADING - 6, 1
        y = top - LABEL_SIZE / 2 - 1
        group.add(
            Line(
                x,
                y,
                x + 28,
                y,
                strokeColor=style.colour,
                strokeWidth=1.8,
                strokeDashArray=style.dash,
            )
        )
        marker(group, style, x + 14, y)
        text_lines(group, lines, x + 34, top)
        row_lines = max(row_lines, len(lines))
        x += item_width
    return group, -top + row_lines * LEADING + 2


def placed(group: Group, width: float, bottom: float, top: float, left: float = 0.0) -> Drawing:
    """A drawing `width` wide of `group`, whose contents span `bottom` to `top` and start at
    `left`: moved so that they start at the drawing's edges."""
    group.translate(-left, 1 - bottom)
    out = Drawing(width, math.ceil(top - bottom) + 2)
    out.add(group)
    return out
