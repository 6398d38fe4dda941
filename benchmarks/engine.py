"""Speed of the engine beside VADER, on the same real messages, in the same run.

Run: ``.venv/bin/python -m benchmarks.engine [--messages 2000] [--json out.json]``

Pinned to one core (sched_setaffinity) with BLAS threads at 1, so the figures
are per core. Reports medians and p99 of single calls, batch throughput, and the
cold start of ``kettle read``; every figure comes with VADER's on the same input
and the ratio. Timings are never asserted in tests: the machines are noisy.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("KETTLE_DATA_DIR", REPO.parent / "shared" / "data"))


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_inputs(n: int) -> tuple[list[str], list[tuple[str, list[dict[str, str]]]]]:
    """Customer tweets (TWCS) and helpdesk replies in context (STC-3)."""
    rows = _jsonl(DATA / "eval/temperature/twcs_customer.jsonl")
    messages = [r["text"] for r in rows if r["text"].strip()][:n]
    pairs: list[tuple[str, list[dict[str, str]]]] = []
    for conv in _jsonl(DATA / "eval/conversations/stc3_dch1.jsonl"):
        turns = conv["turns"]
        for i, turn in enumerate(turns):
            if turn["role"] == "agent" and i > 0 and turn["text"].strip():
                context = [{"role": t["role"], "text": t["text"]} for t in turns[:i]]
                pairs.append((turn["text"], context))
        if len(pairs) >= n:
            break
    return messages, pairs[:n]


def latencies(fn: Callable[[int], object], n: int) -> list[float]:
    out = []
    for i in range(n):
        start = time.perf_counter_ns()
        fn(i)
        out.append((time.perf_counter_ns() - start) / 1e6)
    return out


def summary(ms: Sequence[float]) -> dict[str, float]:
    ordered = sorted(ms)
    return {
        "median_ms": round(statistics.median(ordered), 4),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 4),
    }


def throughput(fn: Callable[[], object], count: int, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return round(count / best, 1)


def cold_start(repeat: int = 5) -> float:
    kettle = str(Path(sys.executable).with_name("kettle"))
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([kettle, "read", "This is the THIRD time I'm calling!!!"],
                       check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    return round(statistics.median(runs), 3)


def vader_cold_start(repeat: int = 5) -> float:
    code = ("from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as S;"
            "print(S().polarity_scores(\"This is the THIRD time I'm calling!!!\"))")
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    return round(statistics.median(runs), 3)


def run(n: int) -> dict[str, Any]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from kettle.analysis import check, read, read_many, thermometer

    messages, pairs = load_inputs(n)
    vader = SentimentIntensityAnalyzer()
    for text in messages[:50]:  # warm caches and lazy loads
        read(text)
    for reply, context in pairs[:50]:
        check(reply, conversation=context)

    def cold(fn: Callable[[int], object], n: int) -> list[float]:
        # The thermometer remembers the messages it has read; forget them so
        # that each figure times first reads, as it did before that cache.
        clear = getattr(thermometer, "clear_cache", None)
        if clear is not None:
            clear()
        return latencies(fn, n)

    def read_check(i: int) -> None:
        read(messages[i])
        reply, context = pairs[i % len(pairs)]
        check(reply, conversation=context, tz="UTC")

    result: dict[str, Any] = {
        "messages": len(messages),
        "replies": len(pairs),
        "read": summary(cold(lambda i: read(messages[i]), len(messages))),
        "check": summary(cold(lambda i: check(pairs[i][0], conversation=pairs[i][1]),
                              len(pairs))),
        "read_and_check": summary(cold(read_check, len(messages))),
        "vader": summary(latencies(lambda i: vader.polarity_scores(messages[i]), len(messages))),
        "batch_msgs_per_s": throughput(lambda: read_many(messages), len(messages)),
        "vader_batch_msgs_per_s": throughput(
            lambda: [vader.polarity_scores(t) for t in messages], len(messages)),
        "cold_start_s": cold_start(),
        "vader_cold_start_s": vader_cold_start(),
    }
    result["ratios"] = {
        "read_median_vs_vader": round(
            result["read"]["median_ms"] / result["vader"]["median_ms"], 2),
        "read_and_check_median_vs_vader": round(
            result["read_and_check"]["median_ms"] / result["vader"]["median_ms"], 2),
        "batch_vs_vader": round(result["batch_msgs_per_s"] / result["vader_batch_msgs_per_s"], 2),
    }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    result = run(args.messages)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
