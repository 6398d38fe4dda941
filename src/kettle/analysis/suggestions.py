"""What to say next (capability C3): embedded wordings, optionally LLM drafts.

The embedded engine works offline: a reflective reply with a feeling guess from
the customer's own words, a plan with a concrete time, a progress update, a
follow-up and a closing, ordered by what the conversation needs now. Every
wording goes through the reply coach; one that would break the method is
replaced by a safer one. With a :class:`~kettle.analysis.llm.DraftBackend`,
LLM drafts come first, after the same check (repaired or dropped); when the
backend fails the embedded wordings are returned and the failure is reported.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from kettle.analysis.conversation import Conversation, as_turns
from kettle.analysis.llm import DraftBackend, DraftKind, vet
from kettle.analysis.playbook import Playbook, default_playbook
from kettle.analysis.stage import is_read, walk
from kettle.analysis.suggest_reflect import NEED_LEAD, RECENCY, clauses, ranked, reflection
from kettle.analysis.suggest_time import local_now, promise_time
from kettle.analysis.types import Reading, Suggestion, Turn
from kettle.errors import LLMError

log = logging.getLogger(__name__)

#: Which kinds of wording fit each stage, most useful first.
ORDER: dict[str, tuple[DraftKind, ...]] = {
    "venting": ("reflection", "plan", "progress", "follow_up", "closing"),
    "acknowledged": ("reflection", "plan", "progress", "follow_up", "closing"),
    "facts_confirmed": ("plan", "reflection", "progress", "follow_up", "closing"),
    "plan_agreed": ("progress", "plan", "follow_up", "reflection", "closing"),
    "in_progress": ("progress", "follow_up", "plan", "reflection", "closing"),
    "resolved": ("follow_up", "closing", "progress", "plan", "reflection"),
    "followed_up": ("closing", "follow_up", "progress", "plan", "reflection"),
}
_TOPIC = re.compile(r"\b(?:my|our)\s+([a-z]{3,}(?:\s+[a-z]{3,})?)", re.IGNORECASE)
#: What the customer needed: the thing right after the need ("I needed the truck").
_NEEDED = re.compile(
    NEED_LEAD + r"\s+(the|my|our)\s+([a-z]{3,})"
    # One word, ended by a word of place, time or purpose or by punctuation
    # ("the truck here by 1 pm"); "the complaints hot line" is left to the rest.
    r"(?=\s+(?:here|there|back|by|before|for|on|at|in|and|today|tomorrow|tonight|now"
    r"|urgently|fixed|sorted|delivered|working)\b|\s*[,.!?;]|\s*$)",
    re.IGNORECASE,
)
_NOT_TOPIC = frozenset(
    [
        "god", "goodness", "gosh", "own", "time", "life", "word", "fault", "mind", "head", "self",
        "heart", "patience", "business", "days", "day", "hours", "money"
    ]
)
_MODIFIERS = frozenset(
    [
        "new", "old", "last", "first", "whole", "entire", "online", "recent", "latest", "current",
        "second", "mobile", "home", "internet", "broadband", "credit", "debit", "bank", "phone",
        "express"
    ]
)
#: Words that end a topic rather than continue it ("my phone can't" -> "your phone").
_NOT_SECOND = frozenset(
    [
        "can", "could", "will", "would", "is", "was", "has", "have", "had", "does", "did",
        "keeps", "kept", "stopped", "the", "and", "but", "not", "never", "still", "just",
        "always", "again", "now", "today", "yesterday", "which", "that", "who", "for", "with",
    ]
)
_SAFE: dict[DraftKind, str] = {
    "reflection": "I'm sorry this has happened. I can help you with this.",
    "plan": "I will look into this for you now and get back to you today.",
    "progress": "I'm still working on this for you and will update you again today.",
    "follow_up": "Thank you for giving us the chance to put this right.",
    "closing": "Thank you for your patience. I'm here if you need anything else.",
}


@dataclass(frozen=True, slots=True)
class SuggestResult:
    """The suggestions, and any problem met on the way (an LLM backend that failed)."""

    suggestions: list[Suggestion]
    problems: list[str] = field(default_factory=list)


def topic(turns: Sequence[Turn]) -> str:
    """What the customer is upset about, in their words ("your parcel"), or "this".

    What they needed comes first ("I needed the truck here" -> "the truck"),
    then the first thing they call theirs ("my whole crew" -> "your whole crew").
    """
    for turn in reversed(turns):
        if turn.role != "customer":
            continue
        needed = _NEEDED.search(turn.text)
        if needed is not None and needed.group(2).lower() not in _NOT_TOPIC:
            owner = "the" if needed.group(1).lower() == "the" else "your"
            return f"{owner} {needed.group(2).lower()}"
        for m in _TOPIC.finditer(turn.text):
            words = m.group(1).lower().split()
            if words[0] in _NOT_TOPIC:
                continue
            second = words[1] if len(words) == 2 else ""
            if words[0] in _MODIFIERS and second and second not in _NOT_SECOND:
                return f"your {words[0]} {words[1]}"
            return f"your {words[0]}"
    return "this"


def _wordings(turns: tuple[Turn, ...], reading: Reading | None, when: str, about: str,
              playbook: Playbook) -> dict[DraftKind, list[str]]:
    from kettle.analysis.thermometer import read_many

    said = [t.text for t in turns if t.role == "customer" and t.text.strip()][-len(RECENCY):]
    recent = []
    for text in reversed(said):
        parts = clauses(text)
        recent.append((text, [(r.hot, r.signals) for r in read_many(parts, playbook=playbook)]))
    bodies = ranked(recent)
    told = " ".join(said)
    look = "look into this" if about == "this" else f"find out what happened with {about}"
    return {
        "reflection": [reflection(b, reading, text=told) for b in bodies[:3]]
        + [reflection(None, reading, text=told)],
        "plan": [f"I will {look} and get back to you {when}."],
        "progress": [f"Here is an update on {about}: I'm still working on it, and I will "
                     f"update you again {when}."],
        "follow_up": [f"I wanted to check that {about} is now sorted out for you. Thank you "
                      "for giving us the chance to put this right."],
        "closing": ["Thank you for your patience. If anything else comes up, reply here and "
                    "I will take care of it myself."],
    }


def _first_clean(
    texts: Sequence[str], turns: tuple[Turn, ...], playbook: Playbook, now: datetime | None,
    tz: str | None,
) -> str | None:
    from kettle.analysis.coach import check

    for text in texts:
        review = check(text, conversation=turns, playbook=playbook, now=now, tz=tz)
        if not review.anti_patterns:
            return text
    return None


def _llm_drafts(
    backend: DraftBackend, turns: tuple[Turn, ...], kinds: Sequence[DraftKind],
    playbook: Playbook, now: datetime | None, tz: str | None, problems: list[str],
) -> list[Suggestion]:
    out: list[Suggestion] = []
    for kind in kinds:
        try:
            drafts = backend.draft(turns, kind)
        except LLMError as exc:
            problems.append(exc.message)
            break
        except Exception as exc:  # a third-party backend may raise anything
            problems.append(f"LLM backend failed: {type(exc).__name__}: {exc}")
            break
        for draft in drafts:
            text = vet(draft, turns, playbook=playbook, now=now, tz=tz)
            if text is None:
                problems.append(f"dropped an LLM {kind} draft that broke the method")
            else:
                out.append(Suggestion(kind=kind, text=text, source="llm"))
    return out


def suggest_report(
    conversation: Conversation,
    *,
    playbook: Playbook | None = None,
    backend: DraftBackend | None = None,
    now: datetime | None = None,
    tz: str | None = None,
) -> SuggestResult:
    """Suggestions for the agent's next reply, with any problem met (never raises on LLM)."""
    from kettle.analysis.thermometer import read

    book = playbook or default_playbook()
    turns = as_turns(conversation)
    readings = tuple(read(t.text, context=turns[:i], playbook=book)
                     for i, t in enumerate(turns) if is_read(t))
    kinds = ORDER[walk(turns, readings).stage]
    moment = local_now(now or next((t.sent_at for t in reversed(turns) if t.sent_at), None), tz)
    _, when = promise_time(moment, book)
    wordings = _wordings(turns, readings[-1] if readings else None, when, topic(turns), book)
    problems: list[str] = []
    out = _llm_drafts(backend, turns, kinds, book, moment, tz, problems) if backend else []
    for kind in kinds:
        text = _first_clean([*wordings[kind], _SAFE[kind]], turns, book, moment, tz)
        if text is not None:
            out.append(Suggestion(kind=kind, text=text))
    return SuggestResult(out, problems)


def suggest(
    conversation: Conversation,
    *,
    playbook: Playbook | None = None,
    backend: DraftBackend | None = None,
    now: datetime | None = None,
    tz: str | None = None,
    strict: bool = False,
) -> list[Suggestion]:
    """What the agent could say next, most useful first.

    A failing ``backend`` is logged and the embedded wordings are returned; with
    ``strict=True`` its failure is raised as :class:`~kettle.errors.LLMError`.
    """
    result = suggest_report(conversation, playbook=playbook, backend=backend, now=now, tz=tz)
    for problem in result.problems:
        if strict and not problem.startswith("dropped"):
            raise LLMError(problem)
        log.warning("suggest: %s", problem)
    return result.suggestions
