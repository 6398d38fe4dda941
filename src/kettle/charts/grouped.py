"""Grouped and stacked bars: several series per category (techniques per agent, causes by month)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kettle.charts.svg import (
    PALETTE,
    Fmt,
    Frame,
    Scale,
    empty_chart,
    esc,
    legend,
    legend_rows,
    nice_ticks,
    num,
    open_svg,
    x_axis_bands,
    y_axis,
)

#: The shared palette, then three of Paul Tol's muted colours for series nine to eleven.
COLOURS: tuple[str, ...] = (*PALETTE, "#999933", "#44AA99", "#AA4499")


@dataclass(frozen=True)
class BarGroup:
    """A category on the x axis and its value for each series, in the order of the series."""

    label: str
    values: Sequence[float]


def grouped_bar_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    series: Sequence[str],
    groups: Sequence[BarGroup],
    x_label: str,
    y_label: str,
    y_fmt: Fmt = num,
    stacked: bool = False,
    width: int = 640,
) -> str:
    """One bar per series side by side in each group (or stacked into one), with a legend.

    Every bar carries ``data-group``, ``data-series`` and ``data-value`` and a
    ``<title>`` naming its group, its series and its value.
    """
    for group in groups:
        if len(group.values) != len(series):
            raise ValueError(f"group {group.label!r} has {len(group.values)} values "
                             f"for {len(series)} series")
    frame, legend_frame = _frames(width, series, len(groups) > 6)
    heights = [sum(g.values) if stacked else max(g.values, default=0.0) for g in groups]
    if not groups or max(heights) <= 0:
        return empty_chart(chart_id, title, desc, "grouped", frame)
    ticks = nice_ticks(0.0, max(heights))
    y_scale = Scale(ticks[0], ticks[-1], frame.y0, frame.y1)
    colours = [COLOURS[i % len(COLOURS)] for i in range(len(series))]
    parts = open_svg(chart_id, title, desc, frame, "stacked" if stacked else "grouped")
    parts += y_axis(frame, y_scale, ticks, y_fmt, y_label)
    band = (frame.x1 - frame.x0) / len(groups)
    centres = [frame.x0 + band * (i + 0.5) for i in range(len(groups))]
    for group, centre in zip(groups, centres, strict=True):
        parts += _group(group, series, colours, (centre, band), y_scale, y_fmt, stacked)
    parts += x_axis_bands(frame, centres, [g.label for g in groups], x_label)
    parts += legend(legend_frame, series, colours)
    parts.append("</svg>")
    return "\n".join(parts)


def _frames(width: int, series: Sequence[str], tilt: bool) -> tuple[Frame, Frame]:
    """The chart's frame, and the one :func:`legend` is laid out against: above the plot,
    so that it clears the category labels however many rows either takes."""
    rows = len(legend_rows(series, width - 64 - 24))
    bottom = 100 if tilt else 64
    top = 24 + 18 * rows
    frame = Frame(width=width, height=top + 232 + bottom, top=top, bottom=bottom)
    # legend() draws its first row 56 px under the plot's bottom edge: put that edge at -40.
    return frame, replace(frame, bottom=frame.height + 40)


def _group(
    group: BarGroup,
    series: Sequence[str],
    colours: Sequence[str],
    band: tuple[float, float],
    y_scale: Scale,
    fmt: Fmt,
    stacked: bool,
) -> list[str]:
    centre, size = band
    inner = size * 0.8
    bar_width = inner * 0.7 if stacked else inner / len(series)
    left = centre - (bar_width / 2 if stacked else inner / 2)
    base = 0.0
    out = [f'<g class="group" data-label="{esc(group.label)}">']
    for i, (name, value) in enumerate(zip(series, group.values, strict=True)):
        x = left if stacked else left + i * bar_width
        top, bottom = y_scale(base + value), y_scale(base)
        if stacked:
            base += value
        out.append(
            f'<rect class="bar" x="{num(x)}" y="{num(top)}" width="{num(bar_width)}" '
            f'height="{num(bottom - top)}" fill="{colours[i]}" data-group="{esc(group.label)}" '
            f'data-series="{esc(name)}" data-value="{num(value, 4)}">'
            f'<title>{esc(group.label)} · {esc(name)}: {esc(fmt(value))}</title></rect>'
        )
    out.append("</g>")
    return out
