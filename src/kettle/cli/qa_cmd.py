"""`kettle qa INPUT --out DIR`: score every conversation of an archive and write a report.

Streams INPUT (any importer's format) through the batch pipeline on the local
engine or on Ray, writes one row per conversation (JSONL, CSV or Parquet) to
DIR/scores.<ext>, the roll-up to DIR/summary.json and the HTML report with
plots to DIR/report.html. A progress bar counts conversations as they finish.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    from kettle.batch import ENGINES, OUTPUT_FORMATS
    from kettle.integrations.importers import FORMATS

    parser = subparsers.add_parser(
        "qa", help="score every conversation of an archive; write scores and an HTML report",
        description="Score every conversation in INPUT against the method and write "
        "per-conversation scores, summary.json and report.html to DIR.",
    )
    parser.add_argument("input", metavar="INPUT", help="an export file (see docs/importers.md)")
    parser.add_argument("--out", metavar="DIR", required=True, help="output folder")
    parser.add_argument("--format", choices=sorted(FORMATS), help="input format (default: detect)")
    parser.add_argument("--output-format", choices=OUTPUT_FORMATS, default="jsonl",
                        help="format of the per-conversation scores (default: jsonl)")
    parser.add_argument("--engine", choices=ENGINES, default="local",
                        help="local processes or a Ray cluster (default: local)")
    parser.add_argument("--address", metavar="ADDR", help="Ray cluster address (--engine ray)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes / Ray tasks")
    parser.add_argument("--batch-size", type=int, default=256, help="conversations per batch")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kettle.batch.pipeline import run as run_pipeline
    from kettle.errors import InvalidInput
    from kettle.qa.html import render
    from kettle.qa.report import ReportBuilder

    if args.batch_size < 1:
        raise InvalidInput("--batch-size must be at least 1", field="--batch-size")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    builder = ReportBuilder()
    scores = out / f"scores.{args.output_format}"
    with _progress(not args.no_progress) as advance:
        def on_rows(rows: list[dict[str, Any]]) -> None:
            builder.add(rows)
            advance(len(rows))

        summary = run_pipeline(
            args.input, scores, format=args.format, output_format=args.output_format,
            engine=args.engine, workers=args.workers, address=args.address,
            batch_size=args.batch_size, on_rows=on_rows,
        )
    causes = builder.root_causes()
    report = builder.summary(causes)
    (out / "summary.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (out / "report.html").write_text(render(report, builder.curves, f"QA report: {args.input}"),
                                     encoding="utf-8")
    print(f"{summary.conversations:,} conversations ({summary.messages:,} messages, "
          f"{summary.errors:,} not scored) -> {scores}, {out / 'report.html'}")
    return 0


class _progress:
    """A rich progress bar counting conversations (a no-op when disabled)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._bar: Any = None

    def __enter__(self) -> Any:
        if not self.enabled:
            return lambda n: None
        from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

        self._bar = Progress(SpinnerColumn(), TextColumn("scoring"), MofNCompleteColumn(),
                             TextColumn("conversations"), transient=True)
        self._bar.start()
        task = self._bar.add_task("qa", total=None)
        return lambda n: self._bar.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
