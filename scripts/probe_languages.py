"""Score the language test (``looks_english``) on a probe of short messages.

    PYTHONPATH=src .venv/bin/python scripts/probe_languages.py [--data FILE] [--list]

Each item (tests/analysis/data/heldout_languages.jsonl) is a message with whether it
is English. Printed: of the non-English items, how many are caught; of the English
ones, how many are wrongly flagged. ``--list`` names every item that misses.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from probe_email_replies import load

ROOT = Path(__file__).resolve().parents[1]
PROBE = ROOT / "tests" / "analysis" / "data" / "heldout_languages.jsonl"


def score(rows: list[dict[str, Any]], listing: bool = False) -> dict[str, Any]:
    """Non-English items caught and English items flagged, of the items."""
    from kettle.analysis.language import looks_english

    caught = flagged = 0
    for row in rows:
        english = looks_english(row["text"])
        caught += not english and not row["english"]
        flagged += not english and row["english"]
        if listing and english != row["english"]:
            print(f"miss {row['id']} ({row['note']}): {row['text']}")
    others = sum(not row["english"] for row in rows)
    return {"items": len(rows), "other_caught": f"{caught}/{others}",
            "english_flagged": f"{flagged}/{len(rows) - others}"}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=PROBE)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    print(json.dumps(score(load(args.data), args.list)))
