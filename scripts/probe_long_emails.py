"""Score the thermometer on the blind probe of 100 long complaint e-mails.

    PYTHONPATH=src .venv/bin/python scripts/probe_long_emails.py [--misses] [--json]

Each row of ``tests/analysis/data/probe_long_emails.jsonl`` was labelled before the
thermometer was run on it: the expected band (the CLI's bands, ``kettle.cli.render``:
calm < 45 °C, warm < 60, hot < 75, very hot < 88, boiling), the leading emotion, the
signals that must fire and those that must not. Prints, out of the rows: fully right
(band, emotion and signals), band right, emotion right, signals right.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PROBE = ROOT / "tests" / "analysis" / "data" / "probe_long_emails.jsonl"
sys.path.insert(0, str(ROOT / "src"))

#: (upper limit °C, band), as ``kettle.cli.render.BANDS``.
BANDS = ((45.0, "calm"), (60.0, "warm"), (75.0, "hot"), (88.0, "very hot"), (101.0, "boiling"))


def band(temperature: float) -> str:
    return next((name for limit, name in BANDS if temperature < limit), "boiling")


def rows(path: Path = PROBE) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def judge(row: dict[str, Any]) -> dict[str, Any]:
    from kettle.analysis import read

    reading = read(row["text"])
    kinds = {s.kind for s in reading.signals}
    missing = sorted(set(row["signals_must"]) - kinds)
    wrong = sorted(set(row["signals_must_not"]) & kinds)
    got_band = band(reading.temperature)
    result = {"id": row["id"], "temperature": round(reading.temperature, 1), "band": got_band,
              "emotion": reading.dominant_emotion, "missing": missing, "wrong": wrong,
              "band_ok": got_band == row["band"],
              "emotion_ok": reading.dominant_emotion == row["emotion"],
              "signals_ok": not missing and not wrong}
    result["full_ok"] = result["band_ok"] and result["emotion_ok"] and result["signals_ok"]
    return result


def score(path: Path = PROBE) -> tuple[dict[str, int], list[tuple[dict[str, Any], dict[str, Any]]]]:
    judged = [(row, judge(row)) for row in rows(path)]
    counts = {"n": len(judged)}
    for key in ("full_ok", "band_ok", "emotion_ok", "signals_ok"):
        counts[key.removesuffix("_ok").replace("full", "fully_right") + ("" if key == "full_ok"
               else "_right")] = sum(r[key] for _, r in judged)
    return counts, judged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every row not fully right")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--data", type=Path, default=PROBE,
                        help="another set in the same format (the held-out one: "
                             "tests/analysis/data/heldout_long_emails.jsonl)")
    args = parser.parse_args()
    counts, judged = score(args.data)
    if args.misses:
        for row, r in judged:
            if not r["full_ok"]:
                print(f"{r['id']} {row['industry']:9} want {row['band']:8}/{row['emotion']:14} "
                      f"got {r['temperature']:5} {r['band']:8}/{r['emotion']:14} "
                      f"missing={r['missing']} wrong={r['wrong']}")
    if args.json:
        print(json.dumps(counts))
    else:
        n = counts["n"]
        print(f"fully right {counts['fully_right']}/{n}  band right {counts['band_right']}/{n}  "
              f"emotion right {counts['emotion_right']}/{n}  "
              f"signals right {counts['signals_right']}/{n}")


if __name__ == "__main__":
    main()
