"""Build promises_dev.jsonl and promises_test.jsonl from the hand labels.

    .venv/bin/python datasets/promises/build.py [--data-dir ../shared/data]

Inputs: labels_stc3.txt (hand labels of STC-3 DCH-1 agent turns; the texts are
read from the shared STC-3 file, CC BY 4.0, Zeng et al.) and kettle_written.txt
(sentences written by the Kettle team). Every due time is written by hand in
the label files; this script only joins texts, reference times and labels, and
splits rows 50/50 by a hash of their id (deterministic). It never runs Kettle.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent

#: Reference times (local wall time, zone): weekdays, a weekend, after 5 pm,
#: and the weeks of the 2026 DST changes in Europe and the US.
REFS: dict[str, tuple[str, str]] = {
    "A": ("2026-03-02T10:15:00", "Europe/Berlin"),        # Monday morning
    "B": ("2026-03-06T17:40:00", "America/New_York"),     # Friday after 5 pm; US DST on Mar 8
    "C": ("2026-03-07T11:00:00", "Asia/Shanghai"),        # Saturday
    "D": ("2026-03-27T16:20:00", "Europe/Berlin"),        # Friday; EU DST on Mar 29
    "E": ("2026-03-07T09:05:00", "America/Los_Angeles"),  # Saturday; US DST on Mar 8
    "F": ("2026-06-10T14:30:00", "Asia/Kolkata"),         # Wednesday, half-hour offset
    "G": ("2026-10-23T18:10:00", "Europe/London"),        # Friday evening; BST ends Oct 25
    "H": ("2026-10-30T08:45:00", "America/Chicago"),      # Friday morning; CDT ends Nov 1
    "I": ("2026-01-15T13:00:00", "Australia/Sydney"),     # Thursday, southern summer time
    "J": ("2026-04-05T20:30:00", "Asia/Tokyo"),           # Sunday evening
    "K": ("2026-08-12T07:50:00", "America/Sao_Paulo"),    # Wednesday early
    "L": ("2026-12-31T16:00:00", "Europe/Paris"),         # New Year's Eve
}
REF_ORDER = "ABCDEFGHIJKL"


def sent_at(ref: str) -> tuple[str, str]:
    local, tz = REFS[ref]
    return datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(tz)).isoformat(), tz


def parse_promise(line: str) -> dict[str, object]:
    action, phrase, due = (part.strip() for part in line[2:].split("|"))
    return {
        "action": action,
        "due": due or None,
        "due_phrase": phrase or None,
        "vague": bool(phrase) and not due,
    }


def read_labels(path: Path) -> list[tuple[str, list[dict[str, object]]]]:
    """``(head, promises)`` for each '@ head' block of a label file."""
    blocks: list[tuple[str, list[dict[str, object]]]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("@ "):
            blocks.append((raw[2:].strip(), []))
        elif raw.startswith("- "):
            blocks[-1][1].append(parse_promise(raw))
    return blocks


def stc3_turns(data_dir: Path) -> dict[str, tuple[str, list[dict[str, str]]]]:
    turns: dict[str, tuple[str, list[dict[str, str]]]] = {}
    path = data_dir / "eval" / "conversations" / "stc3_dch1.jsonl"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            conv = json.loads(line)
            for index, turn in enumerate(conv["turns"]):
                before = conv["turns"][index - 1] if index else None
                context = [{"role": before["role"], "text": before["text"]}] if before else []
                turns[f"{conv['id']}:{index}"] = (turn["text"], context)
    return turns


def stc3_rows(data_dir: Path) -> list[dict[str, object]]:
    turns = stc3_turns(data_dir)
    rows = []
    for k, (source_id, promises) in enumerate(read_labels(HERE / "labels_stc3.txt")):
        text, context = turns[source_id]
        when, tz = sent_at(REF_ORDER[k % len(REF_ORDER)])
        rows.append({
            "id": f"stc3-{source_id.replace(':', '-')}", "text": text, "context": context,
            "sent_at": when, "tz": tz, "promises": promises,
            "source": "stc3_dch1", "source_id": source_id,
        })
    return rows


def written_rows() -> list[dict[str, object]]:
    rows = []
    for k, (head, promises) in enumerate(read_labels(HERE / "kettle_written.txt")):
        ref, text = (part.strip() for part in head.split("|", 1))
        when, tz = sent_at(ref)
        rows.append({
            "id": f"kw-{k:03d}", "text": text, "sent_at": when, "tz": tz,
            "promises": promises, "source": "kettle_written", "source_id": f"kw-{k:03d}",
        })
    return rows


def split(row_id: str) -> str:
    return "dev" if hashlib.sha1(row_id.encode()).digest()[0] % 2 == 0 else "test"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=str(HERE.parents[1] / ".." / "shared" / "data"))
    args = parser.parse_args()
    rows = stc3_rows(Path(args.data_dir)) + written_rows()
    out = {"dev": [], "test": []}  # type: dict[str, list[dict[str, object]]]
    for row in rows:
        out[split(str(row["id"]))].append(row)
    for name, part in out.items():
        with (HERE / f"promises_{name}.jsonl").open("w", encoding="utf-8") as handle:
            for row in part:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"promises_{name}.jsonl: {len(part)} rows")


if __name__ == "__main__":
    main()
