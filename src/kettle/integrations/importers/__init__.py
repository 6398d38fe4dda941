"""Helpdesk importers: every export becomes a stream of Kettle conversations.

``read(path, format=None)`` picks the importer (``format`` names one of
:data:`FORMATS`; otherwise the file's extension and its first line or header
decide) and yields :class:`~kettle.integrations.importers.base.ImportedConversation`
objects one at a time. Field mappings and sample files: docs/importers.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import Path
from typing import cast

from kettle.integrations.importers.base import ImportedConversation, ImportFileError

#: Format name -> module that reads it.
FORMATS: dict[str, str] = {
    "kettle-jsonl": "kettle.integrations.importers.kettle_jsonl",
    "kettle-csv": "kettle.integrations.importers.kettle_csv",
    "zendesk": "kettle.integrations.importers.zendesk",
    "freshdesk": "kettle.integrations.importers.freshdesk",
    "zammad": "kettle.integrations.importers.zammad",
    "chatwoot": "kettle.integrations.importers.chatwoot",
    "twitter-csv": "kettle.integrations.importers.twitter",
}
#: The list field that tells the JSONL formats apart.
_JSON_KEYS: tuple[tuple[str, str], ...] = (
    ("turns", "kettle-jsonl"),
    ("comments", "zendesk"),
    ("conversations", "freshdesk"),
    ("articles", "zammad"),
    ("messages", "chatwoot"),
)
_JSON_SUFFIXES = (".jsonl", ".ndjson", ".json")

__all__ = ["FORMATS", "ImportFileError", "ImportedConversation", "detect", "read"]


def _first_line(path: Path) -> str:
    with path.open("rb") as handle:
        for raw in handle:
            if raw.strip():
                return raw.decode("utf-8-sig", errors="replace")
    return ""


def detect(path: str | Path) -> str:
    """The format of ``path`` from its extension and its first line (or CSV header)."""
    file = Path(path)
    if not file.is_file():
        raise ImportFileError(f"no such file: {file}")
    suffix = file.suffix.lower()
    first = _first_line(file)
    if suffix == ".csv":
        header = {h.strip().strip('"') for h in first.split(",")}
        if "tweet_id" in header:
            return "twitter-csv"
        if "conversation_id" in header:
            return "kettle-csv"
        raise ImportFileError(f"{file}:1: unknown CSV header; name the format with --format",
                              field="--format", choices=FORMATS)
    if suffix in _JSON_SUFFIXES:
        try:
            obj = json.loads(first) if first else {}
        except json.JSONDecodeError as exc:
            raise ImportFileError(f"{file}:1: malformed JSON ({exc.msg}); exports are read "
                                  "as one JSON object per line") from None
        if isinstance(obj, dict):
            for key, name in _JSON_KEYS:
                if isinstance(obj.get(key), list):
                    return name
    raise ImportFileError(f"{file}: cannot tell the format; name it with --format",
                          field="--format", choices=FORMATS)


def reader(name: str) -> Callable[[str | Path], Iterator[ImportedConversation]]:
    if name not in FORMATS:
        raise ImportFileError(f"unknown format {name!r}", field="--format", choices=FORMATS)
    module = import_module(FORMATS[name])
    return cast(Callable[[str | Path], Iterator[ImportedConversation]], module.read)


def read(path: str | Path, *, format: str | None = None) -> Iterator[ImportedConversation]:
    """Stream the conversations of ``path`` (format detected unless given)."""
    name = format or detect(path)
    return reader(name)(path)
