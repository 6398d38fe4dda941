"""Promises made in a conversation that have not yet been reported kept.

A promise counts as kept when a later agent or system turn reports the action
done (it names the same thing: "call the depot" … "I've spoken with the
depot"), when it was a promise to get back to the customer and the agent has
since written again, or when the customer says it works now.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

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
#: A promise to come back to the customer (also read by the reply coach, ``advice``).
GET_BACK = re.compile(
    r"\b(?:get|come|call|ring|write|reply|respond)\w* (?:you )?back\b|\bback to you\b"
    r"|\b(?:update|contact|call|email|text|message|notify|inform)\w* you\b|\blet you know\b"
    r"|\breply (?:here|to you)\b",
    re.IGNORECASE,
)
_DONE = re.compile(r"\b(?:done|completed|complete|finished|sent|delivered)\b", re.IGNORECASE)
#: A later turn that brings news: only that keeps a promise to get back to the customer.
#: "Is there anything else I can help with?" or "By 10am your time" a minute after "I'll
#: call you back by 5pm" keeps nothing (2026-12-07 probe).
_NEWS = re.compile(
    r"\b(?:update|news|heard\s+back|spoke|spoken|confirmed|here\s+is|here's|good\s+news"
    r"|as\s+promised|getting\s+back\s+to\s+you|following\s+up|to\s+let\s+you\s+know"
    r"|i\s+can\s+confirm|ships|shipped|arrives|is\s+booked|are\s+booked"
    r"|says|said|told\s+me|out\s+for\s+delivery|on\s+(?:its|the|their)\s+way|dispatched"
    r"|approved|processed|tracking"
    # The promised call itself (D29): "Hi, it's Sam from Power calling back, as I said."
    r"|calling\s+(?:you\s+)?back|ringing\s+(?:you\s+)?back|calling\s+(?:as\s+promised|to\s+(?:check"
    r"|see|confirm|follow))|(?:just\s+)?checking\s+in"
    r"|i['’]ve|we['’]ve|i\s+have|we\s+have|has\s+been|have\s+been|is\s+now|are\s+now)\b",
    re.IGNORECASE)
#: Within this of the promise, a turn is the same exchange, not the promised return.
SAME_EXCHANGE = timedelta(minutes=10)


#: Verbs that name the same act ("I'll email it" … "I have sent it now").
_SAME_ACT = {"email": "send", "maile": "send", "sent": "send", "text": "send", "texte": "send",
             "rang": "call", "ring": "call", "phone": "call", "spoke": "call", "speak": "call",
             "calle": "call", "looke": "check"}
#: The customer says the promised thing came ("Received, thank you", "Yep, all good",
#: "Done, I'm in"): every promise before it is kept (2026-12-07 probe).
_CONFIRMED = re.compile(
    r"^\W*(?:(?:yes|yep|yeah|ok(?:ay)?|great|perfect|lovely|brilliant|cheers|thanks|thank\s+you)\b\W*)?"
    r"(?:"
    # "I got it, thanks", "Got the email", but not a bare "Got it" (understood).
    r"(?:(?:i['’]ve\s+|i\s+have\s+|i\s+|just\s+)?received|(?:i['’]ve\s+|i\s+have\s+|i\s+|just\s+)got)"
    r"\s+(?:it|them|the\s+\w+)(?=\s*(?:[,.!]|$))"
    r"|got\s+the\s+\w+(?=\s*(?:[,.!]|$))|received\b"
    r"|(?:it['’]s|that['’]s|all|it\s+has|it\s+is)\s+(?:arrived|come\s+through|done|sorted|working)\b"
    r"|all\s+(?:good|set|sorted|done)\b|(?:just\s+)?done\b|that\s+worked\b|it\s+worked\b)",
    re.IGNORECASE)


def _stems(text: str) -> frozenset[str]:
    return frozenset(_SAME_ACT.get(w[:5], w[:5]) for w in _CONTENT.findall(text.lower())
                     if w not in _STOP)


def kept_by(promise: Commitment, made: datetime | None, turn: Turn) -> bool:
    """Does ``turn`` report ``promise`` (made at ``made``, when known) kept?"""
    if turn.role in _AGENT_ROLES:
        if GET_BACK.search(promise.action) or GET_BACK.search(promise.span.text):
            return _gets_back(made, turn, promise.due)
        ev = agent_evidence(turn)
        reported = ev.reports_action or ev.claims_resolved or bool(_DONE.search(turn.text))
        return reported and bool(_stems(promise.action) & _stems(turn.text))
    return turn.role == "customer" and (works_now(turn.text)
                                        or _CONFIRMED.match(turn.text) is not None)


def _gets_back(made: datetime | None, turn: Turn, due: datetime | None = None) -> bool:
    """A later agent turn is the promised return when it brings news, and, when both
    times are known, comes after the exchange in which the promise was made.

    News: an update, a report or word from the people we asked ("The courier says it's
    out for delivery"), not a question ("Is there anything else I can help with?") nor a
    restatement of the time ("By 10am your time at the latest."). A broader reading
    (anything but a question or a time) lowered the QA scorecard's `promises` step on
    STC-3 (vs solved 0.168 -> 0.109), so news stays news.
    """
    if _NEWS.search(turn.text) is None:
        return False
    if made is None or turn.sent_at is None or (made.tzinfo is None) != (
            turn.sent_at.tzinfo is None):
        return True  # no comparable times: the news alone decides
    exchange = SAME_EXCHANGE
    if due is not None and (due.tzinfo is None) == (made.tzinfo is None) and due > made:
        # "I'll come back to you within 10 minutes", back after 6 (D29).
        exchange = min(exchange, (due - made) / 2)
    return turn.sent_at - made >= exchange


def open_promises(
    turns: Sequence[Turn],
    *,
    now: datetime | None = None,
    tz: str | None = None,
    playbook: Playbook | None = None,
) -> tuple[Commitment, ...]:
    """Commitments from agent turns that no later turn reports kept."""
    from kettle.analysis.commitments import extract

    pending: list[tuple[Commitment, datetime | None]] = []
    for turn in turns:
        pending = [(p, made) for p, made in pending if not kept_by(p, made, turn)]
        if turn.role in _AGENT_ROLES and turn.text.strip():
            pending.extend((p, turn.sent_at) for p in extract(
                turn.text, now=turn.sent_at or now, tz=tz, playbook=playbook))
    return tuple(p for p, _ in pending)
