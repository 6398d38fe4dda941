"""Promises made in a conversation that have not yet been reported kept.

A promise counts as kept when a later agent or system turn reports the action
done (it names the same thing: "call the depot" … "I've spoken with the
depot"), when it was a promise to get back to the customer and the agent has
since written again, or when the customer says it works now.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from kettle.analysis.playbook import Playbook
from kettle.analysis.stage_evidence import agent_evidence, works_now
from kettle.analysis.types import Commitment, Turn

_AGENT_ROLES = ("agent", "system")
_CONTENT = re.compile(r"[a-z]{4,}")
_STOP = frozenset(
    [
        "this", "that", "with", "your", "have", "will", "back", "them", "they", "their", "there",
        "about", "from", "into", "just", "make", "sure", "know", "some", "what", "when", "where",
        "which", "would", "could", "should", "today", "tomorrow", "hour", "hours", "minutes",
        "before", "after", "again"
    ]
)
_GET_BACK = re.compile(
    r"\b(?:get|come|call|ring|write|reply|respond)\w* (?:you )?back\b|\bback to you\b"
    r"|\b(?:update|contact|call|email|text|message|notify|inform)\w* you\b|\blet you know\b",
    re.IGNORECASE,
)
_DONE = re.compile(r"\b(?:done|completed|complete|finished|sent|delivered)\b", re.IGNORECASE)


def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:5] for w in _CONTENT.findall(text.lower()) if w not in _STOP)


def _kept_by(promise: Commitment, turn: Turn) -> bool:
    if turn.role in _AGENT_ROLES:
        if _GET_BACK.search(promise.action) or _GET_BACK.search(promise.span.text):
            return True
        ev = agent_evidence(turn)
        reported = ev.reports_action or ev.claims_resolved or bool(_DONE.search(turn.text))
        return reported and bool(_stems(promise.action) & _stems(turn.text))
    return turn.role == "customer" and works_now(turn.text)


def open_promises(
    turns: Sequence[Turn],
    *,
    now: datetime | None = None,
    tz: str | None = None,
    playbook: Playbook | None = None,
) -> tuple[Commitment, ...]:
    """Commitments from agent turns that no later turn reports kept."""
    from kettle.analysis.commitments import extract

    pending: list[Commitment] = []
    for turn in turns:
        pending = [p for p in pending if not _kept_by(p, turn)]
        if turn.role in _AGENT_ROLES and turn.text.strip():
            pending.extend(extract(turn.text, now=turn.sent_at or now, tz=tz, playbook=playbook))
    return tuple(pending)
