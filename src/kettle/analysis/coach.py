"""Agent reply in context -> techniques, anti-patterns, commitments, advice (C2).

``check`` composes the coach's parts, each a pure function:
:mod:`~kettle.analysis.coach_context` (where the conversation stands),
:mod:`~kettle.analysis.techniques`, :mod:`~kettle.analysis.antipatterns`,
:mod:`~kettle.analysis.commitments`, :mod:`~kettle.analysis.acts` and
:mod:`~kettle.analysis.advice`.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime

from kettle.analysis import acts, advice, antipatterns, coach_asked, commitments, techniques
from kettle.analysis.coach_context import read_context
from kettle.analysis.coach_text import sentences, straight_quotes
from kettle.analysis.conversation import Conversation, as_turns, clean_text, zone_hint
from kettle.analysis.language import looks_english
from kettle.analysis.playbook import Playbook, default_playbook
from kettle.analysis.timeparse import reference_time, zone_of
from kettle.analysis.types import Commitment, Finding, Review, Span

#: What names the feeling within a reply, so that a request for details may follow it.
_HEARD_IN_REPLY = frozenset({"empathy", "reflection"})


def check(
    reply: str,
    *,
    conversation: Conversation | None = None,
    playbook: Playbook | None = None,
    now: datetime | None = None,
    tz: str | None = None,
) -> Review:
    """Check an agent ``reply`` against the method, given the ``conversation`` before it.

    ``conversation`` is the turns before the reply (eval-schema dicts or
    :class:`~kettle.analysis.types.Turn`). ``now`` and ``tz`` resolve the due
    times of the reply's promises (the customer's time zone; without ``tz``, the
    offset of the turns' ``sent_at``, see ``conversation.zone_hint``, else UTC).
    A reply in another language is not judged (:data:`NOT_ENGLISH`).
    """
    text = clean_text(reply, field="reply")
    book = playbook if playbook is not None else default_playbook()
    turns = as_turns(conversation)
    tz = tz if tz is not None else zone_hint(turns)  # the zone the turns' times are in
    zone = zone_of(tz)  # an unknown zone is an error, whatever the reply's language
    if not looks_english(text):
        return NOT_ENGLISH
    context = read_context(turns, book)
    # Phrases are written with straight quotes; phones type curly ones. The
    # translation keeps every offset, and spans are cut from the original text.
    parts = sentences(straight_quotes(text))
    customer = straight_quotes(context.customer_text)
    found = _in(text, techniques.find(parts, customer, book))
    ack_at = _acknowledged_from(found, context.acknowledged_before)
    flagged = _in(text, antipatterns.find(parts, book, hot=context.hot, acknowledged_from=ack_at))
    flagged = _not_echoed(flagged, customer)
    flagged += _in(text, coach_asked.find(parts, customer, book))
    sent = reference_time(now, zone)
    promises = commitments.extract(text, now=sent, tz=tz, playbook=book)
    found = _with_promised_times(text, found, promises, book)
    judgement = advice.judge(found, flagged, promises, context, sent, text)
    return Review(
        techniques=found,
        anti_patterns=flagged,
        commitments=promises,
        acts=acts.derive(found, parts),
        advice=judgement.advice,
        verdict=judgement.verdict,
        reason=judgement.reason,
        missing=judgement.missing,
    )


#: The review of a reply in another language. Every rule and model is English, so
#: judging it would be noise ("Lo siento mucho…" read as lacking empathy): the
#: coach says plainly that it has not judged it (D38).
NOT_ENGLISH = Review(
    techniques=(),
    anti_patterns=(),
    commitments=(),
    acts=(),
    advice=("Kettle's reply coach reads English only, so nothing in this reply has been "
            "checked: no techniques, anti-patterns or promises. Read it yourself before "
            "sending: say sorry for what happened, name the feeling, and say exactly what "
            "you will do and by when."),
    verdict="not_checked",
    reason="this reply is not in English; the coach reads English only and has not judged it",
    english=False,
)


def _in(text: str, findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """The findings with their span text cut from the original ``text``."""
    return tuple(
        Finding(f.kind, f.name, Span(f.span.start, f.span.end, text[f.span.start : f.span.end]),
                f.step, f.message, f.rewrite)
        for f in findings
    )


def _with_promised_times(
    text: str, found: tuple[Finding, ...], promises: tuple[Commitment, ...], book: Playbook
) -> tuple[Finding, ...]:
    """``found`` plus a concrete time for each promise whose due time was resolved.

    The promise rules know more time phrases ("within the hour", "by 12 noon",
    "on Monday") than the concrete-time technique's patterns; a promise with a
    resolved due time *is* a concrete time, found where its phrase is.
    """
    if any(f.name == "concrete_time" for f in found):
        return found
    rule = book.techniques.get("concrete_time")
    extra: list[Finding] = []
    for promise in promises:
        if promise.due is None or promise.vague or not promise.due_phrase:
            continue
        at = text.find(promise.due_phrase, promise.span.start, promise.span.end)
        if at < 0:
            continue
        end = at + len(promise.due_phrase)
        extra.append(Finding("technique", "concrete_time", Span(at, end, text[at:end]),
                             rule.step if rule else 3, rule.message if rule else ""))
    return found + tuple(extra) if extra else found


def _acknowledged_from(found: tuple[Finding, ...], before: bool) -> int:
    """Offset from which the feeling counts as acknowledged (-1: already before the reply).

    Within the reply, only words that name the feeling (empathy, a reflection)
    earn the request for details that follows: "I'm so sorry. Before we go any
    further, can I take your account number?" still asks a hot customer for
    numbers before they have been heard.
    """
    if before:
        return -1
    starts = [f.span.start for f in found if f.name in _HEARD_IN_REPLY]
    return min(starts) if starts else sys.maxsize


def _not_echoed(flagged: tuple[Finding, ...], customer: str) -> tuple[Finding, ...]:
    """``flagged`` less the words the customer used first.

    Answering "What does RMA mean?" or "Do you have a policy on returns?" in the
    customer's own terms is neither jargon nor hiding behind policy.
    """
    if not flagged or not customer:
        return flagged
    said = customer.lower()
    return tuple(f for f in flagged if not _echoes(f, said))


def _echoes(finding: Finding, said: str) -> bool:
    if finding.name == "jargon":
        term = finding.span.text.lower()
        return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", said) is not None
    return finding.name == "policy_shield" and "polic" in said and (
        "polic" in finding.span.text.lower())
