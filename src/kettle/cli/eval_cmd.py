"""`kettle eval KIND --data FILE`: measure a judgement on a labelled JSONL set."""

from __future__ import annotations

import argparse
import json
from importlib import import_module
from typing import Any

from kettle.evaluation.data import KINDS


def register(subparsers: Any) -> None:
    from kettle.analysis.types import TIERS

    parser = subparsers.add_parser(
        "eval",
        help="evaluate a judgement on a labelled JSONL set",
        description="Evaluate a model-backed judgement on a JSONL set "
        "(schemas: ../shared/data/README.md) and print its metrics.",
    )
    parser.add_argument(
        "kind",
        choices=(*KINDS, "suite"),
        help="which judgement to evaluate; 'suite' runs every dev set",
    )
    parser.add_argument("--data", metavar="FILE.jsonl", help="the labelled set")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--baselines", action="store_true", help="also measure peers (VADER…) in the same run"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N rows")
    parser.add_argument("--tier", choices=TIERS, default=None,
                        help="temperature only: the thermometer's model tier (default fast)")
    suite = parser.add_argument_group("suite")
    suite.add_argument("--data-dir", metavar="DIR", help="data root (default: KETTLE_DATA_DIR)")
    suite.add_argument("--only", metavar="NAME", help="run one dev set of the suite")
    suite.add_argument("--write", metavar="FILE", help="write the figures to FILE (JSON)")
    suite.add_argument("--check", metavar="FILE", help="fail if a figure drops below FILE's")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kettle.errors import InvalidInput
    from kettle.evaluation.data import load_rows

    if args.kind == "suite":
        if args.tier is not None:
            raise InvalidInput("--tier applies to kettle eval temperature only; the suite "
                               "measures both tiers", field="--tier")
        return run_suite(args)
    if not args.data:
        raise InvalidInput(f"kettle eval {args.kind} needs --data FILE.jsonl", field="--data")
    options: dict[str, Any] = {}
    if args.tier is not None:
        if args.kind != "temperature":
            raise InvalidInput("--tier applies to kettle eval temperature only", field="--tier")
        options["tier"] = args.tier
    rows = load_rows(args.data, args.kind)
    if args.limit is not None:
        rows = rows[: max(args.limit, 0)]
    module = import_module(f"kettle.evaluation.{args.kind}")
    result: dict[str, Any] = module.evaluate(rows, baselines=args.baselines, **options)
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        _print_table(args.kind, args.data, result)
    return 0


def _print_table(kind: str, data: str, result: dict[str, Any]) -> None:
    print(f"{kind} on {data}")
    for key, value in result.items():
        if isinstance(value, dict):
            print(f"  {key}:")
            for sub, subvalue in value.items():
                print(f"    {sub}: {_fmt(subvalue)}")
        else:
            print(f"  {key}: {_fmt(value)}")


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_fmt(v)}" for k, v in value.items())
    return str(value)


def run_suite(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from kettle.config import get_settings
    from kettle.evaluation import suite

    data_root = Path(args.data_dir or get_settings().data_dir)
    if not (data_root / "eval").is_dir():
        from kettle.errors import DataFileError

        raise DataFileError(f"no evaluation data under {data_root} (expected {data_root}/eval)")
    measured = suite.run_suite(data_root, Path.cwd(), only=args.only)
    if args.write:
        Path(args.write).write_text(json.dumps(measured, indent=2, sort_keys=True) + "\n")
    if args.json:
        print(json.dumps(measured, sort_keys=True))
    else:
        for name, entry in measured.items():
            _print_table(entry["kind"], name, entry["metrics"])
    if args.check:
        committed = suite.load_committed(Path(args.check))
        if args.only:
            committed = {k: v for k, v in committed.items() if k == args.only}
        problems = suite.regressions(committed, measured)
        for problem in problems:
            print(f"REGRESSION {problem}", file=sys.stderr)
        if problems:
            return 1
        print(f"evaluation check: {len(committed)} sets, no figure below the committed one")
    return 0
