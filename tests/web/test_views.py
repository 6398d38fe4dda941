"""View helpers: gauge bands, signal highlighting, times in the customer's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kettle.web.views import Gauge, highlight, local_time, relative


@pytest.mark.parametrize(("temperature", "band"), [
    (20.0, "calm"), (49.9, "calm"), (50.0, "warm"), (70.0, "hot"), (84.9, "hot"),
    (85.0, "boiling"), (120.0, "boiling"),
])
def test_gauge_bands_and_clamping(temperature: float, band: str) -> None:
    gauge = Gauge.of(temperature)
    assert gauge is not None
    assert gauge.band == band
    assert 30.0 <= gauge.value <= 100.0
    assert 0.0 <= gauge.fraction <= 1.0


def test_gauge_of_nothing_is_none() -> None:
    assert Gauge.of(None) is None


def test_highlight_marks_signals_and_keeps_the_mask() -> None:
    from kettle import read

    text = "Shit! This is the THIRD time I'm calling, I will cancel my account."
    segments = highlight(text, read(text).to_dict()["signals"])
    joined = "".join(s["text"] for s in segments)
    assert "Shit" not in joined and "S***" in joined
    kinds = {s.get("signal") for s in segments}
    assert {"profanity", "cancel_threat"} <= kinds
    assert joined.endswith("account.")


def test_highlight_skips_overlaps_and_bad_spans() -> None:
    signals = [{"kind": "a", "span": {"start": 0, "end": 5, "text": "hello"}},
               {"kind": "b", "span": {"start": 2, "end": 8, "text": "llo wo"}},
               {"kind": "c", "span": {"start": 50, "end": 60, "text": "x"}}]
    segments = highlight("hello world", signals)
    assert [s.get("signal") for s in segments] == ["a", None]
    assert "".join(s["text"] for s in segments) == "hello world"


def test_local_time_is_in_the_customers_zone() -> None:
    due = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
    assert local_time(due, "Europe/Berlin") == "Mon 2 Mar, 17:00 CET"
    assert local_time(due, "America/Chicago") == "Mon 2 Mar, 10:00 CST"
    assert local_time(None, "UTC") == "no due time"


def test_relative_times() -> None:
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    assert relative(now + timedelta(hours=2, minutes=5), now) == "in 2 h 5 min"
    assert relative(now - timedelta(minutes=40), now) == "40 min overdue"
    assert relative(now + timedelta(days=3, hours=1), now) == "in 3 d 1 h"
