"""View models for the agent pages: plain dicts built from the services and the engine.

Nothing here decides who may see what (that is :mod:`kettle.api.access`) or
changes anything (that is the services); it shapes data for the templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from kettle.db.base import utcnow

#: Temperature bands of the kettle gauge: (lowest °C, css class, words).
BANDS: tuple[tuple[float, str, str], ...] = (
    (85.0, "boiling", "boiling over"),
    (70.0, "hot", "hot"),
    (50.0, "warm", "warm"),
    (0.0, "calm", "calm"),
)

SIGNAL_LABELS: dict[str, str] = {
    "cancel_threat": "threat to cancel or leave",
    "legal_threat": "legal threat",
    "public_threat": "public review / social media threat",
    "manager_demand": "demand for a manager",
    "repeat_contact": "repeated contact",
    "hang_up": "hang-up",
    "shouting": "shouting (all caps)",
    "repeated_punctuation": "repeated punctuation",
    "profanity": "profanity (masked)",
    "sarcasm": "sarcasm",
    "service_failure": "what went wrong",
    "vulnerability": "vulnerable customer",
}

STAGE_LABELS: dict[str, str] = {
    "new": "New",
    "venting": "Step 1 · letting them vent",
    "acknowledged": "Step 2 · on their side",
    "facts_confirmed": "Step 3 · facts confirmed",
    "plan_agreed": "Step 3 · plan agreed",
    "in_progress": "Step 4 · taking action",
    "resolved": "Step 5 · resolved, follow up",
    "followed_up": "Step 5 · followed up",
    "closed": "Closed",
}


@dataclass(frozen=True)
class Gauge:
    """A temperature ready to draw: value, share of the 30–100 °C scale, band."""

    value: float
    fraction: float
    band: str
    words: str

    @classmethod
    def of(cls, temperature: float | None) -> Gauge | None:
        if temperature is None:
            return None
        value = max(30.0, min(100.0, float(temperature)))
        band, words = next((b, w) for low, b, w in BANDS if value >= low)
        return cls(round(value, 1), (value - 30.0) / 70.0, band, words)


def highlight(text: str, signals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``text`` cut into plain and signal segments; profanity keeps the engine's mask."""
    segments: list[dict[str, Any]] = []
    at = 0
    spans = sorted(
        (s for s in signals if s.get("span")), key=lambda s: (s["span"]["start"], -s["span"]["end"])
    )
    for signal in spans:
        start, end = int(signal["span"]["start"]), int(signal["span"]["end"])
        if start < at or end > len(text) or start >= end:
            continue
        if start > at:
            segments.append({"text": text[at:start]})
        shown = signal["span"].get("text") or text[start:end]
        kind = str(signal["kind"])
        segments.append({"text": shown, "signal": kind, "label": SIGNAL_LABELS.get(kind, kind)})
        at = end
    if at < len(text):
        segments.append({"text": text[at:]})
    return segments


def local_time(value: datetime | None, tz: str) -> str:
    """``value`` as the customer reads it, e.g. ``Mon 2 Mar, 17:00 CET``."""
    if value is None:
        return "no due time"
    local = value.astimezone(ZoneInfo(tz))
    return f"{local:%a} {local.day} {local:%b}, {local:%H:%M} {local.tzname()}"


def relative(value: datetime | None, now: datetime | None = None) -> str:
    """``in 2 h 5 min`` or ``40 min overdue``: how far ``value`` is from ``now``."""
    if value is None:
        return ""
    seconds = (value - (now or utcnow())).total_seconds()
    minutes = int(abs(seconds) // 60)
    hours, mins = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    parts = [f"{days} d"] if days else []
    if hours and len(parts) < 2:
        parts.append(f"{hours} h")
    if not days and (mins or not parts):
        parts.append(f"{mins} min")
    amount = " ".join(parts)
    return f"in {amount}" if seconds >= 0 else f"{amount} overdue"


def message_view(message: Any, tz: str) -> dict[str, Any]:
    """One message of the thread: text segments, gauge, signals, time in the customer's zone."""
    analysis = message.analysis or {}
    signals = analysis.get("signals", []) if analysis.get("kind") == "reading" else []
    return {
        "id": message.id,
        "role": message.role,
        "segments": highlight(message.text, signals),
        "gauge": Gauge.of(message.temperature),
        "signals": sorted({SIGNAL_LABELS.get(s["kind"], s["kind"]) for s in signals}),
        "emotion": analysis.get("dominant_emotion"),
        "mode": analysis.get("mode"),
        "english": analysis.get("english", True),  # D35, D38: else gauge and check mean nothing
        "sent": local_time(message.sent_at, tz),
        "sent_iso": message.sent_at.isoformat(),
    }


def due_key(value: datetime | None) -> float:
    """Sort key: earlier due first, undated last."""
    return value.timestamp() if value is not None else float("inf")
