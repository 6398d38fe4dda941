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

from kettle.analysis.coach_context import HOT_C
from kettle.analysis.conversation import Conversation, as_turns, zone_hint
from kettle.analysis.language import looks_english
from kettle.analysis.llm import DraftBackend, DraftKind, vet
from kettle.analysis.playbook import Playbook, default_playbook
from kettle.analysis.stage import StageState, is_read, walk
from kettle.analysis.stage_promises import open_promises
from kettle.analysis.suggest_follow import (
    BUT,
    CLOSING,
    closed_now,
    follow_up,
    glad,
    missed,
    new_problem,
    progress,
)
from kettle.analysis.suggest_need import need_plan
from kettle.analysis.suggest_plan import failure, plan_action, wanted
from kettle.analysis.suggest_pushback import pushback
from kettle.analysis.suggest_question import answer_plan
from kettle.analysis.suggest_reflect import (
    RECENCY,
    clauses,
    ranked,
    reflection,
    upset,
)
from kettle.analysis.suggest_safety import asked_for, fraud, hazard, protect
from kettle.analysis.suggest_spelling import echoes, typos
from kettle.analysis.suggest_time import (
    before_deadline,
    local_now,
    promise_time,
    say_time,
    urgent_time,
)
from kettle.analysis.suggest_topic import topic
from kettle.analysis.types import Commitment, Reading, Suggestion, Turn
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


@dataclass(frozen=True, slots=True)
class _Case:
    """Where the case stands, for the wordings: a promise missed, or closed."""

    when: str
    about: str
    late: bool = False
    closed: bool = False


def _wordings(turns: tuple[Turn, ...], reading: Reading | None, case: _Case,
              playbook: Playbook) -> dict[DraftKind, list[str]]:
    from kettle.analysis.thermometer import read_many

    said = [t.text for t in turns if t.role == "customer" and t.text.strip()
            and looks_english(t.text)][-len(RECENCY):]  # no foreign words said back (D35)
    # "Thanks, it came. But the PIN letter hasn't", "No, the refund still hasn't arrived":
    # that is the point, not the complaint they opened with.
    after = new_problem(turns) or pushback(turns)
    if after.strip(" .,;:-"):  # not its "though": "…is the wrong colour though."
        said = [re.sub(r"\s+(?:though|however)(?=\W*$)", "", after.strip(" ,;:-"))]
    recent = []
    for text in reversed(said):
        parts = clauses(text)
        recent.append((text, [(r.hot, r.signals) for r in read_many(parts, playbook=playbook)]))
    typo = typos(" ".join(said))  # no misspelt words said back (D36)
    bodies = [b for b in ranked(recent) if not echoes(b, typo)]
    told = " ".join(said)
    last = said[-1] if said else ""
    if case.closed:  # glad of what they just told us (2026-12-07 probe)
        return {"follow_up": [glad(last, case.about)], "closing": [CLOSING],
                "reflection": [], "plan": [], "progress": []}
    return {
        "reflection": [reflection(b, reading, text=told, let_down=case.late) for b in bodies[:3]]
        + [reflection(None, reading, text=told, let_down=case.late)],
        "plan": [_plan(told, last, case)],
        "progress": [progress(case.about, case.when, late=case.late)],
        "follow_up": [follow_up(case.about, late=case.late)],
        "closing": [CLOSING],
    }


def _plan(told: str, last: str, case: _Case) -> str:
    """A danger first, then fraud (protect, then claim), then what they asked for outright
    (D29), then the answer to their question, then what went wrong; a missed promise is
    owned first."""
    when = case.when
    danger = hazard(told)
    urgent = (danger or protect(told, when) or asked_for(last, when) or wanted(last, when)
              or need_plan(last, when) or answer_plan(last, when))
    if urgent is None:
        urgent = f"I will {plan_action(told, case.about, last)} and get back to you {when}."
    if case.late and not danger:
        return "I'm sorry we didn't keep our promise. " + urgent
    return urgent


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
    foreign: bool = False,
) -> list[Suggestion]:
    """The backend's drafts of each kind that pass the coach (or pass once repaired).

    A draft is marked ``english=False`` as the embedded wordings are (D42) when the
    customer wrote in another language, and also when the draft itself is not English:
    the coach reads English only, so such a draft went through unjudged (D38's
    ``not_checked``) and a speaker of that language should read it before it is sent.
    """
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
                out.append(Suggestion(kind=kind, text=text, source="llm",
                                      english=not foreign and looks_english(text)))
    return out


def _kinds(state: StageState, *, upset: bool, calm_now: bool, late: bool,
           closed: bool) -> tuple[DraftKind, ...]:
    """The kinds of wording that fit where the case stands, most useful first.

    ``upset``: the customer tells of a grievance; ``calm_now``: their latest words
    are calm (an "OK, thanks" to a plan); ``late``: a promise to them was missed;
    ``closed``: the case is resolved, or the customer has just said so.
    """
    if closed:
        return ("follow_up", "closing")  # no plan, update or reflection of the old complaint
    stage = state.stage if state.stage not in ("resolved", "followed_up") else "in_progress"
    kinds = ORDER[stage]  # a "resolved" case not closed is still in progress
    open_case = state.grievance or upset or late
    if not open_case and stage in ("venting", "acknowledged"):
        # A calm customer with nothing wrong yet: no progress report or follow-up to
        # word ("I'm still working on it" to "What time do you close?"; 2026-12-07 probe).
        kinds = tuple(k for k in kinds if k not in ("progress", "follow_up"))
    if open_case or stage in ("facts_confirmed", "plan_agreed", "in_progress"):
        kinds = tuple(k for k in kinds if k != "closing")  # not while the case is open
    if calm_now and not late and stage in ("plan_agreed", "in_progress"):
        kinds = tuple(k for k in kinds if k != "reflection")  # "OK, thanks" to a plan
    if late:  # the chaser owns the miss first
        kinds = ("progress", *(k for k in kinds if k != "progress"))
    return kinds


def _when(moment: datetime, said: str, readings: Sequence[Reading], tz: str | None,
          book: Playbook) -> tuple[datetime, str]:
    """The time to promise: business hours, sooner when the customer cannot wait."""
    due, when = promise_time(moment, book)
    last = readings[-1] if readings else None
    soon = urgent_time(moment, said, hot=last is not None and last.temperature >= HOT_C,
                       vulnerable=fraud(said) or any(s.kind == "vulnerability"
                                                     for r in readings[-2:] for s in r.signals))
    if soon is not None and soon[0] < due:
        due, when = soon
    sooner = before_deadline(moment, due, said, tz, book)  # before the customer's own deadline
    if sooner is not None:
        due, when = sooner
    return due, when


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
    tz = tz if tz is not None else zone_hint(turns)  # the zone the turns' times are in
    readings = tuple(read(t.text, context=turns[:i], playbook=book)
                     for i, t in enumerate(turns) if is_read(t))
    state = walk(turns, readings)
    moment = local_now(now or next((t.sent_at for t in reversed(turns) if t.sent_at), None), tz)
    said = " ".join(t.text for t in turns[-4:] if t.role == "customer")
    due, when = _when(moment, said, readings, tz, book)
    # An update comes before the time already promised ("by 10 pm tonight"), not after it.
    promises = open_promises(turns, now=moment, tz=tz, playbook=book)
    kept = [p.due for p in promises if p.due is not None and moment < p.due < due]
    if kept:
        when = say_time(moment, min(kept))
    late = missed(turns, promises, moment)
    last = readings[-1] if readings else None
    foreign = last is not None and not last.english  # D35: nothing of theirs said back
    if foreign:
        closed, kinds = False, _kinds(state, upset=True, late=late, closed=False, calm_now=False)
    else:
        closed, kinds = _where(turns, state, last, said, when, moment, promises, late)
    case = _Case(when, "this" if foreign else topic(turns), late=late, closed=closed)
    wordings = _foreign(case) if foreign else _wordings(turns, last, case, book)
    problems: list[str] = []
    out = (_llm_drafts(backend, turns, kinds, book, moment, tz, problems, foreign)
           if backend else [])
    for kind in kinds:
        text = _first_clean([*wordings[kind], _SAFE[kind]], turns, book, moment, tz)
        if text is not None:
            out.append(Suggestion(kind=kind, text=text, english=not foreign))
    return SuggestResult(out, problems)


def _where(turns: tuple[Turn, ...], state: StageState, last: Reading | None, said: str,
           when: str, moment: datetime, promises: Sequence[Commitment],
           late: bool) -> tuple[bool, tuple[DraftKind, ...]]:
    """Whether the case is closed, and the kinds of wording that fit it."""
    latest = next((t.text for t in reversed(turns) if t.role == "customer"), "")
    grieves = (upset(last, said) or bool(hazard(said)) or failure(said)
               or asked_for(latest, when) is not None)  # "I'd like a partial refund" is open
    # Not closed when their latest words tell of something broken or missing ("Thanks, it
    # came but the screen is cracked"), whatever the stage says.
    # Nor while a promise of ours is still to come ("An engineer will fix it by 10pm tonight").
    closed = not any(p.due is not None and p.due > moment for p in promises) and (
        (state.stage in ("resolved", "followed_up") and not failure(latest)
         and not BUT.search(latest))
        or closed_now(turns))
    return closed, _kinds(state, upset=grieves, late=late, closed=closed,
                          calm_now=last is not None and not upset(last, latest)
                          and not BUT.search(latest))


def _foreign(case: _Case) -> dict[DraftKind, list[str]]:
    """Wordings for a customer who wrote in another language (D35): none says their words
    back inside an English sentence or guesses a feeling from a reading of them as English;
    the reflection is the plain one ("I'm sorry this has happened…"). Each is marked
    ``english=False``: a speaker of their language should word the reply."""
    return {"reflection": [], "plan": [f"I will look into this and get back to you {case.when}."],
            "progress": [progress("this", case.when, late=case.late)],
            "follow_up": [follow_up("this", late=case.late)], "closing": [CLOSING]}


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
