"""Scatter charts: one dot per item (concession value against satisfaction)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kettle.charts.svg import (
    PALETTE,
    Fmt,
    Frame,
    Scale,
    empty_chart,
    esc,
    nice_ticks,
    num,
    open_svg,
    x_axis_numeric,
    y_axis,
)

COLOUR = PALETTE[0]


@dataclass(frozen=True)
class Point:
    """A dot at ``(x, y)``; ``label`` names it in its tooltip."""

    x: float
    y: float
    label: str = ""


def scatter_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    points: Sequence[Point],
    x_label: str,
    y_label: str,
    y_range: tuple[float, float] | None = None,
    x_fmt: Fmt = num,
    y_fmt: Fmt = num,
    frame: Frame | None = None,
) -> str:
    """Dots, half-transparent so that overlapping ones read darker; each has a ``<title>``."""
    frame = frame or Frame()
    if not points:
        return empty_chart(chart_id, title, desc, "scatter", frame)
    xs = [p.x for p in points]
    lo, hi = y_range if y_range else (min(p.y for p in points), max(p.y for p in points))
    x_ticks = nice_ticks(min(0.0, min(xs)), max(xs))
    y_ticks = nice_ticks(lo, hi, max(2, min(5, int(hi - lo)))) if y_range else nice_ticks(lo, hi)
    x_scale = Scale(x_ticks[0], x_ticks[-1], frame.x0 + 8, frame.x1 - 8)
    y_scale = Scale(y_ticks[0], y_ticks[-1], frame.y0 - 8, frame.y1 + 8)
    parts = open_svg(chart_id, title, desc, frame, "scatter")
    parts += y_axis(frame, y_scale, y_ticks, y_fmt, y_label)
    parts += x_axis_numeric(frame, x_scale, x_ticks, x_fmt, x_label)
    parts.append('<g class="points">')
    for p in points:
        name = f"{p.label}: " if p.label else ""
        parts.append(
            f'<circle cx="{num(x_scale(p.x))}" cy="{num(y_scale(p.y))}" r="5" fill="{COLOUR}" '
            f'fill-opacity="0.55" data-x="{num(p.x, 4)}" data-y="{num(p.y, 4)}">'
            f'<title>{esc(name)}{esc(x_fmt(p.x))}, {esc(y_fmt(p.y))}</title></circle>'
        )
    parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)
