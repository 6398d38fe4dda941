"""Read what the CLI is given: text arguments, stdin, JSON and JSONL conversation files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from kettle.errors import DataFileError, InvalidInput

#: Largest file the CLI reads (a conversation archive belongs in `kettle qa`).
MAX_FILE_BYTES = 50 * 1024 * 1024


def text_argument(value: str) -> str:
    """A TEXT argument; ``-`` reads standard input."""
    if value != "-":
        return value
    raw = sys.stdin.buffer.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("standard input is not UTF-8 text", field="TEXT") from None


def read_text_file(path: str | Path, *, what: str = "file") -> str:
    file = Path(path)
    if not file.is_file():
        raise DataFileError(f"{what} not found: {file}")
    if file.stat().st_size > MAX_FILE_BYTES:
        raise DataFileError(f"{what} {file} is larger than {MAX_FILE_BYTES // 2**20} MB")
    try:
        return file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{what} {file} is not UTF-8 (byte {exc.start})") from None


def conversations_from_file(path: str | Path) -> list[dict[str, Any]]:
    """Conversations in a file, each ``{"id", "turns", ...}``.

    Accepted: a JSON array of turns; a JSON object with ``turns``; JSONL whose
    lines are turns (one conversation); JSONL whose lines are conversations.
    """
    text = read_text_file(path, what="conversation file")
    if not text.strip():
        raise DataFileError(f"{path} is empty")
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None
    if whole is not None:
        return [_as_conversation(whole, str(path), 1)]
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise DataFileError(f"{path}:{number}: malformed JSON ({exc.msg})") from None
    if all(isinstance(obj, dict) and "turns" in obj for _, obj in rows):
        return [_as_conversation(obj, str(path), n) for n, obj in rows]
    for number, obj in rows:
        if not isinstance(obj, dict) or "role" not in obj or "text" not in obj:
            raise DataFileError(
                f"{path}:{number}: expected a turn {{role, text}} or a conversation {{turns}}"
            )
    return [{"id": Path(path).stem, "turns": [obj for _, obj in rows]}]


def _as_conversation(obj: Any, path: str, line: int) -> dict[str, Any]:
    if isinstance(obj, list):
        return _with_turns({"id": Path(path).stem, "turns": obj}, path, line)
    if isinstance(obj, dict) and "role" in obj and "text" in obj:  # a one-turn JSONL file
        return {"id": Path(path).stem, "turns": [obj]}
    if isinstance(obj, dict) and isinstance(obj.get("turns"), list):
        return _with_turns(obj, path, line)
    raise DataFileError(
        f"{path}:{line}: expected a list of turns or an object with 'turns'", field="turns"
    )


def _with_turns(conversation: dict[str, Any], path: str, line: int) -> dict[str, Any]:
    """``conversation`` if it has a turn; an empty one has nothing to analyse."""
    if not conversation["turns"]:
        raise DataFileError(f"{path}:{line}: the conversation has no turns", field="turns")
    return conversation
