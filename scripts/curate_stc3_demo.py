"""Pick the STC-3 DCH-1 dialogues shipped for the console demo (src/kettle/samples/stc3_demo.jsonl).

STC-3 DCH-1 (NTCIR-14) is licensed CC BY 4.0: the output keeps the attribution on
every line. Dialogues are chosen for the demo, not for evaluation: short enough
to read, a mix of hot and calm customers, ending on a customer turn so an agent
has something to answer. Phone numbers, e-mails and card numbers are redacted.

    python scripts/curate_stc3_demo.py [--source ../shared/data/eval/conversations/stc3_dch1.jsonl]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kettle import read
from kettle.redaction import redact

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "eval" / "conversations" / "stc3_dch1.jsonl"
TARGET = ROOT / "src" / "kettle" / "samples" / "stc3_demo.jsonl"
LICENCE = ("STC-3 DCH-1 customer-helpdesk dialogues (NTCIR-14 STC-3, Zeng et al.), CC BY 4.0, "
           "https://creativecommons.org/licenses/by/4.0/; redacted and selected for the demo")
HOT, CALM, MAX_CHARS = 24, 8, 420


def candidates(path: Path) -> list[tuple[float, dict[str, object]]]:
    found = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            turns = [t for t in row["turns"]
                     if t["role"] in ("customer", "agent") and t["text"].strip()]
            if not 2 <= len(turns) <= 6 or turns[-1]["role"] != "customer":
                continue
            if any(len(t["text"]) > MAX_CHARS for t in turns):
                continue
            heat = max(read(t["text"]).temperature for t in turns if t["role"] == "customer")
            found.append((heat, {"id": f"stc3-{row['id']}", "licence": LICENCE,
                                 "turns": [{"role": t["role"], "text": redact(t["text"])}
                                           for t in turns]}))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    args = parser.parse_args()
    ranked = sorted(candidates(args.source), key=lambda item: (-item[0], item[1]["id"]))
    chosen = ranked[:HOT] + ranked[len(ranked) // 2: len(ranked) // 2 + CALM]
    with TARGET.open("w", encoding="utf-8") as out:
        for heat, dialogue in chosen:
            out.write(json.dumps({**dialogue, "max_temperature": round(heat, 1)},
                                 ensure_ascii=False) + "\n")
    print(f"wrote {len(chosen)} dialogues to {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
