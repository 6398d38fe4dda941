"""Verdict, missing techniques and the next move, given where the conversation stands.

Verdict: ``dont_send`` when the reply breaks step 2 of the method outright
(doubt, blame, policy shield, scolding, "calm down", sarcasm, insults), uses a
phrase the organisation forbids, or to an upset customer is nothing but a brush-off
(playing it down, defending, handing it on, with nothing on their side or done:
:func:`brush_off`); ``improve`` when the situation calls for a
technique the reply lacks (a plan, when the reply closes on an open problem:
:func:`closes_early`), or for a milder anti-pattern (defensiveness, passing
the buck, jargon, a canned line, a premature request for information or one for
what the customer already gave) or promises a time already past when it is sent
("by 3 pm today" at 15:30); ``send`` otherwise. The reason and the advice name
the most serious finding first (:data:`SEVERITY`), not the first in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from kettle.analysis.coach_context import WARM_C, Context
from kettle.analysis.stage_promises import GET_BACK
from kettle.analysis.types import Commitment, Finding, Verdict

#: Anti-patterns that make a reply unfit to send.
DONT_SEND: frozenset[str] = frozenset(
    {"doubt", "blame", "policy_shield", "scolding", "calm_down", "sarcasm", "insulting",
     "forbidden_phrase"}
)

#: Anti-patterns from the most serious down: what turns the heat up most comes first in
#: the verdict's reason and the advice (a kind not listed comes last, in text order).
SEVERITY: tuple[str, ...] = (
    "insulting", "calm_down", "sarcasm", "blame", "doubt", "scolding", "policy_shield",
    "forbidden_phrase", "minimising", "defensiveness", "passing_the_buck",
    "premature_info_request", "asking_again", "false_promise", "hedging", "canned_phrase", "jargon",
)
_RANK = {name: rank for rank, name in enumerate(SEVERITY)}


def by_severity(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """``findings``, the most serious kind first; within a kind, in text order."""
    return tuple(sorted(findings, key=lambda f: (_RANK.get(f.name, len(SEVERITY)),
                                                 f.span.start)))

#: A plan already carried out ("I've refunded you") needs no time to hold on to, and
#: nor does an offer the customer has yet to take up ("I can post one today",
#: "Would you like me to rebook you?"): the time belongs to the promise that follows.
NO_TIME_NEEDED = re.compile(
    r"(?:i|we)(?:['’]ve|\s+have)\b|(?:i|we)\s+(?:can|could)\b|would\s+you\b"
    r"|\W*(?:all\s+)?(?:done|sorted)\b|(?:is|are|has\s+been|have\s+been)\b"
    r"|(?:i|we)(?:['’]d|\s+would)\s+(?:be|like)\b|(?:i|we)(?:['’]m|\s+am|['’]re|\s+are)\s+(?:happy|glad)\b"
    # The order of this call's business: "let's do the address first and then the bill".
    r"|let['’]?s\s+(?:do|start|go|take|deal|sort|look)\b",
    re.IGNORECASE)

#: A promise to come back to the customer, which needs a time even after a calm question.
#: ... as the tracker reads it (``stage_promises.GET_BACK``), or to find something out first.
_FINDS_OUT = re.compile(r"\bring\w* you\b|\b(?:check|look into|find out|investigate|chase)\b",
                        re.IGNORECASE)
_LETS = re.compile(r"let['’]?s\b", re.IGNORECASE)
#: A passive timeline, with no one on our side committed and no time (2026-12-07 e-mail
#: probe): "this will be looked into in due course", "a response will be issued as soon as
#: possible". Not a promise (docs/promises_labelling.md), but the customer is left without
#: a time just the same.
PASSIVE_VAGUE = re.compile(
    r"\b(?:will|shall|is\s+going\s+to|are\s+going\s+to)\s+be\s+(?:looked\s+into|dealt\s+with"
    r"|reviewed|investigated|handled|processed|resolved|addressed|actioned|considered|examined"
    r"|assessed|followed\s+up|issued|sent(?:\s+out)?|arranged|passed\s+on|in\s+touch|contacted"
    r"|updated|fixed|sorted|repaired|answered|responded\s+to|replied\s+to)\b[^.!?]{0,60}?"
    r"\b(?:in\s+due\s+(?:course|time)|as\s+soon\s+as\s+(?:possible|we\s+can|practicable)|asap"
    r"|shortly|soon|at\s+the\s+earliest\s+(?:opportunity|convenience)|when(?:ever)?\s+possible"
    r"|in\s+the\s+(?:near\s+)?future|at\s+some\s+point|in\s+the\s+coming\s+(?:days|weeks))\b",
    re.IGNORECASE)
#: A closing line (2026-12-08 chat probe): "Is there anything else I can help with?", "Have a
#: great day!", "Hope the rest of your day goes better". Said while the customer's problem is
#: still open, with no plan, fix or promise beside it, it ends the conversation before
#: anything has been done (step 3 of the method: say what you will do, and when).
CLOSING: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    # Each behind a literal the lower-cased reply must hold (a regex over a long e-mail
    # costs some 30 µs; the literal test well under one).
    (literal, re.compile(pattern, re.IGNORECASE)) for literal, pattern in (
        ("anything else", r"\banything\s+else(?:\s+(?:that\s+)?(?:i|we)\s+(?:can|could|may)"
         r"\s+(?:help|do|assist)(?:\s+you)?(?:\s+with)?(?:\s+today)?)?\s*(?=[?.!]|$)"),
        ("have a", r"\bhave\s+a\s+(?:(?:very|really)\s+)?(?:nice|great|good|lovely|wonderful"
         r"|pleasant|fantastic)\s+(?:day|evening|weekend|night|afternoon|morning|one)\b"),
        ("hope the rest", r"\bhope\s+the\s+rest\s+of\s+your\s+(?:day|evening|week|weekend)\b"),
        ("enjoy", r"\benjoy\s+(?:the\s+rest\s+of\s+)?your\s+(?:day|evening|weekend)\b"),
    ))


def closings(text: str) -> list[tuple[int, int]]:
    """The spans of the closing lines in ``text`` (:data:`CLOSING`)."""
    low = text.lower()
    return [m.span() for literal, pattern in CLOSING if literal in low
            for m in pattern.finditer(text)]


#: The customer closing themselves ("No, that's all", "nothing else, bye"): a goodbye is right.
_CUSTOMER_DONE = re.compile(
    r"\b(?:that['’]?s\s+(?:all|everything|it)|nothing\s+else|no\s+thanks?|bye|goodbye)\b",
    re.IGNORECASE)
#: Kinds that play the problem down or turn it away; with nothing else in the reply that
#: takes the customer's side or does something (:data:`_SIDES`, :data:`_DOES`), they brush
#: the customer off ("Mistakes happen. These things are out of our control.", 2026-12-08
#: chat probe).
_DISMISSING = frozenset({"minimising", "defensiveness", "passing_the_buck"})
_DOES = frozenset({"plan", "ownership", "suggestion", "question_open", "question_closed"})
#: The agent's own story (a defensiveness finding) tells the customer about us, but does not
#: turn them away: ESConv supporters share one ("I had the same issue with my friends").
_OWN_STORY = re.compile(r"happened\s+to\s+me|\bi\s+had\s+the\s+(?:exact\s+)?same|\bmy\s+own\b",
                        re.IGNORECASE)
_SIDES = frozenset({"apology", "empathy", "reflection"})
_HEARD = frozenset({"acknowledgement", "apology", "empathy", "reflection", "restatement"})
_MOVES = frozenset(
    {"plan", "ownership", "question_open", "question_closed", "suggestion", "information"}
)

_NEXT_MOVE: dict[str, str] = {
    "hot": (
        "The customer is still hot{temp}: let them vent. Acknowledge and reflect the "
        "feeling with a feeling guess (\"It sounds like that was really stressful, "
        "because…\") before you ask for any details."
    ),
    "calmer": (
        "The customer is calmer{temp}: confirm the facts with them, then say exactly "
        "what you will do and by when (\"I will call the depot now and call you back "
        "by 5 pm today\")."
    ),
    "resolved": (
        "The issue sounds resolved: check the customer is satisfied, thank them for the "
        "chance to help, and give them a direct way to reach you."
    ),
    "none": (
        "Show you are on the customer's side, then say exactly what you will do and by when."
    ),
}

_MISSING_HINT: dict[str, str] = {
    "empathy": "Add empathy first (\"I can understand your frustration.\").",
    "reflection": "Reflect the feeling (\"It sounds like that was really stressful.\").",
    "concrete_time": "Give a concrete time (\"by 5 pm today\", \"within 48 hours\").",
    "plan": "Say what you will do next (\"I will check with the depot now…\").",
    "thanks": "Thank the customer (\"Thank you for giving us the chance to put this right.\").",
}


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    reason: str
    advice: str
    missing: tuple[str, ...]


def passed(commitments: tuple[Commitment, ...], now: datetime | None) -> tuple[Commitment, ...]:
    """Promises whose due time is already behind ``now`` ("by 3 pm today" sent at 15:30)."""
    if now is None:
        return ()
    return tuple(c for c in commitments if c.due is not None and not c.vague and c.due < now)


def missing(
    techniques: tuple[Finding, ...], commitments: tuple[Commitment, ...], context: Context,
    text: str = "",
) -> tuple[str, ...]:
    """Techniques this situation calls for that the reply lacks.

    A time already past is a concrete time said wrongly, not one missing: the
    verdict and advice name it (see :func:`passed`). ``text``, the reply, is read
    for a passive timeline (:data:`PASSIVE_VAGUE`).
    """
    names = {f.name for f in techniques}
    out: list[str] = []
    if context.situation == "hot" and not names & _HEARD:
        out += ["empathy", "reflection"]
    commitments = tuple(c for c in commitments if not _LETS.match(c.span.text))
    vague = _vague(commitments, context, text)
    untimed_plan = (
        any(f.name == "plan" and not NO_TIME_NEEDED.match(f.span.text) for f in techniques)
        and "concrete_time" not in names and not commitments
    )
    if vague or untimed_plan:
        out.append("concrete_time")
    # A calm customer's plain question is answered by the answer itself ("Our Leeds
    # store closes at 6pm on Saturdays."): no plan is owed.
    # Nor by a calm customer with nothing wrong ("Hi, I'm calling about my direct debit.",
    # "Sorry for all the questions!", D29): a plan answers a problem.
    calm = (context.temperature is not None and context.temperature < WARM_C
            and not context.venting)
    if (context.situation == "calmer" and not names & (_MOVES | _HEARD) and not commitments
            and not context.asks and not calm):
        out.append("plan")
    if "plan" not in out and closes_early(techniques, commitments, context, text):
        out.append("plan")
    # "Great, glad that's sorted. Is there anything else I can help with?" closes well.
    if context.situation == "resolved" and not names & {"thanks", "question_open",
                                                        "question_closed"}:
        out.append("thanks")
    return tuple(out)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in spans)


def closes_early(
    techniques: tuple[Finding, ...], commitments: tuple[Commitment, ...], context: Context,
    text: str,
) -> bool:
    """Does the reply close (:data:`CLOSING`) while the customer's problem is open, with no
    plan, fix, answer or promise? ("Sorry about that. Is there anything else I can help
    with?" to a customer whose engineer failed to come, for the third time.) What the
    closing line itself holds ("I can help") does not count as a move."""
    warm = context.temperature is not None and context.temperature >= WARM_C
    if not (context.hot or (context.situation == "calmer" and warm)) or commitments or context.asks:
        return False
    closed = closings(text)
    if not closed or _CUSTOMER_DONE.search(context.customer_text):
        return False
    return not any(f.name in _MOVES and not _overlaps((f.span.start, f.span.end), closed)
                   for f in techniques)


def brush_off(
    techniques: tuple[Finding, ...], anti_patterns: tuple[Finding, ...],
    commitments: tuple[Commitment, ...], context: Context, text: str = "",
) -> Finding | None:
    """The finding that makes the reply a brush-off, or None.

    A reply to an upset customer (hot, or warm or venting) whose only content is
    playing it down, defending ourselves or handing it on (:data:`_DISMISSING`), with
    no apology, empathy or reflection (:data:`_SIDES`), plan or ownership (:data:`_DOES`) or
    promise, tells the customer it is not our problem: that is unfit to send,
    though each kind alone only asks to improve a reply that also helps (D32).
    What the dismissing words or a closing line hold ("you're not the only one",
    "anything else I can help with") does not count, nor a "sorry" said in the
    dismissing sentence ("Not really my department, sorry.").
    """
    calm = (context.temperature is not None and context.temperature < WARM_C
            and not context.venting)
    if context.situation not in ("hot", "calmer") or calm or commitments:
        return None
    dismissing = [f for f in anti_patterns
                  if f.name in _DISMISSING and not _OWN_STORY.search(f.span.text)]
    if not dismissing:
        return None
    from kettle.analysis.coach_text import sentences

    away = [(f.span.start, f.span.end) for f in anti_patterns]
    away += closings(text)
    # A "sorry" after the dismissal in its sentence is part of it ("Not my department, sorry").
    aside = away + [(f.span.end, s.end) for s in sentences(text) for f in dismissing
                    if s.start <= f.span.start < s.end]
    for f in techniques:
        span = (f.span.start, f.span.end)
        if ((f.name in _DOES and not _overlaps(span, away))
                or (f.name in _SIDES and not _overlaps(span, aside))):
            return None
    return dismissing[0]


def _vague(commitments: tuple[Commitment, ...], context: Context, text: str) -> bool:
    """Does the reply leave the customer without a time it owes them?

    A promise said vaguely ("soon") needs a time; so does a reply whose promises
    all lack one. A timed promise beside an untimed one ("I'll call you by 3 pm,
    and I'll credit your account") gives the customer a time to hold on to.
    ("Let's do the address first and then the bill" is this call's order, not a
    promise: the caller leaves it out, D29.)
    """
    vague = any(c.vague for c in commitments) or (
        bool(commitments) and all(c.due is None for c in commitments))
    if context.asks and not any(GET_BACK.search(c.action) or _FINDS_OUT.search(c.action)
                                 for c in commitments):
        # A calm customer's question answered with how things go ("You'll get a
        # confirmation text shortly", "We'll cancel the old direct debit and set up the
        # new one"): no callback is owed, so no time either (2026-12-07 probe).
        return False
    if text and not any(c.due is not None and not c.vague for c in commitments):
        # "This will be looked into in due course": no promise, and no time either. (The
        # literal first: the regex costs some 20 µs on a long e-mail.)
        return vague or ("be " in text.lower() and PASSIVE_VAGUE.search(text) is not None)
    return vague


def judge(
    techniques: tuple[Finding, ...],
    anti_patterns: tuple[Finding, ...],
    commitments: tuple[Commitment, ...],
    context: Context,
    now: datetime | None = None,
    text: str = "",
) -> Judgement:
    """The verdict with its main reason, the advice, and what is missing.

    ``now`` is when the reply is sent, in the customer's zone; with it, a
    promise whose time has already passed is caught. ``text`` is the reply.
    """
    lacking = missing(techniques, commitments, context, text)
    late = passed(commitments, now)
    anti_patterns = by_severity(anti_patterns)
    blocking = [f for f in anti_patterns if f.name in DONT_SEND]
    verdict: Verdict
    dismissal = None if blocking else brush_off(techniques, anti_patterns, commitments,
                                                 context, text)
    if blocking:
        verdict, reason = "dont_send", _finding_reason(blocking[0])
    elif dismissal is not None:
        verdict, reason = "dont_send", "brush-off: " + _finding_reason(dismissal) + (
            " Nothing else in the reply takes the customer's side or says what you will do.")
    elif anti_patterns:
        verdict, reason = "improve", _finding_reason(anti_patterns[0])
    elif late:
        phrase = late[0].due_phrase
        verdict, reason = "improve", f"the promised time has passed: \u201c{phrase}\u201d"
    elif lacking:
        verdict, reason = "improve", f"missing {lacking[0].replace('_', ' ')}"
    else:
        verdict, reason = "send", "follows the method for this point in the conversation"
    return Judgement(verdict, reason,
                     _advice(anti_patterns, lacking, commitments, context, late), lacking)


def _finding_reason(finding: Finding) -> str:
    name = finding.name.replace("_", " ")
    return f"{name}: \u201c{finding.span.text}\u201d \u2014 {finding.message}"


def _advice(
    anti_patterns: tuple[Finding, ...],
    lacking: tuple[str, ...],
    commitments: tuple[Commitment, ...],
    context: Context,
    late: tuple[Commitment, ...] = (),
) -> str:
    temp = f" ({context.temperature:.0f} \u00b0C)" if context.temperature is not None else ""
    parts = [_NEXT_MOVE[context.situation].format(temp=temp)]
    for finding in anti_patterns[:3]:
        parts.append(f"Replace \u201c{finding.span.text}\u201d with \u201c{finding.rewrite}\u201d")
    for commitment in late[:1]:
        due = commitment.due.strftime("%H:%M %a %d %b") if commitment.due else ""
        parts.append(
            f"\u201c{commitment.due_phrase}\u201d is already past ({due}): give a time "
            "still ahead of you."
        )
    parts.extend(_MISSING_HINT[name] for name in lacking if name in _MISSING_HINT)
    for commitment in commitments:
        if commitment.due is None or commitment.vague:
            parts.append(
                f"\u201c{commitment.span.text}\u201d has no time: say by when "
                "(\"by 5 pm today\", \"within 48 hours\")."
            )
            break
    return " ".join(parts)


def apply_rewrites(reply: str, anti_patterns: tuple[Finding, ...]) -> str:
    """The reply with each offending sentence replaced by its finding's rewrite."""
    from kettle.analysis.coach_text import sentences

    out: list[str] = []
    cursor = 0
    for sentence in sentences(reply):
        hits = [f for f in anti_patterns if sentence.start <= f.span.start < sentence.end]
        if not hits or hits[0].rewrite is None:
            continue
        out.append(reply[cursor : sentence.start])
        out.append(hits[0].rewrite)
        cursor = sentence.end
    out.append(reply[cursor:])
    return "".join(out)
