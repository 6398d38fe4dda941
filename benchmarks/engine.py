"""Speed of the engine beside VADER, on the same real messages, in the same run.

Run: ``.venv/bin/python -m benchmarks.engine [--messages 2000] [--json out.json]``

Pinned to one core (sched_setaffinity) with BLAS threads at 1, so the figures
are per core. Reports medians and p99 of single calls (wall clock, and the
process's CPU time, which other jobs on a shared machine do not inflate), batch
throughput, and the cold start of ``kettle read``; every figure comes with
VADER's on the same input and the ratio. Timings are never asserted in tests:
the machines are noisy.

"Read one customer message and check one reply" (issue 2) is timed as the
product does it: a customer message arrives and is read in its conversation,
then the agent's reply to it is checked against that conversation. Each pair is
a distinct real exchange (STC-3), taken in conversation order, and the
thermometer's cache starts empty, so every message is a first read; the check
finds the message it answers already read, as it does in the product (the
cache is keyed by the message text). ``check`` alone times the other extreme:
a reply checked against a conversation none of whose turns was read before.
``read_and_check_unrelated`` is the figure reported before 2026-11-23: a tweet
read, then a cold check of an unrelated conversation (two first reads each).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
             "KETTLE_ONNX_THREADS"):
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
    """Customer tweets (TWCS) and helpdesk replies in context (STC-3).

    Each reply answers a customer message (the last turn of its context).
    """
    rows = _jsonl(DATA / "eval/temperature/twcs_customer.jsonl")
    messages = [r["text"] for r in rows if r["text"].strip()][:n]
    pairs: list[tuple[str, list[dict[str, str]]]] = []
    for conv in _jsonl(DATA / "eval/conversations/stc3_dch1.jsonl"):
        turns = conv["turns"]
        for i, turn in enumerate(turns):
            answers = i > 0 and turns[i - 1]["role"] == "customer" and turns[i - 1]["text"].strip()
            if turn["role"] == "agent" and answers and turn["text"].strip():
                context = [{"role": t["role"], "text": t["text"]} for t in turns[:i]]
                pairs.append((turn["text"], context))
        if len(pairs) >= n:
            break
    return messages, pairs[:n]


Timings = tuple[list[float], list[float]]


def empty_caches() -> None:
    """Forget what the engine remembers, so that what follows times first reads.

    The thermometer keeps its readings by text, the coach which agent turns
    acknowledged the feeling and the content words of texts. A tree from
    before a cache existed lacks its ``clear_cache`` (A/B runs).
    """
    from kettle.analysis import coach_context, thermometer

    for module in (thermometer, coach_context):
        clear = getattr(module, "clear_cache", None)
        if clear is not None:
            clear()


def latencies(fn: Callable[[int], object], n: int) -> Timings:
    """Wall-clock and CPU milliseconds of each call ``fn(0) .. fn(n - 1)``."""
    wall, cpu = [], []
    for i in range(n):
        start, start_cpu = time.perf_counter_ns(), time.process_time_ns()
        fn(i)
        cpu.append((time.process_time_ns() - start_cpu) / 1e6)
        wall.append((time.perf_counter_ns() - start) / 1e6)
    return wall, cpu


def _pct(ordered: Sequence[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def summary(timings: Timings) -> dict[str, float]:
    wall, cpu = sorted(timings[0]), sorted(timings[1])
    return {
        "median_ms": round(statistics.median(wall), 4),
        "p99_ms": round(_pct(wall, 0.99), 4),
        "cpu_median_ms": round(statistics.median(cpu), 4),
        "cpu_p99_ms": round(_pct(cpu, 0.99), 4),
    }


def throughput(fn: Callable[[], object], count: int, repeat: int = 3) -> tuple[float, float]:
    """Messages per second, best of ``repeat`` runs: by wall clock and by CPU time."""
    best = best_cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
        best = min(best, time.perf_counter() - start)
    return round(count / best, 1), round(count / best_cpu, 1)


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

    from kettle.analysis import check, read, read_many

    messages, pairs = load_inputs(n)
    vader = SentimentIntensityAnalyzer()
    for text in messages[:50]:  # warm caches and lazy loads
        read(text)
    for reply, context in pairs[:50]:
        check(reply, conversation=context)

    def cold(fn: Callable[[int], object], n: int) -> Timings:
        empty_caches()
        return latencies(fn, n)

    def read_check(i: int) -> None:
        # The customer's message arrives and is read in its conversation; then
        # the agent's reply to it is checked (the conversation ends with it).
        reply, context = pairs[i]
        read(context[-1]["text"], context=context[:-1])
        check(reply, conversation=context, tz="UTC")

    def unrelated(i: int) -> None:
        read(messages[i])
        reply, context = pairs[i % len(pairs)]
        check(reply, conversation=context, tz="UTC")

    result: dict[str, Any] = {
        "messages": len(messages),
        "replies": len(pairs),
        "read": summary(cold(lambda i: read(messages[i]), len(messages))),
        "check": summary(cold(lambda i: check(pairs[i][0], conversation=pairs[i][1]),
                              len(pairs))),
        "read_and_check": summary(cold(read_check, len(pairs))),
        "read_and_check_unrelated": summary(cold(unrelated, len(messages))),
        "vader": summary(latencies(lambda i: vader.polarity_scores(messages[i]), len(messages))),
        "vader_customer_turns": summary(latencies(
            lambda i: vader.polarity_scores(pairs[i][1][-1]["text"]), len(pairs))),
    }
    result.update(_batch_and_start(messages, read_many, vader))
    result["accurate"] = accurate_tier(messages[:ACCURATE_MESSAGES], vader)
    result["ratios"] = _ratios(result)
    return result


#: Messages the accurate tier is timed on (about 20 times slower than the default tier).
ACCURATE_MESSAGES = 500


def accurate_tier(messages: list[str], vader: Any) -> dict[str, Any]:
    """The accurate tier (fine-tuned MiniLM, int8 ONNX) beside VADER on the same messages."""
    from kettle.analysis import read, read_many, thermometer

    for text in messages[:20]:
        read(text, tier="accurate")
    thermometer.clear_cache()
    single = summary(latencies(lambda i: read(messages[i], tier="accurate"), len(messages)))
    vader_single = summary(latencies(lambda i: vader.polarity_scores(messages[i]),
                                     len(messages)))
    batch, batch_cpu = throughput(lambda: read_many(messages, tier="accurate"), len(messages))
    vader_batch, _ = throughput(lambda: [vader.polarity_scores(t) for t in messages],
                                len(messages))
    return {
        "messages": len(messages),
        "read": single,
        "vader": vader_single,
        "batch_msgs_per_s": batch,
        "batch_msgs_per_cpu_s": batch_cpu,
        "vader_batch_msgs_per_s": vader_batch,
        "read_median_vs_vader": round(single["median_ms"] / vader_single["median_ms"], 1),
        "batch_vs_vader": round(batch / vader_batch, 4),
    }


def _batch_and_start(messages: list[str], read_many: Callable[[list[str]], object],
                     vader: Any) -> dict[str, float]:
    batch, batch_cpu = throughput(lambda: read_many(messages), len(messages))
    vader_batch, vader_batch_cpu = throughput(
        lambda: [vader.polarity_scores(t) for t in messages], len(messages))
    return {
        "batch_msgs_per_s": batch,
        "batch_msgs_per_cpu_s": batch_cpu,
        "vader_batch_msgs_per_s": vader_batch,
        "vader_batch_msgs_per_cpu_s": vader_batch_cpu,
        "cold_start_s": cold_start(),
        "vader_cold_start_s": vader_cold_start(),
    }


def _ratios(result: dict[str, Any]) -> dict[str, float]:
    def ratio(a: float, b: float) -> float:
        return round(a / b, 2)

    return {
        "read_median_vs_vader": ratio(result["read"]["median_ms"], result["vader"]["median_ms"]),
        "read_and_check_median_vs_vader_on_the_same_customer_turns": ratio(
            result["read_and_check"]["median_ms"],
            result["vader_customer_turns"]["median_ms"]),
        "read_and_check_unrelated_median_vs_vader": ratio(
            result["read_and_check_unrelated"]["median_ms"], result["vader"]["median_ms"]),
        "batch_vs_vader": ratio(result["batch_msgs_per_s"], result["vader_batch_msgs_per_s"]),
    }


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
