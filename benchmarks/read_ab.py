"""A/B of the default tier against VADER, one tree at a time: batch read, read + check.

Run it alternately from two source trees (the code before a change and after
it), each in its own process, so that the machine's drift hits both alike:

    PYTHONPATH=../before/src .venv/bin/python -m benchmarks.read_ab --label before
    .venv/bin/python -m benchmarks.read_ab --label after

Each run is pinned to one core and prints one JSON line: ``read_many`` and
VADER (stock) messages per CPU second on the same TWCS tweets, their ratio, and
``signals.detect`` per message, each the best of three passes; then the median
CPU time of reading a customer message and checking the reply to it (2,000
STC-3 exchanges, as in ``benchmarks.engine``, caches emptied before each
pass), the lowest of three passes, beside VADER's median on the same customer
messages. Timings are never asserted in tests; the machines are noisy.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

from benchmarks.engine import empty_caches, load_inputs  # noqa: E402


def best_rate(fn: Callable[[], object], count: int, passes: int = 3) -> float:
    """The highest ``count`` per CPU second over ``passes`` calls of ``fn``."""
    best = 0.0
    for _ in range(passes):
        start = time.process_time()
        fn()
        best = max(best, count / max(time.process_time() - start, 1e-9))
    return best


def median_ms(fn: Callable[[int], object], count: int, passes: int = 3,
              reset: Callable[[], None] = lambda: None) -> float:
    """The lowest over ``passes`` of the median CPU milliseconds of ``fn(0 .. count - 1)``.

    ``reset`` runs before each pass, untimed.
    """
    best = float("inf")
    for _ in range(passes):
        reset()
        times = []
        for i in range(count):
            start = time.process_time_ns()
            fn(i)
            times.append((time.process_time_ns() - start) / 1e6)
        best = min(best, statistics.median(times))
    return best


def read_and_check(pairs: list[tuple[str, list[dict[str, str]]]], vader: Any) -> dict[str, float]:
    """Read a customer message, then check the reply to it (as ``benchmarks.engine``)."""
    from kettle.analysis import check, read

    def one(i: int) -> None:
        reply, context = pairs[i]
        read(context[-1]["text"], context=context[:-1])
        check(reply, conversation=context, tz="UTC")

    ours = median_ms(one, len(pairs), reset=empty_caches)
    peer = median_ms(lambda i: vader.polarity_scores(pairs[i][1][-1]["text"]), len(pairs))
    return {"read_check_ms": round(ours, 4), "vader_turn_ms": round(peer, 4),
            "read_check_vs_vader": round(ours / peer, 2)}


def run(n: int) -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from kettle.analysis import read_many, signals, thermometer

    texts, pairs = load_inputs(n)
    read_many(texts[:100])
    vader = SentimentIntensityAnalyzer()

    def batch() -> None:
        thermometer.clear_cache()
        read_many(texts)

    read = best_rate(batch, len(texts))
    peer = best_rate(lambda: [vader.polarity_scores(t) for t in texts], len(texts))
    detect = best_rate(lambda: [signals.detect(t) for t in texts], len(texts))
    return {"messages": len(texts), "read_many_per_s": round(read),
            "vader_per_s": round(peer), "ratio": round(read / peer, 3),
            "detect_us": round(1e6 / detect, 1),
            **read_and_check(pairs[:PAIRS], vader)}


#: STC-3 exchanges timed for read + check.
PAIRS = 2000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print(json.dumps({"label": args.label, **run(args.messages)}))


if __name__ == "__main__":
    main()
