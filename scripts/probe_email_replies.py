"""Score the reply coach on the blind probe of agents' e-mail replies.

    PYTHONPATH=src .venv/bin/python scripts/probe_email_replies.py [--list]

The probe (tests/analysis/data/probe_email_replies.jsonl, written before the
coach was run on it) holds 40 good e-mail replies and 40 flawed ones, each
answering a short customer e-mail, with the verdict expected, the anti-patterns
that must be found (any one of them) or the techniques the coach must call
missing, and the promises with their due times for the item's ``now`` and zone.

Printed: verdict right (of 80), flawed caught with the right anti-pattern (of
40), good flagged with any anti-pattern or a verdict other than send (of 40,
lower is better), promises found and due times exact (of the expected ones).
A set may also hold replies in another language (group ``other_language``,
verdict ``not_checked``): the coach reads English only, so it must mark them
not English and judge nothing (no anti-pattern, nothing missing); those are
counted as "other language marked". ``--list`` names every item that misses.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PROBE = ROOT / "tests" / "analysis" / "data" / "probe_email_replies.jsonl"


def load(path: Path = PROBE) -> list[dict[str, Any]]:
    """The probe's items."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def review(row: dict[str, Any]) -> Any:
    """The coach's review of one probe item's reply."""
    from kettle.analysis import check

    conversation = [{"role": "customer", "text": row["customer"]}]
    return check(row["reply"], conversation=conversation,
                 now=datetime.fromisoformat(row["now"]), tz=row["tz"])


def _promise_hits(row: dict[str, Any], result: Any) -> tuple[int, int]:
    """(found, due exact) for the item's expected promises."""
    found = exact = 0
    for expected in row["promises"]:
        at = row["reply"].find(expected["phrase"])
        end = at + len(expected["phrase"])
        match = next((c for c in result.commitments
                      if c.span.start < end and at < c.span.end), None)
        if match is None:
            continue
        found += 1
        due = match.due.isoformat() if match.due is not None else None
        want = expected["due"]
        if due == want or (due is not None and want is not None
                           and datetime.fromisoformat(due) == datetime.fromisoformat(want)):
            exact += 1
    return found, exact


def measure(path: Path = PROBE, *, listing: bool = False) -> dict[str, int]:
    """The probe's figures; with ``listing``, each miss is printed."""
    figures = {"items": 0, "verdict_right": 0, "flawed": 0, "flawed_caught": 0, "good": 0,
               "good_flagged": 0, "promises": 0, "promises_found": 0, "due_exact": 0,
               "other": 0, "other_marked": 0}
    for row in load(path):
        result = review(row)
        names = {f.name for f in result.anti_patterns}
        figures["items"] += 1
        figures["verdict_right"] += result.verdict == row["verdict"]
        misses: list[str] = []
        if result.verdict != row["verdict"]:
            misses.append(f"verdict {result.verdict} (want {row['verdict']}: {result.reason})")
        if row["group"] == "flawed":
            figures["flawed"] += 1
            caught = bool(names & set(row["anti_patterns"])) or bool(
                set(result.missing) & set(row["missing"]))
            figures["flawed_caught"] += caught
            if not caught:
                misses.append(f"not caught: want {row['anti_patterns'] or row['missing']}, "
                              f"got {sorted(names)} missing {list(result.missing)}")
        elif row["group"] == "other_language":
            figures["other"] += 1
            marked = getattr(result, "english", True) is False and not names and not result.missing
            figures["other_marked"] += marked
            if not marked:
                misses.append(f"judged as English: {sorted(names)} missing {list(result.missing)}")
        else:
            figures["good"] += 1
            flagged = bool(names) or result.verdict != "send"
            figures["good_flagged"] += flagged
            if names:
                misses.append("false alarm: " + "; ".join(
                    f"{f.name} {f.span.text!r}" for f in result.anti_patterns))
        found, exact = _promise_hits(row, result)
        figures["promises"] += len(row["promises"])
        figures["promises_found"] += found
        figures["due_exact"] += exact
        if exact < len(row["promises"]):
            got = [(c.span.text, c.due.isoformat() if c.due else None) for c in result.commitments]
            misses.append(f"promises: want {[(p['phrase'], p['due']) for p in row['promises']]}"
                          f", got {got}")
        if listing and misses:
            print(f"{row['id']}: " + " | ".join(misses))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="name every item that misses")
    parser.add_argument("--data", type=Path, default=PROBE,
                        help="another set in the same format (the held-out one: "
                             "tests/analysis/data/heldout_email_replies.jsonl)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    f = measure(args.data, listing=args.list)
    print(f"verdict right        {f['verdict_right']} of {f['items']}")
    print(f"flawed caught        {f['flawed_caught']} of {f['flawed']}")
    print(f"good flagged         {f['good_flagged']} of {f['good']} (lower is better)")
    if f["other"]:
        print(f"other language marked {f['other_marked']} of {f['other']}")
    print(f"promises found       {f['promises_found']} of {f['promises']}")
    print(f"due times exact      {f['due_exact']} of {f['promises']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
