"""Bar charts: plain bars (a histogram of buckets) and a Pareto chart with its cumulative line."""

from __future__ import annotations

from collections.abc import Sequence

from kettle.charts.svg import (
    INK,
    PALETTE,
    Fmt,
    Frame,
    Scale,
    empty_chart,
    esc,
    guide,
    nice_ticks,
    num,
    open_svg,
    x_axis_bands,
    y_axis,
)

BAR = PALETTE[0]
LINE = PALETTE[1]


def bar_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    bars: Sequence[tuple[str, float]],
    x_label: str,
    y_label: str,
    y_fmt: Fmt = num,
    frame: Frame | None = None,
) -> str:
    """Vertical bars in the order given; each bar has a ``<title>`` with its value."""
    frame = frame or Frame(bottom=100 if len(bars) > 6 else 64)
    if not bars or all(value == 0 for _, value in bars):
        return empty_chart(chart_id, title, desc, "bar", frame)
    ticks = nice_ticks(0.0, max(value for _, value in bars))
    y_scale = Scale(ticks[0], ticks[-1], frame.y0, frame.y1)
    parts = open_svg(chart_id, title, desc, frame, "bar")
    parts += y_axis(frame, y_scale, ticks, y_fmt, y_label)
    centres, body = _bars(frame, y_scale, bars, y_fmt)
    parts += body
    parts += x_axis_bands(frame, centres, [label for label, _ in bars], x_label)
    parts.append("</svg>")
    return "\n".join(parts)


def pareto_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    categories: Sequence[tuple[str, int]],
    x_label: str,
    y_label: str,
    frame: Frame | None = None,
) -> str:
    """Counts as bars, largest first, with the cumulative share as a line (right axis).

    Ties keep a stable order (by label), so the same data always draws the same chart.
    """
    frame = frame or Frame(right=56, bottom=100 if len(categories) > 6 else 64)
    ordered = sorted(categories, key=lambda item: (-item[1], item[0]))
    total = sum(count for _, count in ordered)
    if total <= 0:
        return empty_chart(chart_id, title, desc, "pareto", frame)
    ticks = nice_ticks(0.0, float(ordered[0][1]))
    y_scale = Scale(ticks[0], ticks[-1], frame.y0, frame.y1)
    pct_scale = Scale(0.0, 100.0, frame.y0, frame.y1)
    parts = open_svg(chart_id, title, desc, frame, "pareto")
    parts += y_axis(frame, y_scale, ticks, num, y_label)
    parts += y_axis(frame, pct_scale, [0, 20, 40, 60, 80, 100], _pct, "Cumulative share",
                    right=True)
    parts.append(guide(frame, pct_scale, 80.0, "80 %"))
    bars = [(label, float(count)) for label, count in ordered]
    centres, body = _bars(frame, y_scale, bars, num)
    parts += body
    parts += _cumulative(ordered, total, centres, pct_scale)
    parts += x_axis_bands(frame, centres, [label for label, _ in ordered], x_label)
    parts.append("</svg>")
    return "\n".join(parts)


def _pct(value: float) -> str:
    return f"{num(value, 0)} %"


def _bars(
    frame: Frame, y_scale: Scale, bars: Sequence[tuple[str, float]], fmt: Fmt
) -> tuple[list[float], list[str]]:
    band = (frame.x1 - frame.x0) / len(bars)
    width = band * 0.7
    centres: list[float] = []
    out = ['<g class="bars">']
    for i, (label, value) in enumerate(bars):
        centre = frame.x0 + band * (i + 0.5)
        centres.append(centre)
        top = y_scale(value)
        out.append(
            f'<rect class="bar" x="{num(centre - width / 2)}" y="{num(top)}" '
            f'width="{num(width)}" height="{num(frame.y0 - top)}" fill="{BAR}" '
            f'data-label="{esc(label)}" data-value="{num(value, 4)}">'
            f'<title>{esc(label)}: {esc(fmt(value))}</title></rect>'
        )
    out.append("</g>")
    return centres, out


def _cumulative(
    ordered: Sequence[tuple[str, int]], total: int, centres: Sequence[float], scale: Scale
) -> list[str]:
    running = 0
    points: list[tuple[float, float, str, float]] = []
    for (label, count), centre in zip(ordered, centres, strict=True):
        running += count
        share = 100.0 * running / total
        points.append((centre, scale(share), label, share))
    coords = " ".join(f"{num(x)},{num(y)}" for x, y, _, _ in points)
    out = ['<g class="cumulative">',
           f'<polyline points="{coords}" fill="none" stroke="{LINE}" stroke-width="2"/>']
    for x, y, label, share in points:
        out.append(f'<circle cx="{num(x)}" cy="{num(y)}" r="3" fill="{LINE}" stroke="{INK}" '
                   f'stroke-width="0.5" data-label="{esc(label)}" '
                   f'data-cumulative="{num(share, 2)}">'
                   f'<title>Up to {esc(label)}: {num(share, 1)} % of all</title></circle>')
    out.append("</g>")
    return out
