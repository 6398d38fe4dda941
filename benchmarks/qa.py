"""Batch QA over a large archive: the local engine and Ray, messages/s and peak memory.

Run: ``.venv/bin/python -m benchmarks.qa [--messages 1000000] [--configs local:1,ray:1,ray:2]
[--json out.json]``

Builds an archive of ``--messages`` messages by repeating the real shared
conversations (STC-3 customer-helpdesk dialogues; each repeat gets new ids),
written line by line to a temporary JSONL file — never held in memory. Each
configuration then runs ``kettle.batch.pipeline.run`` plus the QA report
accumulator in a fresh child process, which reports its wall time and its own
peak RSS (``resource.getrusage``: ``peak_rss_mib`` is the driver;
``worker_peak_rss_mib`` the largest process the driver started and waited for
— the local engine's worker processes, or Ray's GCS/raylet daemons; Ray's task
workers are started by the raylet and are not included). The thermometer's
cache holds 4,096 texts; a repeat of the data is ~6,900 messages, so repeats
do not hit the cache.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("KETTLE_DATA_DIR", REPO.parent / "shared" / "data"))
SOURCE = DATA / "eval/conversations/stc3_dch1.jsonl"


def build_archive(path: Path, messages: int) -> tuple[int, int]:
    """Write conversations until ``messages`` messages; returns (conversations, messages)."""
    convs = written = repeat = 0
    with path.open("w", encoding="utf-8") as out:
        while written < messages:
            with SOURCE.open(encoding="utf-8") as src:
                for line in src:
                    row = json.loads(line)
                    turns = [{"role": t["role"], "text": t["text"]} for t in row["turns"]]
                    out.write(json.dumps({"id": f"{row['id']}-{repeat}", "turns": turns,
                                          "agent": f"agent{convs % 7}"}) + "\n")
                    convs += 1
                    written += len(turns)
                    if written >= messages:
                        break
            repeat += 1
    return convs, written


def child(archive: str, engine: str, workers: int) -> dict[str, Any]:
    from kettle.batch.pipeline import run
    from kettle.qa.report import ReportBuilder

    builder = ReportBuilder()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        summary = run(archive, Path(tmp) / "scores.jsonl", engine=engine, workers=workers,
                      on_rows=builder.add)
    seconds = time.perf_counter() - started
    if engine == "ray":
        import ray

        ray.shutdown()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"engine": engine, "workers": workers, "conversations": summary.conversations,
            "messages": summary.messages, "seconds": round(seconds, 2),
            "messages_per_s": round(summary.messages / seconds, 1),
            "peak_rss_mib": round(own / 1024, 1), "worker_peak_rss_mib": round(kids / 1024, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--configs", default="local:1,ray:1,ray:2")
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--child", nargs=3, metavar=("ARCHIVE", "ENGINE", "WORKERS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1], int(args.child[2]))))
        return 0
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive.jsonl"
        convs, msgs = build_archive(archive, args.messages)
        size = archive.stat().st_size / 2**20
        print(f"archive: {convs:,} conversations, {msgs:,} messages, {size:.1f} MiB")
        for config in args.configs.split(","):
            engine, workers = config.split(":")
            out = subprocess.run([sys.executable, "-m", "benchmarks.qa", "--child", str(archive),
                                  engine, workers], cwd=REPO, capture_output=True, text=True,
                                 check=True)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            results.append(result)
            print(json.dumps(result))
    if args.json:
        Path(args.json).write_text(json.dumps({"archive_messages": msgs,
                                               "archive_conversations": convs,
                                               "cpus": os.cpu_count(), "runs": results},
                                              indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
