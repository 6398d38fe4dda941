"""What every importer yields, and the errors it raises.

An importer turns one helpdesk export into a stream of
:class:`ImportedConversation` — the eval schema Kettle reads everywhere
(``{"id", "turns": [{"role", "text", "sent_at"?}], ...}``) plus the agent who
handled it and where it came from. Importers are generators: they hold one
ticket (or, for threaded formats, the threads still open) in memory at a time.
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kettle.errors import DataFileError


class ImportFileError(DataFileError):
    """A helpdesk export that cannot be read: names the file, the line and the field."""

    code = "E310"


def fail(path: str | Path, line: int, message: str, field: str | None = None) -> ImportFileError:
    where = f"{path}:{line}: " if line else f"{path}: "
    return ImportFileError(where + message, field=field)


@dataclass(slots=True)
class ImportedConversation:
    """One conversation from an export, in Kettle's schema."""

    id: str
    turns: list[dict[str, Any]]
    agent: str | None = None
    source: str = ""
    line: int = 0
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "turns": self.turns}
        if self.agent is not None:
            out["agent"] = self.agent
        if self.meta:
            out["meta"] = self.meta
        return out

    @property
    def messages(self) -> int:
        return len(self.turns)


def iter_json_lines(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line, object)`` for each non-blank line of a JSON-lines file."""
    file = Path(path)
    if not file.is_file():
        raise ImportFileError(f"no such file: {file}")
    with file.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                raise fail(file, number, "not UTF-8") from None
            except json.JSONDecodeError as exc:
                raise fail(file, number, f"malformed JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise fail(file, number, "each line must be a JSON object")
            yield number, obj


def require(obj: dict[str, Any], key: str, path: str | Path, line: int, where: str = "") -> Any:
    """``obj[key]``, or an error naming the line and the field."""
    if key not in obj or obj[key] is None:
        name = f"{where}.{key}" if where else key
        raise fail(path, line, f"missing field {name!r}", field=name)
    return obj[key]


def text_of(value: Any, path: str | Path, line: int, name: str) -> str:
    if not isinstance(value, str):
        raise fail(path, line, f"field {name!r} must be text, got {type(value).__name__}",
                   field=name)
    return value


def iso_time(value: Any, path: str | Path, line: int, name: str) -> str | None:
    """An ISO 8601 string from ISO text or a Unix timestamp (seconds); None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise fail(path, line, f"field {name!r} is not a time", field=name)
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=UTC).isoformat()
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
        except ValueError:
            pass
    raise fail(path, line, f"field {name!r} is not an ISO 8601 time: {value!r}", field=name)


def turn(role: str, text: str, sent_at: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"role": role, "text": text}
    if sent_at is not None:
        out["sent_at"] = sent_at
    return out


_TAG = re.compile(r"<(?:br|/p|/div|/li)\b[^>]*>|<[^>]+>", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\f\v]+")


def plain(html_text: str) -> str:
    """Text of an HTML body: tags dropped (line breaks kept), entities decoded."""
    text = _TAG.sub(lambda m: "\n" if m.group(0)[1:3].lower() in ("br", "/p", "/d", "/l") else "",
                    html_text)
    lines = (_SPACE.sub(" ", line).strip() for line in html.unescape(text).splitlines())
    return "\n".join(line for line in lines if line)


def messages_of(
    obj: dict[str, Any], key: str, path: str | Path, line: int
) -> list[tuple[str, dict[str, Any]]]:
    """``(where, message)`` for the list ``obj[key]``, each checked to be an object.

    ``where`` names the message for errors: ``"comments[2]"``.
    """
    raw = require(obj, key, path, line)
    if not isinstance(raw, list):
        raise fail(path, line, f"field {key!r} must be a list", field=key)
    out = []
    for i, item in enumerate(raw):
        where = f"{key}[{i}]"
        if not isinstance(item, dict):
            raise fail(path, line, f"{where} must be an object", field=where)
        out.append((where, item))
    return out


def sent_at(message: dict[str, Any], path: str | Path, line: int, where: str) -> str | None:
    """The message's ``created_at`` as ISO 8601 text (None when it has none)."""
    return iso_time(message.get("created_at"), path, line, f"{where}.created_at")


def meta_of(obj: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """The fields ``keys`` of ``obj`` that are set, for :attr:`ImportedConversation.meta`."""
    return {k: obj[k] for k in keys if obj.get(k)}


@contextmanager
def csv_rows(path: str | Path, required: tuple[str, ...]) -> Iterator[csv.DictReader[str]]:
    """The rows of a UTF-8 CSV file whose header has every column of ``required``."""
    file = Path(path)
    if not file.is_file():
        raise ImportFileError(f"no such file: {file}")
    with file.open(newline="", encoding="utf-8-sig") as handle:
        rows = csv.DictReader(handle)
        missing = [c for c in required if c not in (rows.fieldnames or ())]
        if missing:
            raise fail(file, 1, f"missing column {missing[0]!r}", field=missing[0])
        yield rows


def optional_id(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)
