"""A direct question said back as the customer's point (2026-12-07 probe).

"Why was I charged twice for my October bill? I want an answer." had been met
with "It sounds like that was confusing, because you want an answer": the
question itself was never echoed (a question flips into nonsense), so the point
was lost. Here the question is turned back into the statement it asks about
("I was charged twice for my October bill"), flipped ("you were charged twice
for your October bill") and said with what they want ("…, and you want to know
why"); the plan commits to the answer ("I'll find out why you were charged
twice for your October bill and explain it to you by 1 pm today").
"""

from __future__ import annotations

import re

from kettle.analysis.perspective import flip

#: "Can someone explain why…", "I would like to know why…", "explain why…".
_EMBEDDED = re.compile(
    r"\b(?:explain|tell\s+me|know|understand|explanation\s+(?:of|as\s+to|for))\s+(why|when"
    r"|how\s+come)\s+(?P<rest>.+)",
    re.IGNORECASE)
_WHY = re.compile(r"^\W*(?P<w>why|how\s+come)\b[\s,]*(?P<rest>.+)", re.IGNORECASE)
_WHEN = re.compile(r"^\W*when\s+(?:exactly\s+)?(?P<rest>.+)", re.IGNORECASE)
_AUX = frozenset(str.split("is are was were has have had will would can could should does do did "
                           "isn't aren't wasn't weren't hasn't haven't hadn't won't can't doesn't "
                           "don't didn't"))
_MODALS = frozenset(str.split("would should could can will won't can't"))
#: "Why are you so slow?", "why even bother": no statement to say back.
_RHETORICAL = re.compile(r"\b(?:so|such|even|bother|ever)\b", re.IGNORECASE)
_PRONOUNS = frozenset(str.split("i we you they he she it nobody someone somebody anyone anybody "
                                "everyone this that"))
_DETERMINERS = frozenset(str.split("my our the your this that his her their a an these those"))
#: A word that ends a subject after "is/has…" ("my premium gone up": "gone").
_PARTICIPLE = re.compile(r"(?:ed|en|ing)$|^(?:gone|been|done|sent|got|made|left|come|paid|told|put"
                         r"|cut|kept|still|not|never|always|only|so|taking|being|coming|more|less"
                         r"|too|very|higher|lower|different|wrong|late|missing|stuck|down|in|on|at"
                         r"|for|with|from|than|now|empty|full|closed|open|off|out|unavailable)$",
                         re.IGNORECASE)
_PAST = {"go": "went", "tell": "told", "get": "got", "send": "sent", "take": "took", "come": "came",
         "do": "did", "make": "made", "say": "said", "pay": "paid", "give": "gave", "leave": "left",
         "put": "put", "cut": "cut", "let": "let", "keep": "kept", "lose": "lost", "know": "knew",
         "write": "wrote", "ring": "rang", "see": "saw", "think": "thought", "find": "found",
         "bring": "brought", "buy": "bought", "hang": "hung", "hear": "heard", "show": "showed"}


def _past(verb: str) -> str:
    low = verb.lower()
    if low in _PAST:
        return _PAST[low]
    if low.endswith("e"):
        return low + "d"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return low[:-1] + "ied"
    return low + "ed"


def _third(verb: str) -> str:
    """The verb after he, she or it ("keep" -> "keeps", "try" -> "tries")."""
    low = verb.lower()
    if low in ("have", "do", "go"):
        return {"have": "has", "do": "does", "go": "goes"}[low]
    if low.endswith(("s", "sh", "ch", "x", "z")):
        return low + "es"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return low[:-1] + "ies"
    return low + "s"


def _unshouted(text: str) -> str:
    """A shouted question in lower case ("WHY IS MY ACCOUNT LOCKED" -> "why is my…")."""
    if sum(c.isupper() for c in text) <= sum(c.islower() for c in text):
        return text
    return re.sub(r"\bi\b", "I", text.lower())


def _subject(words: list[str], *, bare_verb: bool) -> int:
    """How many of ``words`` make the subject (0: none found)."""
    if not words:
        return 0
    first = words[0].lower()
    if first in _PRONOUNS:
        return 1
    if first == "no" and len(words) > 1 and words[1].lower() == "one":
        return 2
    if first not in _DETERMINERS:
        return 0
    if bare_verb:  # "did my parcel go": the verb cannot be told from a noun
        return 2
    for n in range(1, min(len(words), 5)):
        if _PARTICIPLE.search(words[n]):
            return n if n >= 2 else 0
    return 0


def _invert(rest: str, *, modal: bool = True) -> str | None:
    """ "was I charged twice" -> "I was charged twice"; None when it is no inversion.

    ``modal=False`` refuses "would", "should"…: "Why would I pay for that?" is rhetorical.
    """
    words = rest.split()
    if len(words) < 3 or words[0].lower() not in _AUX or _RHETORICAL.search(rest):
        return None
    if not modal and words[0].lower() in _MODALS:
        return None
    aux, tail = words[0].lower(), words[1:]
    do = aux in ("do", "does", "did", "didn't", "don't", "doesn't")
    n = _subject(tail, bare_verb=do or aux in _MODALS)
    if n == 0 or n >= len(tail):
        return None
    subject, verb, after = " ".join(tail[:n]), tail[n], tail[n + 1:]
    if aux.endswith("n't") and subject.lower() in ("anyone", "anybody", "no one"):
        # "Why hasn't anyone replied" -> "nobody has replied"
        subject, aux = "nobody", {"can't": "can", "won't": "will"}.get(aux, aux[:-3])
        if aux == "did":
            return " ".join([subject, _past(verb), *after])
    if aux == "did":
        return " ".join([subject, _past(verb), *after])
    if aux == "do":  # "why do you keep sending…" -> "you keep sending…"
        return " ".join([subject, verb, *after])
    if aux == "does":  # "why does it keep crashing" -> "it keeps crashing"
        return " ".join([subject, _third(verb), *after])
    if do:
        return None
    return " ".join([subject, aux, verb, *after])


def asked(clause: str) -> tuple[str, str] | None:
    """("why" | "when", the statement asked about, in the customer's words), or None."""
    clause = _unshouted(clause.strip().rstrip("?!. "))
    m = _EMBEDDED.search(clause)
    if m is not None:
        word = "when" if m.group(1).lower() == "when" else "why"
        return word, m.group("rest")
    m = _WHY.match(clause)
    if m is not None:
        rest = m.group("rest")
        if m.group("w").lower() != "why":
            return "why", rest
        said = _invert(rest, modal=False)
        return ("why", said) if said else None
    m = _WHEN.match(clause)
    if m is not None and (said := _invert(m.group("rest"))):
        return "when", said
    return None


def _said_back(statement: str) -> str:
    body = flip(statement).strip(" ,;:")
    return body[:1].lower() + body[1:] if body[:2] in ("Yo", "No", "So", "An") else body


#: A statement longer than this is not said back whole (a plan or a reflection must stay
#: a sentence; a 20,000-character question had made a plan too long for the coach).
MAX_WORDS = 20


def _fits(found: tuple[str, str] | None) -> bool:
    return found is not None and 3 <= len(found[1].split(None, MAX_WORDS + 1)) <= MAX_WORDS


def reflected(clause: str) -> str | None:
    """The question said back ("you were charged twice…, and you want to know why")."""
    found = asked(clause)
    if found is None or not _fits(found):
        return None
    word, statement = found
    if word == "when":
        return f"you want to know when {_said_back(statement)}"
    return f"{_said_back(statement)}, and you want to know why"


def answer_plan(text: str, when: str) -> str | None:
    """The plan that commits to the answer, for the latest customer text, or None."""
    for clause in re.split(r"(?<=[.!?])\s+", text):
        found = asked(clause)
        if found is not None and _fits(found):
            word, statement = found
            said = _said_back(statement)
            if word == "when":
                return f"I'll find out exactly when {said} and tell you {when}."
            return f"I'll find out why {said} and explain it to you {when}."
    return None
