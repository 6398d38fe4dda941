"""Kettle's own JSONL: one conversation per line in the eval schema.

``{"id": "c1", "agent": "ana", "turns": [{"role": "customer", "text": "...",
"sent_at": "2026-05-04T09:00:00+00:00"}, ...]}`` — ``agent`` and ``sent_at``
are optional; roles are customer, agent, system or other.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kettle.integrations.importers.base import (
    ImportedConversation,
    fail,
    iso_time,
    iter_json_lines,
    require,
    text_of,
    turn,
)

NAME = "kettle-jsonl"
ROLES = ("customer", "agent", "system", "other")


def read(path: str | Path) -> Iterator[ImportedConversation]:
    for line, obj in iter_json_lines(path):
        conv_id = str(require(obj, "id", path, line))
        raw = require(obj, "turns", path, line)
        if not isinstance(raw, list):
            raise fail(path, line, "field 'turns' must be a list", field="turns")
        turns = []
        for i, item in enumerate(raw):
            where = f"turns[{i}]"
            if not isinstance(item, dict):
                raise fail(path, line, f"{where} must be an object", field=where)
            role = require(item, "role", path, line, where)
            if role not in ROLES:
                raise fail(path, line, f"{where}.role is {role!r}; expected one of "
                           f"{', '.join(ROLES)}", field=f"{where}.role")
            text = text_of(require(item, "text", path, line, where), path, line, f"{where}.text")
            sent = iso_time(item.get("sent_at"), path, line, f"{where}.sent_at")
            turns.append(turn(role, text, sent))
        agent = obj.get("agent")
        yield ImportedConversation(conv_id, turns, str(agent) if agent is not None else None,
                                   NAME, line)
