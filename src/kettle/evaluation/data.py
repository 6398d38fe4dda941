"""Read the JSONL evaluation sets lazily, with errors that name the line and field."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kettle.errors import DataFileError

KINDS: tuple[str, ...] = ("temperature", "replies", "conversations", "promises", "qa")

#: Fields each kind of row must have (the schemas in ../shared/data/README.md).
REQUIRED: dict[str, tuple[str, ...]] = {
    "temperature": ("id", "text"),
    "replies": ("id", "text", "acts"),
    "conversations": ("id", "turns"),
    "promises": ("id", "text", "sent_at", "tz", "promises"),
    "qa": ("id", "turns"),
}


def iter_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, object)`` for each non-blank line of a JSONL file."""
    file = Path(path)
    if not file.is_file():
        raise DataFileError(f"no such file: {file}")
    with file.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise DataFileError(f"{file}:{number}: not UTF-8") from None
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataFileError(f"{file}:{number}: malformed JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise DataFileError(f"{file}:{number}: each line must be a JSON object")
            yield number, obj


def load_rows(path: str | Path, kind: str) -> list[dict[str, Any]]:
    """Load and check every row of an evaluation set of the given kind."""
    if kind not in REQUIRED:
        raise DataFileError(f"unknown kind {kind!r}", choices=KINDS)
    rows = []
    for number, obj in iter_jsonl(path):
        for key in REQUIRED[kind]:
            if key not in obj:
                raise DataFileError(
                    f"{path}:{number}: missing field {key!r} for a {kind} row", field=key
                )
        rows.append(obj)
    if not rows:
        raise DataFileError(f"{path}: no rows")
    return rows
