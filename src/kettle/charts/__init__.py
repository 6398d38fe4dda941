"""Accessible inline SVG charts as plain strings: no JavaScript, no CDN, no plotting library.

Every chart has an accessible name and description (``<title>``/``<desc>``
referenced by ``aria-labelledby``), labelled axes, a ``<title>`` tooltip on each
mark and ``data-*`` attributes with the exact values. The output is
deterministic: the same input draws the same string. The console dashboard and
the QA reports use the same functions.
"""

from __future__ import annotations

from kettle.charts.bars import bar_chart, pareto_chart
from kettle.charts.line import Guide, Series, line_chart
from kettle.charts.rate import RatePoint, rate_chart
from kettle.charts.scatter import Point, scatter_chart

__all__ = [
    "Guide",
    "Point",
    "RatePoint",
    "Series",
    "bar_chart",
    "line_chart",
    "pareto_chart",
    "rate_chart",
    "scatter_chart",
]
