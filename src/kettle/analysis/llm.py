"""The engine's side of the optional LLM backend: what it asks, and how it vets answers.

The engine never talks to a network. A *draft backend* (any object with a
``draft(turns, kind)`` method, such as
:class:`kettle.integrations.llm.OpenAICompatibleBackend`) is passed in by the
caller; the engine builds the prompt, and every draft goes through the reply
coach before it may be shown: a draft that breaks the method is repaired with
the coach's own rewrites, or dropped. The coach reads English only: a draft in another
language passes it unjudged, so the suggestion it becomes is marked ``english=False``
(:mod:`kettle.analysis.suggestions`), as is any draft for a customer who wrote in
another language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Literal, Protocol, runtime_checkable

from kettle.analysis.playbook import Playbook
from kettle.analysis.types import Finding, Turn

DraftKind = Literal["reflection", "plan", "progress", "follow_up", "closing"]
DRAFT_KINDS: tuple[DraftKind, ...] = ("reflection", "plan", "progress", "follow_up", "closing")


@runtime_checkable
class DraftBackend(Protocol):
    """Something that drafts agent replies of one kind for a conversation."""

    def draft(self, turns: Sequence[Turn], kind: DraftKind) -> list[str]:
        """Return candidate replies; raise :class:`kettle.errors.LLMError` on failure."""
        ...


SYSTEM_PROMPT = (
    "You help a customer-service agent reply to an upset customer. Follow the method: "
    "let them vent; show you are on their side; repeat back what they said in their own "
    "words with a feeling guess ('It sounds like that was really frustrating, because "
    "you needed ...'); say exactly what you will do and by when; act; follow up and "
    "thank them. Never doubt the customer, hide behind policy, blame, lecture, tell "
    "them to calm down, use sarcasm, tell your own story, pass the buck or use jargon. "
    "Do not ask for account numbers or details while the customer is still upset. "
    "Answer with the reply text only, one or two short sentences."
)

_KIND_ASK: dict[str, str] = {
    "reflection": "Write a reflective reply with a feeling guess, built from the "
    "customer's own words.",
    "plan": "Write a reply that says exactly what you will do and by a concrete time.",
    "progress": "Write a short progress update on what has been done so far and when "
    "they will hear next.",
    "follow_up": "Write a follow-up: explain how it was resolved, check they are "
    "satisfied and thank them.",
    "closing": "Write a warm closing that thanks them and gives a direct way to reach you.",
}

_ROLE = {"customer": "Customer", "agent": "Agent", "system": "System", "other": "Customer"}


def prompt_messages(turns: Sequence[Turn], kind: DraftKind) -> list[dict[str, str]]:
    """The chat messages (OpenAI schema) that ask for one kind of draft."""
    transcript = "\n".join(f"{_ROLE[t.role]}: {t.text}" for t in turns[-12:])
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {
            "role": "user",
            "content": f"Conversation so far:\n{transcript}\n\n{_KIND_ASK[kind]}",
        },
    ]


_SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+|$)")


def _sentence_bounds(text: str, at: int) -> tuple[int, int]:
    for m in _SENTENCE.finditer(text):
        if m.start() <= at < max(m.end(), m.start() + 1):
            return m.start(), m.end()
    return 0, len(text)


def repair(draft: str, findings: Sequence[Finding]) -> str:
    """Replace each sentence that holds an anti-pattern by the coach's rewrite."""
    text = draft
    for finding in sorted(findings, key=lambda f: f.span.start, reverse=True):
        start, end = _sentence_bounds(text, finding.span.start)
        rewrite = (finding.rewrite or "").strip()
        if rewrite and rewrite in text:
            rewrite = ""
        prefix = " " if start > 0 and rewrite else ""
        text = text[:start] + prefix + rewrite + text[end:]
    return re.sub(r"\s{2,}", " ", text).strip()


def vet(
    draft: str,
    turns: Sequence[Turn],
    *,
    playbook: Playbook | None = None,
    now: datetime | None = None,
    tz: str | None = None,
) -> str | None:
    """The draft if it passes the coach, its repaired form if that passes, else None."""
    from kettle.analysis.coach import check

    text = draft.strip().strip('"').strip()
    for _ in range(2):
        if not text:
            return None
        review = check(text, conversation=turns, playbook=playbook, now=now, tz=tz)
        if not review.anti_patterns:
            return text
        text = repair(text, review.anti_patterns)
    return None
