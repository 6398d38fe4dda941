"""The SVG building blocks every chart shares: escaping, numbers, scales, axes, frame.

Charts are plain strings of inline SVG, built the same way every time for the
same input (no randomness, no clock, fixed number formatting), so they can be
compared in tests and cached. Every piece of text goes through :func:`esc`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

#: Okabe–Ito colours (yellow swapped for wine, for contrast on white): distinguishable
#: with the common colour-vision deficiencies.
PALETTE: tuple[str, ...] = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#882255",
)
INK = "#1f2328"
GRID = "#d0d7de"
MUTED = "#57606a"
FONT = "font-family=\"system-ui, sans-serif\" font-size=\"12\""

#: At most this many category labels under a band axis.
MAX_BAND_LABELS = 12

Fmt = Callable[[float], str]


def esc(text: object) -> str:
    """``text`` safe inside an XML element or a double-quoted attribute."""
    return escape(str(text), quote=True)


def num(value: float, digits: int = 2) -> str:
    """A coordinate or value with at most ``digits`` decimals, no trailing zeros."""
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def safe_id(chart_id: str) -> str:
    """``chart_id`` reduced to characters that are safe in an XML id."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "-", chart_id).strip("-")
    return cleaned if cleaned and cleaned[0].isalpha() else f"chart-{cleaned}"


def short(label: str, limit: int = 18) -> str:
    """``label`` cut to ``limit`` characters with an ellipsis."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering ``low``..``high`` (about ``count`` of them)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("tick range must be finite")
    if high < low:
        low, high = high, low
    if high == low:
        high = low + 1.0
    raw = (high - low) / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks: list[float] = []
    value = start
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks


@dataclass(frozen=True)
class Frame:
    """The canvas and the plot area inside its margins."""

    width: int = 640
    height: int = 320
    left: int = 64
    right: int = 24
    top: int = 24
    bottom: int = 64

    @property
    def x0(self) -> float:
        return float(self.left)

    @property
    def x1(self) -> float:
        return float(self.width - self.right)

    @property
    def y0(self) -> float:
        return float(self.height - self.bottom)

    @property
    def y1(self) -> float:
        return float(self.top)


@dataclass(frozen=True)
class Scale:
    """A linear map from the data range ``lo..hi`` to pixels ``a..b``."""

    lo: float
    hi: float
    a: float
    b: float

    def __call__(self, value: float) -> float:
        span = self.hi - self.lo
        t = 0.5 if span == 0 else (value - self.lo) / span
        return self.a + t * (self.b - self.a)


def open_svg(chart_id: str, title: str, desc: str, frame: Frame, kind: str) -> list[str]:
    """The root element with its accessible name (``<title>``) and description."""
    cid = safe_id(chart_id)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{esc(kind)}" id="{cid}" '
        f'role="img" aria-labelledby="{cid}-title {cid}-desc" '
        f'viewBox="0 0 {frame.width} {frame.height}" width="{frame.width}" '
        f'height="{frame.height}" {FONT}>',
        f'<title id="{cid}-title">{esc(title)}</title>',
        f'<desc id="{cid}-desc">{esc(desc)}</desc>',
    ]


def empty_chart(chart_id: str, title: str, desc: str, kind: str, frame: Frame) -> str:
    """A chart that says there is nothing to plot (instead of empty axes)."""
    parts = open_svg(chart_id, title, desc, frame, kind)
    parts.append(
        f'<text class="empty" x="{num(frame.width / 2)}" y="{num(frame.height / 2)}" '
        f'text-anchor="middle" fill="{MUTED}">No data for this period</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def y_axis(
    frame: Frame, scale: Scale, ticks: Sequence[float], fmt: Fmt, label: str, *, right: bool = False
) -> list[str]:
    """Grid lines, tick labels and the axis title on the left (or right) side."""
    x = frame.x1 if right else frame.x0
    anchor, dx = ("start", 6) if right else ("end", -6)
    side = "right" if right else "left"
    out = [f'<g class="axis axis-y axis-{side}">']
    for tick in ticks:
        y = num(scale(tick))
        if not right:
            out.append(f'<line x1="{num(frame.x0)}" x2="{num(frame.x1)}" y1="{y}" y2="{y}" '
                       f'stroke="{GRID}" stroke-width="1"/>')
        out.append(f'<text class="tick" x="{num(x + dx)}" y="{y}" dy="0.32em" '
                   f'text-anchor="{anchor}" fill="{INK}">{esc(fmt(tick))}</text>')
    mid = num((frame.y0 + frame.y1) / 2)
    lx = num(frame.width - 8 if right else 14)
    rotate = 90 if right else -90
    out.append(f'<text class="axis-label" x="{lx}" y="{mid}" text-anchor="middle" '
               f'transform="rotate({rotate} {lx} {mid})" fill="{INK}">{esc(label)}</text>')
    out.append("</g>")
    return out


def x_axis_numeric(frame: Frame, scale: Scale, ticks: Sequence[float], fmt: Fmt,
                   label: str) -> list[str]:
    """The baseline, numeric tick labels and the axis title under the plot."""
    out = ['<g class="axis axis-x">', _baseline(frame)]
    for tick in ticks:
        x = num(scale(tick))
        out.append(f'<line x1="{x}" x2="{x}" y1="{num(frame.y0)}" y2="{num(frame.y0 + 4)}" '
                   f'stroke="{INK}"/>')
        out.append(f'<text class="tick" x="{x}" y="{num(frame.y0 + 18)}" text-anchor="middle" '
                   f'fill="{INK}">{esc(fmt(tick))}</text>')
    out.append(_x_label(frame, label))
    out.append("</g>")
    return out


def x_axis_bands(frame: Frame, centres: Sequence[float], labels: Sequence[str],
                 label: str) -> list[str]:
    """Category labels under each band (tilted when there are many) and the axis title."""
    tilt = len(labels) > 6
    every = math.ceil(len(labels) / MAX_BAND_LABELS)
    out = ['<g class="axis axis-x">', _baseline(frame)]
    for i, (centre, text) in enumerate(zip(centres, labels, strict=True)):
        if i % every:
            continue  # too many to read: label every n-th band (each mark has its own title)
        x, y = num(centre), num(frame.y0 + 16)
        extra = f' transform="rotate(-30 {x} {y})" text-anchor="end"' if tilt else (
            ' text-anchor="middle"')
        out.append(f'<text class="tick" x="{x}" y="{y}"{extra} fill="{INK}">'
                   f'<title>{esc(text)}</title>{esc(short(text, 14 if tilt else 18))}</text>')
    out.append(_x_label(frame, label, frame.height - 8 if tilt else None))
    out.append("</g>")
    return out


def guide(frame: Frame, scale: Scale, value: float, text: str) -> str:
    """A dashed horizontal reference line (a threshold, a target) with its label."""
    y = num(scale(value))
    return (f'<g class="guide"><line x1="{num(frame.x0)}" x2="{num(frame.x1)}" y1="{y}" '
            f'y2="{y}" stroke="{MUTED}" stroke-dasharray="4 3"/>'
            f'<text x="{num(frame.x1 - 4)}" y="{y}" dy="-0.4em" text-anchor="end" '
            f'fill="{MUTED}">{esc(text)}</text></g>')


def legend_rows(labels: Sequence[str], width: float) -> list[list[tuple[int, float]]]:
    """Legend entries laid out in rows no wider than ``width``: (index, x offset) per row."""
    rows: list[list[tuple[int, float]]] = [[]]
    x = 0.0
    for i, text in enumerate(labels):
        step = 24 + 7 * len(short(text, 22))
        if rows[-1] and x + step > width:
            rows.append([])
            x = 0.0
        rows[-1].append((i, x))
        x += step
    return rows


def legend(frame: Frame, labels: Sequence[str], colours: Sequence[str]) -> list[str]:
    """Swatches and labels under the plot, wrapped into rows (see :func:`legend_rows`)."""
    out = ['<g class="legend">']
    for r, row in enumerate(legend_rows(labels, frame.x1 - frame.x0)):
        y = frame.y0 + 56 + 18 * r
        for i, dx in row:
            x = frame.x0 + dx
            out.append(f'<rect x="{num(x)}" y="{num(y - 9)}" width="10" height="10" '
                       f'fill="{colours[i]}"/>')
            out.append(f'<text x="{num(x + 14)}" y="{num(y)}" fill="{INK}">'
                       f'{esc(short(labels[i], 22))}</text>')
    out.append("</g>")
    return out


def _baseline(frame: Frame) -> str:
    return (f'<line class="baseline" x1="{num(frame.x0)}" x2="{num(frame.x1)}" '
            f'y1="{num(frame.y0)}" y2="{num(frame.y0)}" stroke="{INK}"/>')


def _x_label(frame: Frame, label: str, y: float | None = None) -> str:
    x = num((frame.x0 + frame.x1) / 2)
    at = frame.y0 + 36 if y is None else y
    return (f'<text class="axis-label" x="{x}" y="{num(at)}" '
            f'text-anchor="middle" fill="{INK}">{esc(label)}</text>')
