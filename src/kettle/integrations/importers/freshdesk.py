"""Freshdesk tickets with their conversations: one ticket per line.

The shape of the Freshdesk API: the ticket (``GET /api/v2/tickets/{id}``:
``id``, ``subject``, ``description_text``, ``requester_id``, ``responder_id``,
``created_at``) with ``conversations`` from ``GET
/api/v2/tickets/{id}/conversations`` (``body_text``, ``incoming``,
``private``, ``user_id``, ``created_at``). The ticket's description is the
customer's first message; a conversation is the customer's when it is
``incoming`` or written by the requester; private notes are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kettle.integrations.importers.base import (
    ImportedConversation,
    iso_time,
    iter_json_lines,
    messages_of,
    meta_of,
    optional_id,
    plain,
    require,
    sent_at,
    text_of,
    turn,
)

NAME = "freshdesk"
KEY = "conversations"
META = ("subject", "created_at", "status")


def read(path: str | Path) -> Iterator[ImportedConversation]:
    for line, ticket in iter_json_lines(path):
        ticket_id = str(require(ticket, "id", path, line))
        requester = optional_id(ticket.get("requester_id"))
        turns = []
        first = ticket.get("description_text") or plain(str(ticket.get("description") or ""))
        if first:
            turns.append(turn("customer", str(first),
                              iso_time(ticket.get("created_at"), path, line, "created_at")))
        for where, note in messages_of(ticket, KEY, path, line):
            if note.get("private") is True:
                continue
            if "body_text" in note:
                text = text_of(note["body_text"], path, line, f"{where}.body_text")
            else:
                text = plain(text_of(require(note, "body", path, line, where), path, line,
                                     f"{where}.body"))
            incoming = note.get("incoming") is True
            mine = requester is not None and optional_id(note.get("user_id")) == requester
            turns.append(turn("customer" if incoming or mine else "agent", text,
                              sent_at(note, path, line, where)))
        yield ImportedConversation(ticket_id, turns, optional_id(ticket.get("responder_id")),
                                   NAME, line, meta_of(ticket, META))
