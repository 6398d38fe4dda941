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
from kettle.analysis.suggest_plan import failure, plan_action
from kettle.analysis.suggest_pushback import pushback
from kettle.analysis.suggest_question import answer_plan
from kettle.analysis.suggest_reflect import (
    NEED_LEAD,
    RECENCY,
    clauses,
    ranked,
    reflection,
    upset,
)
from kettle.analysis.suggest_safety import asked_for, fraud, hazard, protect
from kettle.analysis.suggest_spelling import echoes, has_misspelt, misspelt, typos
from kettle.analysis.suggest_time import (
    before_deadline,
    local_now,
    promise_time,
    say_time,
    urgent_time,
)
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
_TOPIC = re.compile(r"\b(?:my|our)\s+([a-z]{3,}(?:\s+[a-z]{3,}){0,2})", re.IGNORECASE)
#: The thing we promised or sent ("the refund you promised last week").
_PROMISED = re.compile(
    r"\b(?:the|my|our)\s+([a-z]{3,})\s+(?:you|your\s+\w+|they|we)\s+(?:promised|said|quoted"
    r"|booked|arranged|sent|agreed|delivered|installed|fitted|sold|supplied)\b", re.IGNORECASE)
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
        "heart", "patience", "business", "days", "day", "hours", "money",
        # People and places around the problem, not the problem ("a gift for my mum's
        # birthday", "mud all through my house").
        "mum", "mom", "dad", "mother", "father", "wife", "husband", "son", "daughter",
        "kids", "children", "child", "family", "partner", "grandmother", "grandma",
        "grandfather", "grandad", "friend", "friends", "boss", "sister", "brother", "baby",
        "neighbour", "neighbor", "house", "home", "flat", "rent", "birthday", "wedding",
        "way", "client",
        # Someone who acts for the customer, and "my bad" (2026-12-06 probe).
        "solicitor", "lawyer", "attorney", "landlord", "landlady", "employer", "doctor",
        "dentist", "accountant", "bad",
        # Occasions and places the problem spoils, and sides (2026-12-07 probe: "your lunch",
        # "your side", "your restaurant", "your builder").
        "funeral", "anniversary", "party", "holiday", "inspection", "meeting", "interview",
        "exam", "trip", "lunch", "side", "end", "behalf", "restaurant", "shop", "office",
        "school", "builder", "customers", "guests",
        # Not things to track down or put right (D29: "your late", "track down your job").
        "late", "elderly", "job", "company", "work", "production", "graduation", "loss",
        "death", "pension", "salary", "wages", "career", "health", "condition",
    ]
)
#: Someone on our side: "your engineer turned up late" is about what they did.
_PEOPLE = frozenset(
    ["engineer", "driver", "agent", "staff", "movers", "courier", "guy", "technician", "man",
     "woman", "person", "colleague", "manager", "team", "advisor", "adviser", "rep"]
)
#: Words too general to name what went wrong ("the problem is", "the same").
_GENERAL = frozenset(
    ["problem", "issue", "thing", "things", "same", "one", "reason", "worst", "only", "last",
     "rest", "point", "fact", "whole", "other", "first", "next", "best", "situation", "matter",
     "answer", "question", "end", "result", "results", "this", "that", "there", "reply",
     "response", "message", "opinion", "hands", "hand", "address", "conversation", "words",
     "picture", "graph", "user", "users", "customers", "help", "activity", "phenomenon",
     "policy", "symptom", "agreement", "transfer", "dormitory", "office", "room", "efforts",
     "feedback", "questions", "purpose", "location", "age", "depth"]
)
#: The thing that went wrong, named before its failure ("The kettle I bought arrived
#: with a cracked lid", "My card has been blocked", "the battery still doesn't charge").
#: "my X" with any verb; "the X" only with a verb of failure or after "I bought".
_FAILED = re.compile(
    r"\b(?:(?P<mine>my|our)\s+(?P<w1>[a-z]{3,})\s+(?:(?:still|has|have)\s+)?"
    r"(?:was|were|is|are|has|have|got|came)\b"
    r"|(?P<the>the|my|our|your)\s+(?P<w2>[a-z]{3,}(?:\s+(?!(?:i|we|has|have|is|are|was|were|still"
    r"|just|now|never)\b)[a-z]{3,})?)\s+(?:(?:i|we)\s+(?:bought|ordered|got|booked"
    r"|received|paid\s+for)\s+[a-z]+|(?:still\s+|just\s+|now\s+)?(?:arrived|broke|stopped|keeps"
    r"|kept|hasn['’]t|haven['’]t|never|didn['’]t|won['’]t|doesn['’]t|isn['’]t|wasn['’]t|crashe[sd]"
    r"|(?:has|have|did|does|is|was|will)\s+not"
    r"|says\s+(?:it\s+was\s+)?delivered|shows\s+(?:as\s+)?delivered"
    r"|fail(?:s|ed)|froze|freezes))\b)",
    re.IGNORECASE,
)
#: "my grandmother's dresser": the thing, with its owner ("my bag's gone" is "my bag
#: has gone").
_OWNED = re.compile(
    r"\b(?:my|our)\s+([a-z]{3,})['’]s\s+(?!(?:gone|been|not|still|broken|missing|arrived|lost"
    r"|late|stuck|damaged|never|just|now|finally|already|got|taken|disappeared|delayed|due|over"
    r"|out|off|on|in|at|here|there|all|almost|nearly|only|really|so|very|completely|totally)\b)"
    r"([a-z]{3,})", re.IGNORECASE)
_MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"]
)
#: A first word that describes the thing ("my cancelled holiday").
_DESCRIBING = re.compile(r"[a-z]+ed$|broken|faulty|missing|wrong|damaged|lost", re.IGNORECASE)
_MODIFIERS = frozenset(
    [
        "new", "old", "last", "first", "whole", "entire", "online", "recent", "latest", "current",
        "second", "two", "three", "four", "five", "six", "both", "mobile", "home", "internet",
        "broadband", "credit", "debit", "bank", "phone",
        "express", "gym", "car", "energy", "water", "gas", "electricity", "insurance", "tv",
        "train", "hotel", "return", "delivery", "refund", "data", "contract", "hard", "fixed",
        "smart", "annual", "monthly", "yearly", "weekly", "quarterly", "direct", "standing",
        "council", "heating", "cable", "fibre", "fiber", "premium", "joint", "savings",
        "business", "personal", "final", "latest", "usual", "washing", "coffee", *_MONTHS,
    ]
)
#: Words quoted from someone else ("another 'your call is important to us'").
_QUOTED = re.compile(r"(?:(?<=\s)|^)['\"‘“][^'\"’”\n]{3,80}?['\"’”](?=\s|[.,!?;:]|$)")
#: Words that end a topic rather than continue it ("my phone can't" -> "your phone").
_NOT_SECOND = frozenset(
    [
        "can", "could", "will", "would", "is", "was", "has", "have", "had", "does", "did",
        "keeps", "kept", "stopped", "the", "and", "but", "not", "never", "still", "just",
        "always", "again", "now", "today", "yesterday", "which", "that", "who", "for", "with",
        "when", "where", "how", "what", "if", "so", "to", "in", "on", "at", "of", "from", "as",
        "runs", "run", "gets", "got", "went", "goes", "are", "were",
    ]
)
#: Words that never name the failed thing (:func:`_failed_thing`).
_NOT_FAILED = _NOT_TOPIC | _PEOPLE | _GENERAL | _NOT_SECOND | _MODIFIERS
_NOT_PROMISED = _NOT_TOPIC | _PEOPLE | _GENERAL
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
    The customer's first message names what the conversation is about; later ones
    argue about it ("I checked my emails this morning"), so it is read first; but a new
    problem after good news in the latest turn ("The card came, but the PIN…") comes first.
    """
    after = new_problem(turns) or pushback(turns)  # "No, the refund still hasn't arrived"
    found = (_failed_thing(after) or _owned_thing(after)) if after else ""
    if found:
        return found
    for turn in turns:
        if turn.role != "customer":
            continue
        needed = _NEEDED.search(turn.text)
        if needed is not None and not _not_topic(needed.group(2).lower()):
            owner = "the" if needed.group(1).lower() == "the" else "your"
            return f"{owner} {needed.group(2).lower()}"
        text = _QUOTED.sub(" ", turn.text)
        found = _failed_thing(text) or _owned_thing(text)
        if found:
            return found
    return "this"


def _failed_thing(text: str) -> str:
    """The first thing named as failing ("the kettle", "your card") or that we promised
    ("the refund you promised"), or ""."""
    promised = _PROMISED.search(text)
    if promised is not None and promised.group(1).lower() not in _NOT_PROMISED:
        return f"the {promised.group(1).lower()}"
    for m in _FAILED.finditer(text):
        owner = (m.group("mine") or m.group("the")).lower()
        word = " ".join(w if w.isupper() and len(w) <= 4 else w.lower()
                        for w in (m.group("w1") or m.group("w2")).split())
        # One word is the thing itself ("the refund still hasn't arrived"), even one that
        # can describe another ("refund request").
        lone = " " not in word and word.lower() in _MODIFIERS - _NOT_TOPIC - _GENERAL - _PEOPLE
        if ((not lone and (word.lower() in _NOT_FAILED
                           or word.split()[0].lower() in _NOT_FAILED))
                or has_misspelt(word)):
            continue
        return f"{'your' if owner in ('my', 'our') else 'the'} {word}"
    return ""


def _not_topic(word: str) -> bool:
    """Not the problem, nor its plural ("my sons birthday", written with no apostrophe)."""
    return word in _NOT_TOPIC or (word.endswith("s") and word[:-1] in _NOT_TOPIC)


def _owned_thing(text: str) -> str:
    """The first thing the customer calls theirs ("my whole crew" -> "your whole crew")."""
    owned = _OWNED.search(text)
    for m in _TOPIC.finditer(text):
        if owned is not None and owned.start() == m.start():
            if owned.group(2).lower() in _NOT_TOPIC:  # "my son's birthday": not the topic
                continue
            return f"your {owned.group(1).lower()}'s {owned.group(2).lower()}"
        words = m.group(1).lower().split()
        # "my acount" is not said back (D35): the words before the first slip, if any.
        words = words[:next((i for i, w in enumerate(words) if misspelt(w)), len(words))]
        if not words or _not_topic(words[0]) or words[0] in _GENERAL:
            continue
        second = words[1] if len(words) >= 2 else ""
        if second and second not in _NOT_SECOND and (
                words[0] in _MODIFIERS or _DESCRIBING.fullmatch(words[0])):
            first = words[0].capitalize() if words[0] in _MONTHS else words[0]
            if len(words) == 3 and second in _MODIFIERS and words[2] not in _NOT_FAILED:
                return f"your {first} {second} {words[2]}"  # "your new washing machine"
            return f"your {first} {second}"
        return f"your {words[0]}"
    return ""


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

    said = [t.text for t in turns if t.role == "customer" and t.text.strip()][-len(RECENCY):]
    # "Thanks, it came. But the PIN letter hasn't", "No, the refund still hasn't arrived":
    # that is the point, not the complaint they opened with.
    after = new_problem(turns) or pushback(turns)
    if after.strip(" .,;:-"):  # not its "though": "…is the wrong colour though."
        said = [re.sub(r"\s+(?:though|however)(?=\W*$)", "", after.strip(" ,;:-"))]
    recent = []
    for text in reversed(said):
        parts = clauses(text)
        recent.append((text, [(r.hot, r.signals) for r in read_many(parts, playbook=playbook)]))
    typo = typos(" ".join(said))  # no misspelt words said back (D35)
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
    urgent = danger or protect(told, when) or asked_for(last, when) or answer_plan(last, when)
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
    kinds = _kinds(state, upset=grieves, late=late, closed=closed,
                   calm_now=last is not None and not upset(last, latest)
                   and not BUT.search(latest))
    case = _Case(when, topic(turns), late=late, closed=closed)
    wordings = _wordings(turns, last, case, book)
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
