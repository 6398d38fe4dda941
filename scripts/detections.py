"""What the engine's rules find on the shared sets, to compare two versions of them.

Before a change to the playbook's phrase rules (signals, anti-patterns) or to
the promise rules, dump what the current code finds; after it, dump again and
compare. Every added or removed detection is listed, so that each can be read
by hand (docs/decisions.md, D21):

    .venv/bin/python scripts/detections.py dump before.json   # on the old code
    .venv/bin/python scripts/detections.py dump after.json    # on the new code
    .venv/bin/python scripts/detections.py compare before.json after.json

Signals are read on every customer-like turn (STC-3, CGA-CMV, ESConv
dialogues) and message (SemEval dev, complaints, GoEmotions dev, TWCS);
anti-patterns on every agent, supporter or peer turn and reply (those
dialogues, ESConv dev, AnnoMI), checked alone; promises on the agent turns of
STC-3 and ESConv, with a fixed reference time in UTC.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("KETTLE_DATA_DIR", ROOT.parent / "shared" / "data")) / "eval"
NOW = datetime(2026, 3, 2, 10, 15, tzinfo=UTC)
DIALOGUES = ("stc3_dch1", "cga_cmv", "esconv_dialogues")


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        yield from (json.loads(line) for line in handle if line.strip())


def _turns(names: tuple[str, ...], keep: Any) -> Iterator[tuple[str, str]]:
    for name in names:
        for row in _rows(DATA / "conversations" / f"{name}.jsonl"):
            for turn in row["turns"]:
                if keep(turn["role"]) and turn["text"].strip():
                    yield name, turn["text"]


def _texts(folder: str, names: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    for name in names:
        for row in _rows(DATA / folder / f"{name}.jsonl"):
            yield name, row["text"]


def dump() -> dict[str, list[list[Any]]]:
    from kettle.analysis import check, extract
    from kettle.analysis.signals import detect

    signals = [*_turns(DIALOGUES, lambda role: role != "agent"),
               *_texts("temperature", ("semeval_anger_dev", "complaints", "goemotions_dev",
                                       "twcs_customer"))]
    replies = [*_turns(DIALOGUES, lambda role: role != "customer"),
               *_texts("replies", ("esconv_dev", "annomi"))]
    agents = _turns(("stc3_dch1", "esconv_dialogues"), lambda role: role == "agent")
    return {
        "signals": [[n, t, sorted({s.kind for s in detect(t)})] for n, t in signals],
        "anti_patterns": [[n, t, sorted({f.name for f in check(t).anti_patterns})]
                          for n, t in replies],
        "promises": [[n, t, [[c.action, c.due_phrase, c.due.isoformat() if c.due else None]
                             for c in extract(t, now=NOW, tz="UTC")]] for n, t in agents],
    }


def compare(before: dict[str, list[list[Any]]], after: dict[str, list[list[Any]]]) -> None:
    for section in ("signals", "anti_patterns"):
        changes: Counter[tuple[str, str, str]] = Counter()
        examples: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for (name, text, old), (_, _, new) in zip(before[section], after[section], strict=True):
            for sign, kinds in (("+", set(new) - set(old)), ("-", set(old) - set(new))):
                for kind in kinds:
                    changes[name, kind, sign] += 1
                    examples[name, kind, sign].append(text)
        added = sum(v for k, v in changes.items() if k[2] == "+")
        print(f"{section}: {len(before[section])} texts, {added} added, "
              f"{sum(changes.values()) - added} removed")
        for key, count in sorted(changes.items()):
            print(f"  {key[2]} {key[1]} in {key[0]}: {count}")
            for text in examples[key]:
                print("      " + " ".join(text.split())[:200])
    moved = [(n, t, old, new) for (n, t, old), (_, _, new)
             in zip(before["promises"], after["promises"], strict=True) if old != new]
    print(f"promises: {len(before['promises'])} agent turns, {len(moved)} changed")
    for name, text, old, new in moved:
        print(f"  {name}: " + " ".join(text.split())[:200])
        print(f"      before {old}\n      after  {new}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("dump").add_argument("out", type=Path)
    both = sub.add_parser("compare")
    both.add_argument("before", type=Path)
    both.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        args.out.write_text(json.dumps(dump()), encoding="utf-8")
        return
    compare(*(json.loads(p.read_text(encoding="utf-8")) for p in (args.before, args.after)))


if __name__ == "__main__":
    sys.exit(main())
