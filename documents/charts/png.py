"""A chart's Drawing as a PNG picture for the Word file: the same picture as in the PDF.

reportlab's renderPM would do this, but reportlab 5.1 draws bitmaps only through its cairo
backend (rlPyCairo, which needs pycairo: no Linux wheel, so a C build of cairo on every
machine). This draws the few shapes the charts use with Pillow, which reportlab already
depends on, in DejaVu Sans as in the PDF: at twice the size, then halved, so that lines and
text are smooth.
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Iterator
from functools import cache

from PIL import Image, ImageDraw, ImageFont
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

from documents.fonts import FONT_FILES

DPI = 200
OVERSAMPLE = 2
_ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}  # Pillow's: left/middle/right, baseline

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]


def _times(outer: Matrix, inner: Matrix) -> Matrix:
    a, b, c, d, e, f = outer
    p, q, r, s, t, u = inner
    return (
        a * p + c * q,
        b * p + d * q,
        a * r + c * s,
        b * r + d * s,
        a * t + c * u + e,
        b * t + d * u + f,
    )


def _rgb(colour: colors.Color) -> tuple[int, int, int]:
    return (round(colour.red * 255), round(colour.green * 255), round(colour.blue * 255))


@cache
def _font(name: str, pixels: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILES[name]), pixels)


def _dashed(points: list[Point], dash: list[float]) -> Iterator[list[Point]]:
    """The pieces of a line that its dash pattern draws (pattern lengths in pixels)."""
    index, left, on = 0, dash[0], True
    piece = [points[0]]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length, done = math.hypot(x1 - x0, y1 - y0), 0.0
        while length - done > left:
            done += left
            at = (x0 + (x1 - x0) * done / length, y0 + (y1 - y0) * done / length)
            if on:
                yield [*piece, at]
            piece, on = [at], not on
            index = (index + 1) % len(dash)
            left = dash[index]
        left -= length - done
        piece.append((x1, y1))
    if on and len(piece) > 1:
        yield piece


class _Painter:
    def __init__(self, drawing: Drawing, scale: float) -> None:
        self.height, self.scale = drawing.height, scale
        size = (math.ceil(drawing.width * scale), math.ceil(drawing.height * scale))
        self.image = Image.new("RGB", size, "white")
        self.draw = ImageDraw.Draw(self.image)

    def at(self, matrix: Matrix, x: float, y: float) -> Point:
        a, b, c, d, e, f = matrix
        return ((a * x + c * y + e) * self.scale, (self.height - (b * x + d * y + f)) * self.scale)

    def stroke(self, shape: Shape, points: list[Point]) -> None:
        if shape.strokeColor is None or not shape.strokeWidth:
            return
        width = max(1, round(shape.strokeWidth * self.scale))
        colour = _rgb(shape.strokeColor)
        pieces = (
            _dashed(points, [d * self.scale for d in shape.strokeDashArray])
            if shape.strokeDashArray
            else [points]
        )
        for piece in pieces:
            self.draw.line(piece, fill=colour, width=width, joint="curve")

    def paint(self, shape: Shape, matrix: Matrix) -> None:
        if isinstance(shape, Group):
            for inner in shape.contents:
                self.paint(inner, _times(matrix, tuple(shape.transform)))
        elif isinstance(shape, String):
            x, y = self.at(matrix, shape.x, shape.y)
            font = _font(shape.fontName, round(shape.fontSize * self.scale))
            anchor = _ANCHORS[shape.textAnchor]
            self.draw.text((x, y), shape.text, font=font, fill=_rgb(shape.fillColor), anchor=anchor)
        elif isinstance(shape, Line):
            self.stroke(
                shape, [self.at(matrix, shape.x1, shape.y1), self.at(matrix, shape.x2, shape.y2)]
            )
        elif isinstance(shape, Polygon | PolyLine):
            flat = shape.points
            points = [self.at(matrix, x, y) for x, y in zip(flat[::2], flat[1::2], strict=True)]
            if isinstance(shape, Polygon):
                if shape.fillColor is not None:
                    self.draw.polygon(points, fill=_rgb(shape.fillColor))
                points.append(points[0])
            self.stroke(shape, points)
        elif isinstance(shape, Rect):
            corners = [(shape.x, shape.y), (shape.x + shape.width, shape.y)]
            corners += [
                (shape.x + shape.width, shape.y + shape.height),
                (shape.x, shape.y + shape.height),
            ]
            points = [self.at(matrix, x, y) for x, y in corners]
            if shape.fillColor is not None:
                self.draw.polygon(points, fill=_rgb(shape.fillColor))
            self.stroke(shape, [*points, points[0]])
        elif isinstance(shape, Circle):
            x, y = self.at(matrix, shape.cx, shape.cy)
            r = shape.r * self.scale * math.sqrt(abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]))
            fill = _rgb(shape.fillColor) if shape.fillColor is not None else None
            outline = _rgb(shape.strokeColor) if shape.strokeColor is not None else None
            width = max(1, round(shape.strokeWidth * self.scale))
            self.draw.ellipse((x - r, y - r, x + r, y + r), fill=fill, outline=outline, width=width)
        else:  # a shape the charts do not draw: refused, rather than silently left out
            raise TypeError(f"cannot draw {type(shape).__name__} as PNG")


def png(drawing: Drawing, dpi: int = DPI) -> bytes:
    """The drawing as PNG bytes at `dpi` (the size it has in the PDF, in pixels at `dpi`)."""
    painter = _Painter(drawing, dpi / 72 * OVERSAMPLE)
    painter.paint(drawing, (1, 0, 0, 1, 0, 0))
    image = painter.image
    image = image.resize(
        (image.width // OVERSAMPLE, image.height // OVERSAMPLE), Image.Resampling.LANCZOS
    )
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(dpi, dpi), optimize=True)
    return out.getvalue()
