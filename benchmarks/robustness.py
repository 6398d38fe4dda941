"""How each engine call grows with the length of an input built to be slow.

Run: ``.venv/bin/python -m benchmarks.robustness [--short 2000] [--long 19000] [--json out]``

For each input (a long run of blanks, of punctuation, of stuttered promise heads,
of hesitations...) every public call (``read``, ``check``, ``extract``, ``suggest``,
``track``) is timed on the input cut to ``--short`` and to ``--long`` characters,
in process CPU time (other jobs on a shared machine do not inflate it). A call
linear in its input grows by about long/short (9.5 by default); one that grows by
that ratio squared is quadratic. VADER's ``polarity_scores`` on the same two texts
is the peer measured in the same run. Each call's warm-up (loading models, compiling
the playbook) is done before any timing. Timings are never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from kettle.analysis import check, extract, read, suggest, track

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
ASKED = [{"role": "customer", "text": "Where is my order? This is the third time I've asked."}]

#: Units repeated to the length wanted; each once took seconds in some call (D30).
INPUTS: dict[str, str] = {
    "blanks after a promise": "I'll call you   ",
    "tabs and promises": "I will\t",
    "hesitations": "um ",
    "stuttered heads": "I'll ",
    "exclamation marks": "!",
    "full stops": ".",
    "dashes": "- ",
    "commas": ", ",
    "apostrophes": "'",
    "emoji": "\U0001F621",
    "feeling hashtags": "#angry ",
    "no no no": "no ",
    "shouting": "USELESS ",
    "a mixed rant": "I'll call you back by 5pm tomorrow!!! THIRD TIME calling, useless. ",
    # A letter's paragraphs, turns and things still not done (thermo_letter_grievance).
    "paragraphs": "Hi.\n\n",
    "letter turns": "Thank you.\n\nHowever, though. ",
    "things not done": "still not has not been it has now been six weeks, I need the right size ",
}


def _calls(text: str) -> dict[str, Callable[[], Any]]:
    turn = [{"role": "customer", "text": text}]
    return {
        "read": lambda: read(text),
        "check": lambda: check(text, conversation=ASKED, now=NOW),
        "extract": lambda: extract(text, now=NOW),
        "suggest": lambda: suggest(turn, now=NOW),
        "track": lambda: track(turn),
    }


def _cpu(call: Callable[[], Any]) -> float:
    start = time.process_time()
    call()
    return time.process_time() - start


def measure(short: int, long: int) -> list[dict[str, Any]]:
    vader = SentimentIntensityAnalyzer()
    for call in _calls("Warm up: I'll call you back by 5pm.").values():
        call()
    rows = []
    for name, unit in INPUTS.items():
        texts = {size: (unit * (size // len(unit) + 1))[:size] for size in (short, long)}
        row: dict[str, Any] = {"input": name}
        for call_name in _calls(""):
            times = {size: _cpu(_calls(text)[call_name]) for size, text in texts.items()}
            row[call_name] = {"short_s": times[short], "long_s": times[long],
                              "growth": times[long] / max(times[short], 1e-4)}
        row["vader_long_s"] = _cpu(lambda t=texts[long]: vader.polarity_scores(t))
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", type=int, default=2000)
    parser.add_argument("--long", type=int, default=19_000)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    rows = measure(args.short, args.long)
    names = list(_calls(""))
    print(f"CPU seconds at {args.long:,} characters (growth from {args.short:,}; "
          f"linear is about {args.long / args.short:.1f})")
    print(f"{'input':<24}" + "".join(f"{n:>17}" for n in names) + f"{'VADER':>9}")
    for row in rows:
        cells = "".join(f"{row[n]['long_s']:>9.3f} ({row[n]['growth']:>4.0f}x)" for n in names)
        print(f"{row['input']:<24}{cells}{row['vader_long_s']:>9.3f}")
    worst = max(rows, key=lambda r: max(r[n]["long_s"] for n in names))
    slowest = max(names, key=lambda n: worst[n]["long_s"])
    print(f"slowest: {slowest} on {worst['input']!r}: {worst[slowest]['long_s']:.3f} s")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"short": args.short, "long": args.long, "rows": rows}, handle, indent=2)


if __name__ == "__main__":
    main()
