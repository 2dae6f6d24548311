"""A version's figures on a page: its charts as inline SVG, each with its figures as a table."""

from __future__ import annotations

from flask import Flask
from markupsafe import Markup

from documents.charts import ORIENTATION, as_table, drawing, legend, worked_out
from documents.charts.svg import svg
from figures import Bars, Radar

CHART_WIDTH = 470.0  # points: the PDF's text width, so the page shows the PDF's picture


def chart_svg(block: Radar | Bars) -> Markup:
    """The block's chart as SVG. It is marked safe because documents.charts.svg writes every
    element itself and escapes every text in it (labels, names, the title)."""
    kind = "Star chart" if block["kind"] == "radar" else "Bar chart"
    where = f"the table {block['same_as']}" if block.get("same_as") else "the table after it"
    label = f"{kind}: {block['title']}. The same figures are in {where}."
    return svg(drawing(block, CHART_WIDTH), label)


def init_app(app: Flask) -> None:
    for helper in (chart_svg, as_table, legend, worked_out):
        app.add_template_global(helper, f"figures_{helper.__name__}")
    app.jinja_env.globals["figures_orientation"] = ORIENTATION
