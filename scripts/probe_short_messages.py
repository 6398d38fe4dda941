"""Score the thermometer on a probe of short customer messages.

    PYTHONPATH=src .venv/bin/python scripts/probe_short_messages.py [--data FILE] [--list]

Each item (tests/analysis/data/heldout_short_messages.jsonl) is a message with the
band a support lead reads it in: ``hot`` (60 °C or more), ``warm`` (45 to 75 °C) or
``calm`` (under 45 °C), and the emotion expected on top. Printed: band right and
emotion right, of the items. Items that name ``signals`` (expected signal kinds) are
also scored on them: expected and found, expected, and found but not expected.
``--list`` names every item that misses.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = ROOT / "tests" / "analysis" / "data" / "heldout_short_messages.jsonl"
BANDS = {"hot": (60.0, 101.0), "warm": (45.0, 75.0), "calm": (0.0, 45.0)}


def main() -> None:
    from kettle.analysis import read

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=PROBE)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines()
            if line]
    bands = emotions = found = wanted = unexpected = 0
    for row in rows:
        reading = read(row["text"])
        kinds = {signal.kind for signal in reading.signals}
        expected = set(row.get("signals", []))
        wanted += len(expected)
        found += len(expected & kinds)
        unexpected += len(kinds - expected) if "signals" in row else 0
        if args.list and "signals" in row and kinds != expected:
            print(f"signals {row['id']}: missing {sorted(expected - kinds)} "
                  f"unexpected {sorted(kinds - expected)}: {row['text']}")
        low, high = BANDS[row["band"]]
        band_ok = low <= reading.temperature < high
        top = max(reading.emotions, key=reading.emotions.__getitem__)
        bands += band_ok
        emotions += top == row["emotion"]
        if args.list and not (band_ok and top == row["emotion"]):
            print(f"miss {row['id']}: {reading.temperature:.1f} °C {top} "
                  f"(want {row['band']}, {row['emotion']}): {row['text']}")
    print(json.dumps({"items": len(rows), "band_right": bands, "emotion_right": emotions,
                      "signals_expected": wanted, "signals_found": found,
                      "signals_unexpected": unexpected}))


if __name__ == "__main__":
    main()
