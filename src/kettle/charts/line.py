"""Line charts: several series over a numeric x axis (temperature curves)."""

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
    guide,
    legend,
    legend_rows,
    nice_ticks,
    num,
    open_svg,
    x_axis_numeric,
    y_axis,
)


@dataclass(frozen=True)
class Series:
    """One line: a label and its ``(x, y)`` points (drawn in the order given)."""

    label: str
    points: Sequence[tuple[float, float]]


@dataclass(frozen=True)
class Guide:
    """A horizontal reference line at ``value`` with a label (a threshold, a target)."""

    value: float
    label: str


def line_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    series: Sequence[Series],
    x_label: str,
    y_label: str,
    y_range: tuple[float, float] | None = None,
    guides: Sequence[Guide] = (),
    x_fmt: Fmt = num,
    y_fmt: Fmt = num,
    frame: Frame | None = None,
) -> str:
    """An accessible SVG line chart; each point carries a ``<title>`` with its values.

    ``y_range`` fixes the y axis (for example 30–100 °C); otherwise it fits the data.
    """
    drawn = [s for s in series if s.points]
    if frame is None:
        rows = len(legend_rows([s.label for s in drawn], Frame().x1 - Frame().x0))
        frame = Frame(height=320 + 18 * rows, bottom=64 + 18 * rows)
    if not drawn:
        return empty_chart(chart_id, title, desc, "line", frame)
    xs = [x for s in drawn for x, _ in s.points]
    ys = [y for s in drawn for _, y in s.points]
    x_ticks = nice_ticks(min(xs), max(xs))
    lo, hi = y_range if y_range else (min(ys), max(ys))
    y_ticks = nice_ticks(lo, hi) if not y_range else nice_ticks(lo, hi, 7)
    x_scale = Scale(x_ticks[0], x_ticks[-1], frame.x0, frame.x1)
    y_scale = Scale(y_ticks[0], y_ticks[-1], frame.y0, frame.y1)
    parts = open_svg(chart_id, title, desc, frame, "line")
    parts += y_axis(frame, y_scale, y_ticks, y_fmt, y_label)
    parts += x_axis_numeric(frame, x_scale, x_ticks, x_fmt, x_label)
    parts += [guide(frame, y_scale, g.value, g.label) for g in guides]
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(drawn))]
    for one, colour in zip(drawn, colours, strict=True):
        parts += _series(one, colour, x_scale, y_scale, x_fmt, y_fmt)
    parts += legend(frame, [s.label for s in drawn], colours)
    parts.append("</svg>")
    return "\n".join(parts)


def _series(one: Series, colour: str, xs: Scale, ys: Scale, x_fmt: Fmt, y_fmt: Fmt) -> list[str]:
    coords = " ".join(f"{num(xs(x))},{num(ys(y))}" for x, y in one.points)
    out = [f'<g class="series" data-label="{esc(one.label)}"><title>{esc(one.label)}</title>',
           f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"/>']
    for x, y in one.points:
        out.append(f'<circle cx="{num(xs(x))}" cy="{num(ys(y))}" r="3" fill="{colour}" '
                   f'data-x="{num(x, 4)}" data-y="{num(y, 4)}"><title>{esc(one.label)}: '
                   f'{esc(x_fmt(x))}, {esc(y_fmt(y))}</title></circle>')
    out.append("</g>")
    return out
