"""Promises in an agent's words and their absolute due times.

``extract`` finds each first-person commitment clause ("I'll call you back by
5 pm", "we will refund you within 48 hours", "let me check"), the action it
promises, and the time words in it, resolved by :mod:`kettle.analysis.timeparse`
in the customer's zone. One clause is one promise: verbs joined under one
subject ("I will call the depot now and call you back by 5 pm") are one promise,
due at the latest time named in it. What counts and what does not is in
:mod:`kettle.analysis.commit_patterns` and docs/promises_labelling.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from kettle.analysis import commit_patterns as pat
from kettle.analysis import email_text
from kettle.analysis.commit_timewords import NUMBERS
from kettle.analysis.conversation import clean_text
from kettle.analysis.playbook import Playbook, default_playbook
from kettle.analysis.thermo_gate import LiteralGated, may_hold
from kettle.analysis.timeparse import TimePhrase, find_times, reference_time, zone_of
from kettle.analysis.types import Commitment, Span

_TRIM = " \t\n,.;:!~-–"


def extract(
    text: str,
    *,
    now: datetime | None = None,
    tz: str | None = None,
    playbook: Playbook | None = None,
) -> tuple[Commitment, ...]:
    """Every commitment in ``text``, in order, with its due time in zone ``tz``.

    ``now`` is when the text was sent (naive: wall time in ``tz``; default: the
    clock). ``tz`` is the customer's IANA zone (default UTC); an unknown zone
    raises :class:`~kettle.errors.UnknownTimeZone`.
    """
    # Not the quoted thread nor a footer, nor a speaker's "er" ("I'll, er, resend it").
    original = email_text.own_words(clean_text(text))
    text = _unfilled(original)
    zone = zone_of(tz)
    if not _may_promise(text):
        return ()
    book = playbook or default_playbook()
    ref = reference_time(now, zone)
    found: list[Commitment] = []
    for start, end in _sentences(text):
        found.extend(_in_sentence(text, start, end, ref, zone, book))
    if text is not original:  # spans say what was written, hesitations and all
        return tuple(replace(c, span=Span(c.span.start, c.span.end,
                                          original[c.span.start:c.span.end])) for c in found)
    return tuple(found)


#: A speaker's hesitation in a transcribed call, with its commas: "I'll, er, resend it".
# Lower case or capitalised only: "ER" is the emergency room (D29 review).
_HESITATION = re.compile(
    r"(?:,\s*)?\b(?:[Ee]r+|[Ee]rm+|[Uu]m+|[Uu]h+|[Uu]hm+|[Hh]mm+)\b(?:\s*,)?(?=\s)")


#: One of these is in every hesitation ("er" alone is in most words: "order", "very").
_HESITATION_LITERALS = (" er ", " er,", "er, ", " erm", "um", "uh", "hmm")


def _unfilled(text: str) -> str:
    """``text`` with hesitations blanked, one space per character (spans keep their offsets)."""
    if not may_hold(text, _HESITATION_LITERALS):
        return text
    return _HESITATION.sub(_blank_hesitation, text)


#: A subject and its modal said again after the hesitation: "So I'll, um, I'll email it".
_SAID_AGAIN = re.compile(r"\s*(?:i|we)(?:['’]ll|\s+will|['’]m|\s+am|['’]re|\s+are)\b",
                         re.IGNORECASE)


def _blank_hesitation(match: re.Match[str]) -> str:
    """Spaces for the hesitation; its leading comma stays when the speaker starts the
    promise again ("I'll, um, I'll email it" reads as "I'll, I'll email it")."""
    said = match.group()
    if said.startswith(",") and _SAID_AGAIN.match(match.string, match.end()):
        return "," + " " * (len(said) - 1)
    return " " * len(said)


#: Does ``PREFILTER`` match? Two replies in three hold none of its words, which a
#: few ``in`` tests of its literals tell faster than the regex does.
_may_promise = LiteralGated(pat.PREFILTER)
_PREFILTER_LITERALS = _may_promise.literals


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for boundary in pat.BOUNDARY.finditer(text):
        yield start, boundary.end()
        start = boundary.end()
    if start < len(text):
        yield start, len(text)


def _in_sentence(
    text: str, start: int, end: int, now: datetime, zone: ZoneInfo, book: Playbook
) -> list[Commitment]:
    if "?" in text[start:end].rstrip()[-2:]:
        # "I'll call you tomorrow - does 10am work?": the promise before the check-in stands.
        check_in = pat.CHECK_IN.search(text, start, end)
        if check_in is None:
            return []
        end = check_in.start()
    if pat.PREFILTER.search(text, start, end) is None:
        return []
    quoted = [m.span() for m in pat.QUOTED.finditer(text, start, end)]
    heads = sorted((h for h in _heads(text, start, end)
                    if not any(a <= h[0] < b for a, b in quoted)), key=lambda h: h[0])
    out = []
    region = start
    for index, (head, verb) in enumerate(heads):
        stop = heads[index + 1][0] if index + 1 < len(heads) else end
        cut = pat.CLAUSE_END.search(text, verb, stop)
        clause_end = cut.start() if cut else stop
        region = _clause_start(text, region, head)
        times = find_times(text, region, clause_end, now=now, zone=zone, playbook=book)
        times = _own_times(text, start, head, times)
        if index == 0 and not times:
            times = _given(text, start, head, now, zone)
        if not times:  # "I'll waive the fee and you'll see it gone from your account today"
            times = _shown_by(text, clause_end, stop, now, zone, book)
        out.append(_commitment(text, head, verb, clause_end, times))
        region = clause_end
    return out


#: "Give me ten minutes and I'll call you back": the time the agent asks for, at the start
#: of the sentence, is the promise's due time (2026-12-07).
_GIVE_ME = re.compile(
    r"\W*(?:(?:ok(?:ay)?|right|just|please|so)[,\s]+)*(?:give|allow)\s+(?:me|us)\s+"
    r"(?:(?:another|just|about|around)\s+)?(?P<n>\d{1,3}|a\s+couple\s+of|an?|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty-five)\s+(?P<unit>min(?:ute)?s?"
    r"|hours?|hrs?)\b(?:\s+or\s+so)?",
    re.IGNORECASE,
)


def _given(text: str, start: int, head: int, now: datetime, zone: ZoneInfo) -> list[TimePhrase]:
    """The time asked for before the promise ("Give me ten minutes and …"), if any."""
    asked = _GIVE_ME.match(text, start, head)
    if asked is None:
        return []
    word = " ".join(asked.group("n").lower().split())
    count = int(word) if word.isdigit() else NUMBERS.get(word, 1)
    minutes = count * (1 if asked.group("unit").lower().startswith("min") else 60)
    due = (now.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(zone)
    phrase = text[asked.start():asked.end()].strip(_TRIM)
    return [TimePhrase(asked.end() - len(phrase), asked.end(), phrase, due, False)]


#: The promise's effect, said next in its sentence with the time the customer will see it:
#: "…, and you'll see it gone from your account today", "and it will show by Friday"
#: (2026-12-08 chat probe). Its time is the promise's.
_SHOWN = re.compile(
    r"\s*,?\s*and\s+(?:you['’]ll|you\s+will|you\s+should|it['’]ll|it\s+will|it\s+should"
    r"|that['’]ll|that\s+will|that\s+should)\s+(?:(?:then|also)\s+)?(?:see|get|have|receive"
    r"|notice|show|appear|reach|arrive|land|be\s+(?:refunded|credited|back|gone|cleared"
    r"|removed|visible|reflected|updated))\b",
    re.IGNORECASE,
)


def _shown_by(text: str, clause_end: int, stop: int, now: datetime, zone: ZoneInfo,
              book: Playbook) -> list[TimePhrase]:
    """The time of the promise's effect said right after it (:data:`_SHOWN`), if any."""
    shown = _SHOWN.match(text, clause_end, stop)
    if shown is None:
        return []
    cut = pat.CLAUSE_END.search(text, shown.end(), stop)
    return find_times(text, shown.end(), cut.start() if cut else stop, now=now, zone=zone,
                      playbook=book)


def _clause_start(text: str, start: int, head: int) -> int:
    """Where the clause of a promise begins: time words before it belong to it
    ("Tomorrow morning I will call you"), but not those of an earlier clause,
    nor those of a condition ("If it's not fixed by Friday, I'll escalate it")."""
    begin = start
    for joint in pat.CLAUSE_JOINT.finditer(text, start, head):
        begin = joint.end()
    for condition in pat.CONDITION.finditer(text, start, head):
        begin = max(begin, condition.end())
    return begin


_DO_IS = re.compile(r"\s+is\s+(?:to\s+)?(?=\w)", re.IGNORECASE)
_DO_IS_THEN = re.compile(r"\s+is\s*[,:;]", re.IGNORECASE)
#: A duration counted from some moment ("within 24 hours", "in 2 days").
_RELATIVE = re.compile(r"^(?:within|in|over|during|inside|no\s+later\s+than)\b", re.IGNORECASE)


def _own_times(text: str, start: int, head: int, times: list[TimePhrase]) -> list[TimePhrase]:
    """``times`` less the durations counted from an event rather than from now:
    "within 24 hours of receiving payment", "Once the payment clears, we will
    ship within 24 hours". Such a promise has no due time yet (nor is it vague)."""
    waits = pat.EVENT_LEAD.match(text, start, head) is not None
    return [t for t in times
            if not (_RELATIVE.match(t.text)
                    and (waits or pat.AFTER_EVENT.match(text, t.end) is not None))]


#: How far back in its sentence a promise looks for what governs it (a disclaimer, a
#: hedge, the "I" of "... and will verify"): one clause or three, not a 20,000-character
#: run-on, so that many promises in one sentence cost linear time.
LOOK_BACK = 300


def _back(start: int, at: int) -> int:
    """Where a look back from ``at`` begins: the sentence's ``start``, or :data:`LOOK_BACK`
    characters before ``at``."""
    return max(start, at - LOOK_BACK)


def _heads(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start of the promise, start of its action) for each commitment head."""
    for match in pat.COMMIT.finditer(text, start, end):
        if match.group("subj").lower() == "and" and not pat.FIRST_PERSON.search(
            text, _back(start, match.start()), match.start()
        ):
            continue
        if _disclaimed(text, start, match.start("subj")):
            continue  # "I can't guarantee the engineer will come tomorrow"
        if match.group("verb").lower() == "let" and pat.LET_YOU.match(text, match.end("verb")):
            continue  # "I'll let you decide"
        if match.group("verb").lower() == "do" and _DO_IS_THEN.match(text, match.end("verb")):
            continue  # "So what I'll do is, I'll raise a ticket": the next head is the promise
        if _is_action(text, match):
            # "What I'll do is put a note on the account": the action is what follows.
            said = _DO_IS.match(text, match.end("verb")) if match.group("verb").lower() == "do" \
                else None
            yield match.start("subj"), said.end() if said else match.start("verb")
    for match in pat.NOT_FAIL.finditer(text, start, end):
        if match.group("verb").lower() not in pat.NOT_ACTIONS:
            yield match.start("subj"), match.start("verb")
    for match in pat.ARRANGED.finditer(text, start, end):
        yield match.start("subj"), match.start("who")
    for match in pat.LET.finditer(text, start, end):
        if match.group("verb").lower() not in pat.LET_NOT:
            yield match.start("subj"), match.start("verb")
    for match in pat.YOU.finditer(text, start, end):
        if match.group("esubj") is not None:
            yield match.start("esubj"), match.end("esubj") - len("expect")
        elif not match.group("neg") and not pat.HEDGE.search(
                text, _back(start, match.start("subj")), match.start("subj")):
            yield match.start("subj"), match.start("verb")


_TURN = re.compile(r"\b(?:but|however|though|although|yet)\b|[;:]", re.IGNORECASE)


def _disclaimed(text: str, start: int, subject: int) -> bool:
    """Is the promise at ``subject`` one the agent says, in the same clause, they cannot
    vouch for? ("I can't promise it'll be there by Friday"; not "…, but I'll call you")."""
    found = list(pat.DISCLAIMED.finditer(text, _back(start, subject), subject + 1))
    return bool(found) and _TURN.search(text, found[-1].end(), subject) is None


def _is_action(text: str, match: re.Match[str]) -> bool:
    if match.group("neg"):
        return False
    verb = match.group("verb").lower()
    if verb == "be" and pat.TEAM_SUBJECT.match(match.group("subj")):
        return pat.TEAM_BE.match(text, match.end("verb")) is not None
    if verb == "be":
        return pat.BE_STATES.match(text, match.end("verb")) is None
    if verb == "have":
        return pat.HAVE_ACTION.match(text, match.end("verb")) is not None
    if verb in pat.STAYING:
        return pat.STAY_ACTION.match(text, match.end("verb")) is not None
    return verb not in pat.NOT_ACTIONS


def _commitment(
    text: str, head: int, verb: int, clause_end: int, times: list[TimePhrase]
) -> Commitment:
    chosen = _choose(times)
    action = _action(text, verb, clause_end, times)
    span_end = max([clause_end] + [t.end for t in times])
    while span_end > head and text[span_end - 1] in _TRIM:
        span_end -= 1
    return Commitment(
        action=action,
        span=Span(head, span_end, text[head:span_end]),
        due=chosen.due if chosen else None,
        due_phrase=chosen.text if chosen else None,
        vague=chosen is not None and chosen.due is None,
    )


def _choose(times: list[TimePhrase]) -> TimePhrase | None:
    """The latest concrete time (the promise is kept when all of it is done), else a vague one."""
    concrete = [t for t in times if t.due is not None]
    if concrete:
        return max(concrete, key=lambda t: t.due or datetime.min)
    vague = [t for t in times if t.vague]
    return vague[0] if vague else None


def _action(text: str, verb: int, clause_end: int, times: list[TimePhrase]) -> str:
    pieces = []
    cursor = verb
    for phrase in times:
        if phrase.end <= verb or phrase.start >= clause_end:
            continue
        pieces.append(text[cursor:max(cursor, phrase.start)])
        cursor = max(cursor, phrase.end)
    pieces.append(text[cursor:clause_end])
    action = re.sub(r"\s+", " ", " ".join(p.strip(_TRIM) for p in pieces if p.strip(_TRIM)))
    action = _FILLER.sub("", action)
    return _DANGLING.sub("", action.strip(_TRIM)).strip(_TRIM)


#: Words about the time left in the action once its phrase is cut out ("… at the latest").
_FILLER = re.compile(r"\s+(?:at\s+the\s+(?:very\s+)?(?:latest|earliest)|at\s+(?:the\s+)?most"
                     r"|or\s+so|or\s+thereabouts|tops|max)\b", re.IGNORECASE)


#: A preposition or conjunction left at the end once the time words are cut out.
_DANGLING = re.compile(
    r"(?:\s+(?:and|then|by|before|within|on|at|until|till|after|in|no later than|around|from|the"
    r"|usually))+$",
    re.IGNORECASE,
)
