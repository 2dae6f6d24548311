"""A horizontal bar chart of counts: a bar per label, each with its count printed as `shown`
says (a suppressed count, None, has no bar and is printed as "fewer than 5")."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors

from documents.charts.parts import (
    GRID,
    INK,
    LABEL_SIZE,
    LEADING,
    SECONDARY,
    placed,
    text_lines,
    widest,
    wrap_label,
)
from documents.fonts import BODY
from figures import Bars

BAR = colors.HexColor("#1d70b8")
BAR_HEIGHT, ROW_GAP = 13.0, 7.0
TICKS = 5  # about how many scale lines


def _step(largest: int) -> int:
    """A round step for the scale (1, 2 or 5 times a power of ten), about TICKS to a bar."""
    rough = max(largest / TICKS, 1)
    power = 10 ** math.floor(math.log10(rough))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= rough)


def bars_drawing(bars: Bars, width: float) -> Drawing:
    """The chart `width` points wide: labels on the left, bars from a common zero."""
    widths = [widest(wrap_label(label, width)) for label in bars["labels"]]
    label_width = min(width * 0.36, max(widths, default=0.0))
    labels = [wrap_label(label, label_width) for label in bars["labels"]]
    value_width = max((widest([shown]) for shown in bars["shown"]), default=0.0) + 6
    left = label_width + 8
    span = width - left - value_width
    counts = [c for c in bars["counts"] if c is not None]
    step = _step(max(counts, default=0))
    top_of_scale = max(step * math.ceil(max(counts, default=0) / step), step)
    heights = [max(len(lines) * LEADING, BAR_HEIGHT) + ROW_GAP for lines in labels]
    total = sum(heights)

    group = Group()
    for tick in range(0, top_of_scale + 1, step):  # the scale: lines, numbers under them
        x = left + span * tick / top_of_scale
        group.add(Line(x, 0, x, total, strokeColor=GRID, strokeWidth=0.5))
        group.add(
            String(
                x,
                -LABEL_SIZE - 2,
                str(tick),
                fontName=BODY,
                fontSize=7,
                fillColor=SECONDARY,
                textAnchor="middle",
            )
        )
    top = total
    for lines, count, shown, height in zip(
        labels, bars["counts"], bars["shown"], heights, strict=True
    ):
        middle = top - height / 2
        text_lines(group, lines, label_width, middle + len(lines) * LEADING / 2, "end")
        end = left
        if count is not None and count > 0:
            end = left + span * count / top_of_scale
            group.add(
                Rect(
                    left,
                    middle - BAR_HEIGHT / 2,
                    end - left,
                    BAR_HEIGHT,
                    fillColor=BAR,
                    strokeColor=None,
                )
            )
        # The number as printed, beside the bar's end (at zero where there is no bar).
        group.add(
            String(end + 4, middle - 2.9, shown, fontName=BODY, fontSize=LABEL_SIZE, fillColor=INK)
        )
        top -= height
    group.add(Line(left, 0, left, total, strokeColor=INK, strokeWidth=0.8))
    return placed(group, width, -LABEL_SIZE - 4, total)
