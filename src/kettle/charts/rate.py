"""A rate over time: a share (0–100 %) per period, with how many it was measured on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kettle.charts.svg import (
    PALETTE,
    Frame,
    Scale,
    empty_chart,
    esc,
    guide,
    num,
    open_svg,
    x_axis_bands,
    y_axis,
)

COLOUR = PALETTE[2]


@dataclass(frozen=True)
class RatePoint:
    """A period's label, its rate (0..1, None when nothing was measured) and its count."""

    label: str
    rate: float | None
    n: int


def rate_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    points: Sequence[RatePoint],
    x_label: str,
    y_label: str,
    target: float | None = None,
    frame: Frame | None = None,
) -> str:
    """The rate per period as a line on a 0–100 % axis; periods without data leave a gap.

    ``target`` (0..1) draws a dashed reference line.
    """
    frame = frame or Frame(bottom=100 if len(points) > 6 else 64)
    if not any(p.rate is not None for p in points):
        return empty_chart(chart_id, title, desc, "rate", frame)
    scale = Scale(0.0, 100.0, frame.y0, frame.y1)
    parts = open_svg(chart_id, title, desc, frame, "rate")
    parts += y_axis(frame, scale, [0, 20, 40, 60, 80, 100], _pct, y_label)
    if target is not None:
        parts.append(guide(frame, scale, 100.0 * target, f"target {_pct(100.0 * target)}"))
    band = (frame.x1 - frame.x0) / len(points)
    centres = [frame.x0 + band * (i + 0.5) for i in range(len(points))]
    parts += _line(points, centres, scale)
    parts += x_axis_bands(frame, centres, [p.label for p in points], x_label)
    parts.append("</svg>")
    return "\n".join(parts)


def _pct(value: float) -> str:
    return f"{num(value, 0)} %"


def _line(points: Sequence[RatePoint], centres: Sequence[float], scale: Scale) -> list[str]:
    runs: list[list[tuple[float, float]]] = [[]]
    marks: list[str] = []
    for point, x in zip(points, centres, strict=True):
        if point.rate is None:
            runs.append([])
            continue
        y = scale(100.0 * point.rate)
        runs[-1].append((x, y))
        marks.append(
            f'<circle cx="{num(x)}" cy="{num(y)}" r="4" fill="{COLOUR}" '
            f'data-label="{esc(point.label)}" data-rate="{num(point.rate, 4)}" '
            f'data-n="{point.n}"><title>{esc(point.label)}: {num(100.0 * point.rate, 1)} % '
            f'of {point.n}</title></circle>'
        )
    out = ['<g class="series">']
    for run in runs:
        if len(run) > 1:
            coords = " ".join(f"{num(x)},{num(y)}" for x, y in run)
            out.append(f'<polyline points="{coords}" fill="none" stroke="{COLOUR}" '
                       f'stroke-width="2"/>')
    out += marks
    out.append("</g>")
    return out
