"""A radar ("star") chart: a spoke per axis, a ring per level, a line per series."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, String

from documents.charts.parts import (
    GRID,
    LEADING,
    SECONDARY,
    key,
    line_of,
    look,
    marker,
    placed,
    text_lines,
    widest,
    wrap_label,
)
from documents.fonts import BODY
from figures import Radar

GAP = 7.0  # between the outer ring and an axis's label
PAD = 2.0  # the least room between two labels
MAX_RADIUS = 165.0


def radius_of(level: int, levels: int, outer: float) -> float:
    """Where a level is drawn: level 1 on the outer ring, the last level nearest the centre
    (documents.charts.ORIENTATION says why); never at the centre itself, where every spoke
    meets and the shape would be lost."""
    return outer * (levels + 1 - level) / levels


@dataclass
class _Label:
    lines: list[str]
    angle: float
    left: float
    bottom: float
    width: float
    height: float

    def overlaps(self, other: _Label) -> bool:
        return (
            self.left < other.left + other.width + PAD
            and other.left < self.left + self.width + PAD
            and self.bottom < other.bottom + other.height + PAD
            and other.bottom < self.bottom + self.height + PAD
        )

    def draw(self, group: Group) -> None:
        # Left-aligned on the right of the chart, right-aligned on its left, centred at the
        # top and bottom: each label reads away from its spoke.
        cos = math.cos(self.angle)
        if cos > 0.3:
            x, anchor = self.left, "start"
        elif cos < -0.3:
            x, anchor = self.left + self.width, "end"
        else:
            x, anchor = self.left + self.width / 2, "middle"
        text_lines(group, self.lines, x, self.bottom + self.height, anchor)


def _angle(index: int, axes: int) -> float:
    """The first axis points straight up; the others follow clockwise."""
    return math.pi / 2 - 2 * math.pi * index / axes


def _labels(axes: list[str], outer: float, label_width: float) -> list[_Label]:
    """Each axis's label just beyond its spoke, its box pushed outwards along the spoke's
    direction; a label that would touch one already placed moves further up (top half) or
    down (bottom half), placing those nearest the middle first."""
    labels = []
    for index, axis in enumerate(axes):
        angle = _angle(index, len(axes))
        lines = wrap_label(axis, label_width)
        width, height = widest(lines), len(lines) * LEADING
        x, y = (outer + GAP) * math.cos(angle), (outer + GAP) * math.sin(angle)
        centre_x = x + math.cos(angle) * width / 2
        centre_y = y + math.sin(angle) * height / 2
        labels.append(
            _Label(lines, angle, centre_x - width / 2, centre_y - height / 2, width, height)
        )
    placed_: list[_Label] = []
    for label in sorted(labels, key=lambda lb: abs(math.sin(lb.angle))):
        step = 1.0 if math.sin(label.angle) >= 0 else -1.0
        while any(label.overlaps(other) for other in placed_):
            label.bottom += step
        placed_.append(label)
    return labels


def _rings(group: Group, axes: int, levels: int, outer: float) -> None:
    for level in range(1, levels + 1):
        r = radius_of(level, levels, outer)
        if axes >= 3:
            points = [
                coordinate
                for i in range(axes)
                for coordinate in (r * math.cos(_angle(i, axes)), r * math.sin(_angle(i, axes)))
            ]
            ring: Polygon | Circle = Polygon(points, fillColor=None)
        else:
            ring = Circle(0, 0, r, fillColor=None)
        ring.strokeColor, ring.strokeWidth = GRID, 0.6
        group.add(ring)
        # The level's number beside the first spoke, where it crosses the ring.
        group.add(String(3, r + 1.5, str(level), fontName=BODY, fontSize=6.5, fillColor=SECONDARY))
    for i in range(axes):
        angle = _angle(i, axes)
        group.add(Line(0, 0, outer * math.cos(angle), outer * math.sin(angle), strokeColor=GRID))


def _series(group: Group, radar: Radar, outer: float) -> None:
    """Each series as a line through its levels. A missing level (None) leaves a gap: the
    line stops at the axis before it and starts again after it, and no point is drawn there
    (never as if it were a level)."""
    axes, levels = len(radar["axes"]), len(radar["levels"])
    for number, series in enumerate(radar["series"]):
        style = look(number)
        points: list[tuple[float, float] | None] = []
        for i in range(axes):
            value = series["values"][i] if i < len(series["values"]) else None
            if value is None or not 1 <= value <= levels:
                points.append(None)
                continue
            r, angle = radius_of(value, levels, outer), _angle(i, axes)
            points.append((r * math.cos(angle), r * math.sin(angle)))
        for run, closed in _runs(points):
            if len(run) > 1:
                group.add(line_of(run, style, closed))
        for point in points:
            if point is not None:
                marker(group, style, *point)


def _runs(
    points: list[tuple[float, float] | None],
) -> list[tuple[list[tuple[float, float]], bool]]:
    """The unbroken stretches of a series around the chart: one closed loop if nothing is
    missing, else each run of consecutive points (the last axis joins the first)."""
    if all(p is not None for p in points):
        return [([p for p in points if p is not None], True)]
    start = next(i for i, p in enumerate(points) if p is None)
    runs: list[list[tuple[float, float]]] = [[]]
    for step in range(1, len(points) + 1):
        point = points[(start + step) % len(points)]
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    return [(run, False) for run in runs if run]


def radar_drawing(radar: Radar, width: float) -> Drawing:
    """The star chart `width` points wide, with its series' key under it."""
    label_width = min(108.0, width * 0.23)
    outer = min(width / 2 - label_width - GAP - 4, MAX_RADIUS)
    group = Group()
    _rings(group, len(radar["axes"]), len(radar["levels"]), outer)
    _series(group, radar, outer)
    labels = _labels(radar["axes"], outer, label_width)
    for label in labels:
        label.draw(group)
    top = max([outer, *(lb.bottom + lb.height for lb in labels)])
    bottom = min([-outer, *(lb.bottom for lb in labels)])
    legend, height = key([s["name"] for s in radar["series"]], width)
    legend.translate(-width / 2, bottom - 14)
    group.add(legend)
    return placed(group, width, bottom - 14 - height, top, left=-width / 2)
