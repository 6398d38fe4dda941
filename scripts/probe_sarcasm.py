"""Score the reply coach's sarcasm rules on a blind set of short agent replies.

    PYTHONPATH=src .venv/bin/python scripts/probe_sarcasm.py [--data FILE] [--list]

Each item (tests/analysis/data/heldout_sarcasm_replies.jsonl, heldout2_…) is an agent's
reply with whether it is sarcastic. Printed: of the sarcastic items, how many the coach
flags as ``sarcasm``; of the sincere ones, how many it flags with any anti-pattern.
``--list`` names every item that misses.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from probe_email_replies import load

ROOT = Path(__file__).resolve().parents[1]
PROBE = ROOT / "tests" / "analysis" / "data" / "heldout_sarcasm_replies.jsonl"


def score(rows: list[dict[str, Any]], listing: bool = False) -> dict[str, Any]:
    """Sarcastic items caught and sincere items flagged, of the items."""
    from kettle.analysis import check

    caught = flagged = 0
    for row in rows:
        names = {f.name for f in check(row["text"]).anti_patterns}
        hit = "sarcasm" in names if row["sarcastic"] else bool(names)
        caught += hit and row["sarcastic"]
        flagged += hit and not row["sarcastic"]
        if listing and hit != row["sarcastic"]:
            print(f"miss {row['id']} ({sorted(names)}): {row['text']}")
    sarcastic = sum(row["sarcastic"] for row in rows)
    return {"items": len(rows), "sarcasm_caught": f"{caught}/{sarcastic}",
            "sincere_flagged": f"{flagged}/{len(rows) - sarcastic}"}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=PROBE)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    print(json.dumps(score(load(args.data), args.list)))
