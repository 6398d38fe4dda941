"""Zammad tickets with their articles: one ticket per line.

The shape of the Zammad API: the ticket (``GET /api/v1/tickets/{id}``: ``id``,
``title``, ``customer_id``, ``owner_id``, ``created_at``) with ``articles``
from ``GET /api/v1/ticket_articles/by_ticket/{id}`` (``body``,
``content_type``, ``sender`` — Customer, Agent or System —, ``internal``,
``created_at``). Internal articles (notes) are skipped; HTML bodies are turned
into text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kettle.integrations.importers.base import (
    ImportedConversation,
    fail,
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

NAME = "zammad"
KEY = "articles"
META = ("title", "created_at")
SENDERS = {"customer": "customer", "agent": "agent", "system": "system"}


def read(path: str | Path) -> Iterator[ImportedConversation]:
    for line, ticket in iter_json_lines(path):
        ticket_id = str(require(ticket, "id", path, line))
        turns = []
        for where, article in messages_of(ticket, KEY, path, line):
            if article.get("internal") is True:
                continue
            sender = str(require(article, "sender", path, line, where)).lower()
            if sender not in SENDERS:
                raise fail(path, line, f"{where}.sender is {article['sender']!r}; expected "
                           "Customer, Agent or System", field=f"{where}.sender")
            body = text_of(require(article, "body", path, line, where), path, line,
                           f"{where}.body")
            if "html" in str(article.get("content_type", "")):
                body = plain(body)
            turns.append(turn(SENDERS[sender], body, sent_at(article, path, line, where)))
        yield ImportedConversation(ticket_id, turns, optional_id(ticket.get("owner_id")),
                                   NAME, line, meta_of(ticket, META))
