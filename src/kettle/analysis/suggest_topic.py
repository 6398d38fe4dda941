"""What the customer is upset about, in their words ("your parcel"), for the plan, the
progress update and the follow-up (capability C3; moved out of ``suggestions``).

What they needed comes first, then a new problem after good news or a pushback on our
last answer (D36), then the first thing named as failing or called theirs. A word that
looks misspelt is not said back (``suggest_spelling``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kettle.analysis.suggest_follow import new_problem
from kettle.analysis.suggest_pushback import pushback
from kettle.analysis.suggest_reflect import NEED_LEAD
from kettle.analysis.suggest_spelling import has_misspelt, misspelt
from kettle.analysis.types import Turn

_TOPIC = re.compile(r"\b(?:my|our)\s+([a-z]{3,}(?:\s+[a-z]{3,}){0,2})", re.IGNORECASE)
#: The thing we promised or sent ("the refund you promised last week").
_PROMISED = re.compile(
    r"\b(?:the|my|our)\s+([a-z]{3,})\s+(?:you|your\s+\w+|they|we)\s+(?:promised|said|quoted"
    r"|booked|arranged|sent|agreed|delivered|installed|fitted|sold|supplied)\b", re.IGNORECASE)
#: What we promised them ("I was promised a refund by Friday"): the thing itself.
_PROMISED_ME = re.compile(
    r"\b(?:i|we)\s+(?:was|were|had\s+been|have\s+been|'ve\s+been)\s+promised\s+(?:a|an|my|our"
    r"|the)\s+([a-z]{3,})\b", re.IGNORECASE)
#: A promised contact is not a thing to track down ("I was promised a call back").
_CONTACT = frozenset(["call", "callback", "phone", "ring", "email", "visit", "text", "letter"])
#: Who the customer turns to when we fail them ("I'll dispute it with my bank"): not the
#: problem when named alone ("my bank account" still is).
_TURNED_TO = frozenset(["bank", "insurer", "ombudsman", "mp", "councillor", "union"])
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
    r"|fail(?:s|ed)|froze|freezes|(?:is|are|was|were)\s+(?:still\s+)?missing))\b)",
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
        "business", "personal", "final", "latest", "usual", "washing", "coffee", "repeat",
        *_MONTHS,
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
    if after and not found and _BACK.search(after):  # "The cushions came. One of them is…"
        found = _came_thing(turns[-1].text[: len(turns[-1].text) - len(after)])
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
    promised = _PROMISED_ME.search(text)
    if promised is not None and promised.group(1).lower() not in (
            _NOT_PROMISED | _GENERAL | _CONTACT):
        return f"your {promised.group(1).lower()}"  # "I was promised a refund" (2026-12-08)
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
    return _missing_thing(text)


def _not_topic(word: str) -> bool:
    """Not the problem, nor its plural ("my sons birthday", written with no apostrophe)."""
    return word in _NOT_TOPIC or (word.endswith("s") and word[:-1] in _NOT_TOPIC)


#: A new problem told of what has just come: "one of them", "it", "they".
_BACK = re.compile(r"\b(?:one\s+of\s+them|some\s+of\s+them|it|they|them)\b", re.IGNORECASE)
#: What has come ("the cushions came", "my new sofa arrived").
_CAME = re.compile(r"\b(?:the|my|our)\s+([a-z]{3,})\s+(?:has\s+|have\s+)?(?:came|come|arrived"
                   r"|turned\s+up|got\s+here|(?:was|were)\s+delivered)\b", re.IGNORECASE)
#: "I still have no refund": the thing missing ("your refund"), unless it names no thing.
_NO_THING = re.compile(r"\b(?:i|we)(?:\s+still)?(?:\s+have|['’]ve\s+(?:got|had)|\s+had|\s+got)\s+"
                       r"(?:absolutely\s+)?no\s+([a-z]{3,})\b(?!\s+(?:of|to)\b)", re.IGNORECASE)
_NOT_MISSING = frozenset(str.split(
    "idea choice way one answer reply response update news word clue option options need "
    "intention interest complaints complaint problem problems issue issues luck confidence trust "
    "faith hope sympathy patience time money access record records"))


def _came_thing(text: str) -> str:
    came = _CAME.search(text)
    if came is None or _not_topic(came.group(1).lower()) or misspelt(came.group(1)):
        return ""
    return f"the {came.group(1).lower()}"


def _missing_thing(text: str) -> str:
    for m in _NO_THING.finditer(text):
        word = m.group(1).lower()
        if not (word in _NOT_MISSING or _not_topic(word) or word in _GENERAL or word in _PEOPLE
                or misspelt(word)):
            return f"your {word}"
    return ""


def _owned_thing(text: str) -> str:
    """The first thing the customer calls theirs ("my whole crew" -> "your whole crew")."""
    owned = _OWNED.search(text)
    for m in _TOPIC.finditer(text):
        if owned is not None and owned.start() == m.start():
            if owned.group(2).lower() in _NOT_TOPIC:  # "my son's birthday": not the topic
                continue
            return f"your {owned.group(1).lower()}'s {owned.group(2).lower()}"
        words = m.group(1).lower().split()
        # "my acount" is not said back (D36): the words before the first slip, if any.
        words = words[:next((i for i, w in enumerate(words) if misspelt(w)), len(words))]
        if not words or _not_topic(words[0]) or words[0] in _GENERAL or (
                words[0] in _TURNED_TO and (len(words) == 1 or words[1] in _NOT_SECOND)):
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
