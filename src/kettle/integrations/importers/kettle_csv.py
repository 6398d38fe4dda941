"""Kettle's CSV: one message per row, rows of a conversation next to each other.

Columns: ``conversation_id, role, text`` and optionally ``sent_at`` and
``agent``. A conversation whose rows are split by another conversation's is an
error (the file is read in one pass).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kettle.integrations.importers.base import (
    ImportedConversation,
    csv_rows,
    fail,
    iso_time,
    turn,
)
from kettle.integrations.importers.kettle_jsonl import ROLES

NAME = "kettle-csv"
REQUIRED = ("conversation_id", "role", "text")


def read(path: str | Path) -> Iterator[ImportedConversation]:
    file = Path(path)
    with csv_rows(file, REQUIRED) as rows:
        seen: set[str] = set()
        current: ImportedConversation | None = None
        for row in rows:
            line = rows.line_num
            conv_id = (row["conversation_id"] or "").strip()
            if not conv_id:
                raise fail(file, line, "empty conversation_id", field="conversation_id")
            if current is None or conv_id != current.id:
                if conv_id in seen:
                    raise fail(file, line, f"conversation {conv_id!r} continues after another "
                               "one: keep its rows together", field="conversation_id")
                if current is not None:
                    yield current
                seen.add(conv_id)
                current = ImportedConversation(conv_id, [], None, NAME, line)
            role = (row["role"] or "").strip()
            if role not in ROLES:
                raise fail(file, line, f"role is {role!r}; expected one of {', '.join(ROLES)}",
                           field="role")
            current.turns.append(turn(role, row["text"] or "",
                                      iso_time(row.get("sent_at"), file, line, "sent_at")))
            if row.get("agent") and role == "agent":
                current.agent = row["agent"]
        if current is not None:
            yield current
