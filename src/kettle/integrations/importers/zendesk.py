"""Zendesk ticket export: one ticket per line, with its comments.

The shape of Zendesk's JSON export and of the Tickets API with comments
side-loaded (``GET /api/v2/tickets/{id}/comments``): ticket ``id``,
``requester_id``, ``assignee_id``, ``subject``, ``created_at`` and
``comments: [{id, author_id, body | plain_body | html_body, public,
created_at}]``. A comment by the requester is the customer's; any other author
is an agent. Private comments (``public: false``, internal notes) are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kettle.integrations.importers.base import (
    ImportedConversation,
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

NAME = "zendesk"
KEY = "comments"
META = ("subject", "created_at", "status")


def _body(comment: dict[str, Any], path: str | Path, line: int, where: str) -> str:
    if isinstance(comment.get("plain_body"), str):
        return str(comment["plain_body"])
    if isinstance(comment.get("body"), str):
        return str(comment["body"])
    if isinstance(comment.get("html_body"), str):
        return plain(comment["html_body"])
    return text_of(require(comment, "body", path, line, where), path, line, f"{where}.body")


def read(path: str | Path) -> Iterator[ImportedConversation]:
    for line, ticket in iter_json_lines(path):
        ticket_id = str(require(ticket, "id", path, line))
        requester = optional_id(require(ticket, "requester_id", path, line))
        turns = []
        for where, comment in messages_of(ticket, KEY, path, line):
            if comment.get("public") is False:
                continue
            author = optional_id(require(comment, "author_id", path, line, where))
            role = "customer" if author == requester else "agent"
            turns.append(turn(role, _body(comment, path, line, where),
                              sent_at(comment, path, line, where)))
        yield ImportedConversation(ticket_id, turns, optional_id(ticket.get("assignee_id")),
                                   NAME, line, meta_of(ticket, META))
