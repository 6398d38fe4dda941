"""Score ``suggest()`` on the blind suggestions probe (tests/analysis/data/probe_suggestions.jsonl).

    PYTHONPATH=src .venv/bin/python scripts/probe_suggestions.py [--show]

Each of the 60 conversations is labelled with what a good suggestion set must and must
not hold: ``must_kinds`` / ``must_not_kinds``, ``must`` and ``must_not`` (``[kind, regex]``
pairs; kind ``any`` looks at every suggestion), and ``feeling`` (a regex the reflection's
feeling guess must match). A case is fully right when every criterion holds and every
suggestion passes the reply coach with no anti-pattern. The clock is Monday 2026-12-07
10:00 UTC, as when the probe was written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

PROBE = Path(__file__).resolve().parents[1] / "tests/analysis/data/probe_suggestions.jsonl"
NOW = datetime(2026, 12, 7, 10, tzinfo=UTC)
CRITERIA = ("kinds", "must", "must_not", "feeling", "check")


def _texts(got: list[tuple[str, str]], kind: str) -> list[str]:
    return [t for k, t in got if kind in ("any", k)]


def judge(row: dict[str, Any], got: list[tuple[str, str]], failed_check: int) -> dict[str, bool]:
    """Which criteria one case meets, given its suggestions ``(kind, text)``."""
    kinds = {k for k, _ in got}
    must = all(any(re.search(rx, t) for t in _texts(got, kind)) for kind, rx in row["must"])
    must_not = not any(re.search(rx, t) for kind, rx in row["must_not"] for t in _texts(got, kind))
    feel = row.get("feeling")
    reflections = _texts(got, "reflection")
    feeling = feel is None or any(re.search(feel, t) for t in reflections)
    return {
        "kinds": set(row["must_kinds"]) <= kinds and not kinds & set(row["must_not_kinds"]),
        "must": must, "must_not": must_not, "feeling": feeling, "check": failed_check == 0,
    }


def run(path: Path = PROBE, show: bool = False) -> dict[str, Any]:
    from kettle.analysis.coach import check
    from kettle.analysis.suggestions import suggest

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    counts = dict.fromkeys(CRITERIA, 0)
    right = bad_suggestions = total = 0
    for row in rows:
        found = suggest(row["turns"], now=NOW, tz="UTC")
        got = [(s.kind, s.text) for s in found]
        failed = [s for s in found
                  if check(s.text, conversation=row["turns"], now=NOW, tz="UTC").anti_patterns]
        total += len(got)
        bad_suggestions += len(failed)
        verdict = judge(row, got, len(failed))
        for name, ok in verdict.items():
            counts[name] += ok
        right += all(verdict.values())
        if show and not all(verdict.values()):
            wrong = [n for n, ok in verdict.items() if not ok]
            print(f"--- {row['id']} {row['category']} wrong: {wrong}")
            print("    customer:", row["turns"][-1]["text"])
            for kind, text in got:
                print(f"    {kind:10} {text}")
    return {"n": len(rows), "fully_right": right, **counts,
            "suggestions": total, "suggestions_failing_check": bad_suggestions}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print the cases not fully right")
    parser.add_argument("--data", type=Path, default=PROBE,
                        help="another set in the same format (the held-out one: "
                             "tests/analysis/data/heldout_suggestions.jsonl)")
    args = parser.parse_args()
    print(json.dumps(run(args.data, show=args.show), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
