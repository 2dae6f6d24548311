"""A chart's Drawing as SVG for the page: the same picture as in the PDF and the Word file.

reportlab's own renderSVG styles every element with a `style=` attribute, which the
Content-Security-Policy (`style-src 'self'`, app.CSP) blocks: the chart would be drawn black.
This writes presentation attributes instead (`fill`, `stroke`, ...), for the few shapes the
charts use, and escapes every text, so the markup is ours however labels are spelled.
"""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup, escape
from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Group,
    Line,
    Polygon,
    PolyLine,
    Rect,
    Shape,
    String,
)
from reportlab.lib import colors

FONT_FAMILY = "Arial, Helvetica, sans-serif"  # the page's font (the PDF's is DejaVu Sans)
SCALE = 1.8  # CSS pixels per point: the labels, 8 pt in the PDF, read at about 14 px


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _colour(colour: colors.Color | None) -> str:
    if colour is None:
        return "none"
    return "#" + colour.hexval()[2:].lower()


def _stroke(shape: Shape) -> str:
    parts = [f'stroke="{_colour(shape.strokeColor)}"']
    if shape.strokeColor is not None:
        parts.append(f'stroke-width="{_number(shape.strokeWidth)}"')
        if shape.strokeDashArray:
            dashes = " ".join(_number(d) for d in shape.strokeDashArray)
            parts.append(f'stroke-dasharray="{dashes}"')
    return " ".join(parts)


def _points(flat: list[float]) -> str:
    return " ".join(
        f"{_number(x)},{_number(y)}" for x, y in zip(flat[::2], flat[1::2], strict=True)
    )


def _elements(shape: Shape) -> Iterator[str]:
    """SVG elements of a shape and what it holds, in reportlab's coordinates (y upwards)."""
    if isinstance(shape, Group):  # a Drawing is a Group too
        matrix = " ".join(_number(v) for v in shape.transform)
        yield f'<g transform="matrix({matrix})">'
        for inner in shape.contents:
            yield from _elements(inner)
        yield "</g>"
    elif isinstance(shape, String):
        # Text is flipped back upright about its own baseline point.
        at = f"{_number(shape.x)} {_number(shape.y)}"
        yield (
            f'<text transform="matrix(1 0 0 -1 {at})" font-family="{FONT_FAMILY}"'
            f' font-size="{_number(shape.fontSize)}" fill="{_colour(shape.fillColor)}"'
            f' text-anchor="{escape(shape.textAnchor)}">{escape(shape.text)}</text>'
        )
    elif isinstance(shape, Line):
        ends = f"{_number(shape.x1)},{_number(shape.y1)} {_number(shape.x2)},{_number(shape.y2)}"
        yield f'<polyline points="{ends}" fill="none" {_stroke(shape)}/>'
    elif isinstance(shape, Polygon | PolyLine):
        tag = "polygon" if isinstance(shape, Polygon) else "polyline"
        fill = _colour(shape.fillColor) if isinstance(shape, Polygon) else "none"
        yield f'<{tag} points="{_points(shape.points)}" fill="{fill}" {_stroke(shape)}/>'
    elif isinstance(shape, Rect):
        box = (
            f'x="{_number(shape.x)}" y="{_number(shape.y)}"'
            f' width="{_number(shape.width)}" height="{_number(shape.height)}"'
        )
        yield f'<rect {box} fill="{_colour(shape.fillColor)}" {_stroke(shape)}/>'
    elif isinstance(shape, Circle):
        centre = f'cx="{_number(shape.cx)}" cy="{_number(shape.cy)}" r="{_number(shape.r)}"'
        yield f'<circle {centre} fill="{_colour(shape.fillColor)}" {_stroke(shape)}/>'
    else:  # a shape the charts do not draw: refused, rather than silently left out
        raise TypeError(f"cannot draw {type(shape).__name__} as SVG")


def svg(drawing: Drawing, label: str) -> Markup:
    """The drawing as an inline SVG image named `label` for screen readers."""
    width, height = drawing.width, drawing.height
    flip = f"matrix(1 0 0 -1 0 {_number(height)})"  # reportlab's y goes up, SVG's down
    body = "".join(_elements(drawing))
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-figure__chart" role="img"'
        f' aria-label="{escape(label)}" focusable="false"'
        f' viewBox="0 0 {_number(width)} {_number(height)}"'
        f' width="{_number(width * SCALE)}" height="{_number(height * SCALE)}">'
        f'<g transform="{flip}">{body}</g></svg>'
    )
