"""Chatwoot conversations with their messages: one conversation per line.

The shape of the Chatwoot application API: the conversation (``id``,
``meta.assignee.name``, ``created_at``) with ``messages`` from ``GET
/api/v1/accounts/{account}/conversations/{id}/messages`` (``content``,
``message_type`` — 0 incoming, 1 outgoing, 2 activity, 3 template —,
``private``, ``created_at`` in Unix seconds). Incoming messages are the
customer's, outgoing ones the agent's, templates (bots) are system turns;
activity messages and private notes are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kettle.integrations.importers.base import (
    ImportedConversation,
    fail,
    iter_json_lines,
    messages_of,
    require,
    sent_at,
    text_of,
    turn,
)

NAME = "chatwoot"
KEY = "messages"
TYPES = {0: "customer", 1: "agent", 3: "system", "incoming": "customer",
         "outgoing": "agent", "template": "system"}
_SKIP = (2, "activity")


def _assignee(conv: dict[str, Any]) -> str | None:
    meta = conv.get("meta")
    assignee = meta.get("assignee") if isinstance(meta, dict) else None
    if isinstance(assignee, dict) and assignee.get("name"):
        return str(assignee["name"])
    return None


def read(path: str | Path) -> Iterator[ImportedConversation]:
    for line, conv in iter_json_lines(path):
        conv_id = str(require(conv, "id", path, line))
        turns = []
        for where, message in messages_of(conv, KEY, path, line):
            kind = require(message, "message_type", path, line, where)
            if kind in _SKIP or message.get("private") is True:
                continue
            if kind not in TYPES:
                raise fail(path, line, f"{where}.message_type is {kind!r}; expected 0-3",
                           field=f"{where}.message_type")
            text = text_of(message.get("content") or "", path, line, f"{where}.content")
            if not text.strip():
                continue
            turns.append(turn(TYPES[kind], text, sent_at(message, path, line, where)))
        yield ImportedConversation(conv_id, turns, _assignee(conv), NAME, line)
