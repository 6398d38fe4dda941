"""Instructions per "read one customer message, check one reply", counted by callgrind.

Run: ``.venv/bin/python -m benchmarks.instructions [--pairs 500] [--src DIR ...]``

Timings on a shared machine swing by half from one minute to the next; the
number of instructions the CPU executes does not. For each source tree (each
``--src``, default this checkout's ``src/``) the workload runs twice under
valgrind's callgrind: once with the warm-up only, once with the warm-up and
``--pairs`` read + check pairs (the same STC-3 exchanges as
``benchmarks.engine``, in conversation order, caches emptied first). The
difference divided by the pairs is the cost of one pair, imports and
warm-up excluded. ``PYTHONHASHSEED`` is fixed, so a rerun gives the same
count to within a few parts in a million.

An A/B of two versions: check one out with ``git worktree add /work/ab HEAD~3``
(beside this checkout, so that ``../shared`` resolves) and pass
``--src /work/ab/src --src src``. Needs ``valgrind`` (Debian package); slow:
about a minute and a half per run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WARM_UP = 300


def workload(pairs: int) -> None:
    """Warm up on ``WARM_UP`` exchanges, empty the caches, then read and check ``pairs``."""
    from benchmarks.engine import empty_caches, load_inputs
    from kettle.analysis import check, read

    _, exchanges = load_inputs(WARM_UP + pairs)
    for reply, context in exchanges[:WARM_UP]:
        read(context[-1]["text"], context=context[:-1])
        check(reply, conversation=context, tz="UTC")
    empty_caches()
    for reply, context in exchanges[WARM_UP:WARM_UP + pairs]:
        read(context[-1]["text"], context=context[:-1])
        check(reply, conversation=context, tz="UTC")


def count(src: Path, pairs: int) -> int:
    """Instructions callgrind counts for the workload with ``pairs`` pairs."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": f"{src}{os.pathsep}{REPO}"}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
             sys.executable, "-m", "benchmarks.instructions", "--child", str(pairs)],
            cwd=REPO, env=env, capture_output=True, text=True, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"callgrind failed for {src}: {done.stderr.strip()[-400:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=500)
    parser.add_argument("--src", type=Path, action="append",
                        help="a source tree to measure (repeatable; default: ./src)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        workload(args.child)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    if args.pairs < 1:
        raise SystemExit("--pairs must be at least 1")
    for src in args.src or [REPO / "src"]:
        base, full = count(src.resolve(), 0), count(src.resolve(), args.pairs)
        per_pair = (full - base) / args.pairs
        print(f"{src}: {per_pair / 1e6:.3f} M instructions per read + check "
              f"({args.pairs} pairs; {base:,} for imports and warm-up)")


if __name__ == "__main__":
    main()
