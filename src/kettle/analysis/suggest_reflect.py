"""A reflective reply with a feeling guess, built from the customer's own words.

From the customer's latest words we pick the clause that carries the feeling
(the reason after "because", or the hottest first-person clause), flip its
perspective ("I needed the truck here" -> "you needed the truck there"), and
wrap it in a feeling guess from the thermometer's dominant emotion: "It sounds
like that was really frustrating, because you needed the truck there by 1 pm."
Clauses that insult, swear or quote the agent's own wrongs back are never
repeated: a reflection must not turn the heat up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kettle.analysis.perspective import flip
from kettle.analysis.types import Reading

#: Feeling guesses by the thermometer's dominant emotion.
FEELINGS: dict[str, str] = {
    "anger": "really frustrating",
    "frustration": "really frustrating",
    "anxiety": "really stressful",
    "disappointment": "really disappointing",
    "confusion": "confusing",
    "relief": "a relief",
    "neutral": "frustrating",
}

_CLAUSE_SPLIT = re.compile(r"(?<=[.!?;])\s+|\s*[\n\u2014]+\s*|,\s+(?=(?:but|and|so)\b)")
_REASON = re.compile(r"\b(?:because|since|as|so that|cause|'cause)\s+(.+)", re.IGNORECASE)
_LEAD = re.compile(r"^(?:and|but|so|or|then|also|plus|because|well|oh|ok|okay|now)\b[\s,]*",
                   re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:i|my|me|we|our|us|i'm|i've)\b", re.IGNORECASE)
_UNSAFE = re.compile(
    r"\b(?:stupid|idiot\w*|moron\w*|useless|incompetent|liar\w*|lying|scam\w*|cheat\w*"
    r"|thie(?:f|ves)|rubbish|garbage|crap|shit\w*|fuck\w*|damn\w*|hell|bloody|bastard\w*"
    r"|sue|lawyer\w*|court|joke|pathetic|disgrace\w*|kill|hate|calm down|policy|fault"
    r"|blame\w*|never happened|are you sure|whose|who is to)\b|@|https?://|#",
    re.IGNORECASE,
)
_LOWER_FIRST = frozenset(
    [
        "you", "your", "we", "our", "the", "it", "it's", "they", "their", "this", "that", "there",
        "a", "an", "my", "his", "her", "its", "everything", "nothing", "nobody", "no", "one"
    ]
)
MAX_WORDS = 22
#: Below this hot probability, with relief or no emotion on top, there is no
#: grievance to guess at.
CALM_HOT = 0.3


def clauses(text: str) -> list[str]:
    """The customer's text cut into clauses, each trimmed of leading connectives."""
    out = []
    for part in _CLAUSE_SPLIT.split(text):
        part = _LEAD.sub("", part.strip()).strip(" ,;:-")
        if len(part.split()) >= 3:
            out.append(part)
    return out


def _reason_or_clause(clause: str) -> str:
    """The customer's own need ("I needed the truck by 1 pm") or else their reason."""
    m = _REASON.search(clause)
    if m is None:
        return clause
    main = clause[: m.start()].strip(" ,;:-")
    if len(main.split()) >= 3 and _FIRST_PERSON.search(main):
        return main
    return m.group(1) if len(m.group(1).split()) >= 3 else clause


def _trim(clause: str) -> str:
    words = clause.split()
    if len(words) > MAX_WORDS:
        head = " ".join(words[:MAX_WORDS])
        cut = head.rfind(",")
        clause = head[:cut] if cut > len(head) // 2 else head
    clause = re.sub(r"[.!?;:,\s]+$", "", clause)
    if clause.isupper():
        clause = clause.lower()
    return clause


def _score(clause: str, hot: float) -> float:
    score = hot
    if _REASON.search(clause):
        score += 0.6
    if _FIRST_PERSON.search(clause):
        score += 0.4
    if "?" in clause:
        score -= 0.5
    n = len(clause.split())
    if n < 4 or n > 40:
        score -= 0.3
    return score


def candidates(text: str, hots: Sequence[float]) -> list[str]:
    """Flipped, trimmed clauses of ``text``, best first (``hots``: one per clause)."""
    scored = []
    for i, (clause, hot) in enumerate(zip(clauses(text), hots, strict=True)):
        if _UNSAFE.search(clause):
            continue
        body = _trim(flip(_reason_or_clause(clause)))
        if len(body.split()) >= 3:
            scored.append((_score(clause, hot), -i, _lower_first(body)))
    scored.sort(reverse=True)
    return [body for _, _, body in scored]


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first.lower() in _LOWER_FIRST:
        return text[:1].lower() + text[1:]
    return text


def feeling(reading: Reading | None) -> str:
    """The feeling guess for the customer's latest reading."""
    if reading is None:
        return FEELINGS["frustration"]
    emotions = {k: v for k, v in reading.emotions.items() if k not in ("neutral", "relief")}
    if not emotions:
        return FEELINGS["frustration"]
    return FEELINGS[max(emotions, key=emotions.__getitem__)]


def _calm(reading: Reading) -> bool:
    top = reading.dominant_emotion
    return (top == "relief" and reading.hot < CALM_HOT) or (
        top == "neutral" and reading.hot < CALM_HOT / 2 and not reading.signals
    )


def reflection(body: str | None, reading: Reading | None) -> str:
    """"It sounds like that was really frustrating, because <their words>." """
    if reading is not None and _calm(reading):
        # A calm or pleased customer gets their words back without a guessed grievance.
        if not body:
            return "Thank you for letting us know. I can help you with this."
        return f"If I understand you correctly, {body}. I can help you with this."
    guess = feeling(reading)
    if not body:
        return f"It sounds like this has been {guess} for you, and I want to help put it right."
    return f"It sounds like that was {guess}, because {body}."
