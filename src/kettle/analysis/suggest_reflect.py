"""A reflective reply with a feeling guess, built from the customer's own words.

From the customer's recent words we pick the clause that carries the feeling
(the customer's need, the reason after "because", or the hottest first-person
clause), flip its perspective ("I needed the truck here" -> "you needed the
truck there"), and wrap it in a feeling guess: "It sounds like that was really
stressful, because you needed the truck there by 1 pm."

The feeling guess names what the customer said they feel ("I'm so worried"),
else hurt when they were insulted or lost something that cannot be replaced,
else what the thermometer reads when it is sure, else what the situation says
(a deadline is stressful, chasing is frustrating, a broken promise is
disappointing). Hurt and disappointment have frames of their own ("That must
have been really upsetting, because…", "I can hear how disappointing that
was, because…"). Clauses that insult, swear, threaten, hang up or quote the
agent's own wrongs back are never repeated: a reflection must not turn the
heat up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from kettle.analysis import signals as signal_rules
from kettle.analysis.perspective import flip
from kettle.analysis.playbook import Playbook
from kettle.analysis.suggest_feeling import early, grieves
from kettle.analysis.suggest_need import framed
from kettle.analysis.suggest_question import reflected
from kettle.analysis.suggest_safety import CONDOLENCE, FRIGHT, bereaved, fraud, in_danger
from kettle.analysis.suggest_tidy import fluent, unshout
from kettle.analysis.types import Reading, Signal

#: Feeling guesses by emotion.
FEELINGS: dict[str, str] = {
    "anger": "really frustrating",
    "frustration": "really frustrating",
    "anxiety": "really stressful",
    "disappointment": "really disappointing",
    "confusion": "confusing",
    "relief": "a relief",
    "neutral": "frustrating",
    "hurt": "really upsetting",
    # D29: a danger, or a vulnerable customer or money at stake, is fear or worry.
    "fear": "really frightening",
    "worry": "really worrying",
    "alarm": "really alarming",  # money taken or an account broken into (2026-12-07 probe)
}
#: How the guess is said, by the feeling guessed (the same frame every time reads
#: as a template); each is a reflection to the reply coach. Stress keeps the
#: method's own "It sounds like that was extremely stressful, because…".
FRAMES: dict[str, str] = {
    "hurt": "That must have been {guess}, because {body}.",
    "disappointment": "I can hear how {bare} that was, because {body}.",
}
_FRAME = "It sounds like that was {guess}, because {body}."
#: Being insulted, shrugged off or losing something that cannot be replaced: hurt,
#: whatever the thermometer reads ("he told me to 'get a life'", "grandmother's dresser").
_HURT = re.compile(
    r"\b(?:spoken\s+to\s+like\s+that|talked\s+to\s+like\s+that|rude(?:ly)?|insult\w*|swore\s+at"
    r"|laughed\s+at|shrugged|humiliat\w*|patroni[sz]\w*|irreplaceable|sentimental|heirloom"
    r"|(?:grandmother|grandma|grandad|grandfather|late\s+\w+)['’]s|in\s+pieces|get\s+a\s+life)",
    re.IGNORECASE,
)
#: A customer who says they are not complaining.
_NO_COMPLAINT = re.compile(
    r"\b(?:not\s+a\s+complaint|no\s+complaints?|just\s+(?:some\s+)?feedback|(?:a|just\s+a)\s+"
    r"compliment|(?:wanted|want)\s+to\s+say\s+(?:thanks|thank\s+you)|you\s+(?:guys\s+)?rock)\b",
    re.IGNORECASE)
#: Words that show the customer does not understand (see :func:`_sure`).
_PUZZLED = re.compile(
    r"\b(?:why|how\s+(?:come|do|does|did|is|are|can)|what\s+(?:does|do)\b[^.?!]*\bmean"
    r"|(?:i|we)\s+(?:don['’]?t|do\s+not|can['’]?t|cannot)\s+(?:understand|see\s+why|work\s+out"
    r"|figure\s+out|get\s+it|follow)|confus\w*|unclear|makes?\s+no\s+sense|explain)\b",
    re.IGNORECASE)
#: The thermometer's emotion is trusted over the situation from this probability.
SURE = 0.4
#: ... and used, when the situation says nothing, from this one.
LEANING = 0.2

_I = r"(?:i|i'm|i am|i've|i have|i feel|i'm feeling|i was|we|we're|we are)"
#: Feelings the customer names themselves, checked in this order.
_NAMED: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Fear named is worry, not stress (D29: "I'm scared" had been met with "really stressful").
    ("worry", re.compile(
        r"\b(?:worr(?:y|ied|ying)|anxious|scared|nervous|panic\w*|afraid|terrified|frightened"
        r"|desperate)\b", re.IGNORECASE)),
    ("anxiety", re.compile(r"\bstress(?:ed|ful)?\b", re.IGNORECASE)),
    ("disappointment", re.compile(
        r"\b(?:disappoint\w*|let\s+down|gutted|heartbroken)\b", re.IGNORECASE)),
    ("confusion", re.compile(
        rf"\b(?:confus\w*|{_I}\s+(?:don't|do not|can't|cannot)\s+(?:understand|figure out)|"
        r"makes?\s+no\s+sense|no\s+idea\s+why|lost\s+as\s+to)\b", re.IGNORECASE)),
    ("frustration", re.compile(
        r"\b(?:angry|furious|livid|frustrat\w*|annoy\w*|irritat\w*|fed\s+up|sick\s+(?:and\s+tired\s+)?of|"
        r"tired\s+of|outraged|upset)\b", re.IGNORECASE)),
)
#: What the situation says when the customer names no feeling, checked in order.
_SITUATION: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("anxiety", re.compile(
        r"\b(?:urgent\w*|emergency|deadline|asap|inspection|interview|wedding|funeral|surgery|"
        r"hospital|exam|flight|losing\s+money|can't\s+afford|cannot\s+afford|"
        r"work\s+from\s+home|my\s+(?:job|business|rent|mortgage|kids?|children|baby|family)|"
        r"(?:need|needed|have|had|must)\s+(?:\w+\s+){0,4}?(?:by|before)\s+"
        r"(?:\d|noon|tonight|tomorrow|the\s+\w+|monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday))", re.IGNORECASE)),
    ("frustration", re.compile(
        r"\b(?:still|again|waiting|waited|on\s+hold|no\s*one|nobody|every\s+time|keep|kept|"
        r"ignored|no\s+(?:reply|response|answer|update)|(?:\d+|two|three|four|five|six|several|"
        r"many)\s+(?:times|days|weeks|hours|calls|emails))\b", re.IGNORECASE)),
    ("disappointment", re.compile(
        r"\b(?:paid|promised|expected|supposed\s+to|guaranteed|loyal|years|trusted|"
        r"(?:never|didn't|did\s+not)\s+(?:arrive|come|show|turn)\w*)\b", re.IGNORECASE)),
)
#: Money or safety at stake: worry, not stress (D29: "I lost my job and I can't make this
#: month's loan payment", "someone has taken money from my account").
_WORRY = re.compile(
    r"\b(?:can['’]?t\s+(?:afford|pay|make)|cannot\s+(?:afford|pay)|debt|overdrawn|evict\w*|fraud\w*"
    r"|scam\w*|stolen|hacked|taken\s+(?:money|£|\$)|not\s+(?:safe|secure)|lost\s+my\s+job)\b",
    re.IGNORECASE)
#: Signals that tell of a customer who has had to chase, or walks out ("Forget it, I'm done
#: with this company": frustrated; D43, where one stressed word stopped being shouting).
_CHASED = frozenset(["repeat_contact", "manager_demand", "shouting", "repeated_punctuation",
                     "hang_up"])
#: Signals whose clause must never be repeated back.
_NOT_ECHOED = frozenset(
    ["cancel_threat", "legal_threat", "public_threat", "manager_demand", "hang_up", "sarcasm",
     "profanity"]
)

_MENTION = re.compile(r"(?:^|(?<=\s))@\w+[:,]?\s*")
_CLAUSE_SPLIT = re.compile(r"(?<=[.!?;])\s+|(?<!\s)\s*[\n\u2014]+\s*|,\s+(?=(?:but|and|so)\b)")
_TIME_AFTER = (
    r"(?!\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"last|this|then|early|morning|\d|the\s+\d|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|a\s+(?:week|month|day)|two|three)\b)"
)
_REASON = re.compile(rf"\b(?:because|since{_TIME_AFTER}|so that|cause|'cause)\s+(.+)",
                     re.IGNORECASE)
#: Words that open a clause without saying anything of it: connectives, greetings and
#: fillers ("Hi, you complained…", "Yeah well, I just want…"), as many as come.
_LEAD = re.compile(
    r"^(?:(?:and|but|so|or|then|also|plus|because|well|oh|ok|okay|now|hi|hello|hey|yeah|yes"
    r"|yep|look|listen|honestly|seriously|great|fine|anyway|right|um|erm|dear\s+\w+(?:/\w+)?)"
    r"\b[\s,]*)+",
    re.IGNORECASE)
#: A clause of thanks is no grievance to reflect ("Thank you, I'll look out for it"),
#: nor one of sarcastic thanks ("Thanks a lot for stranding me").
_THANKS = re.compile(r"^\W*(?:thanks|thank|thx|cheers|ta|many\s+thanks|much\s+appreciated"
                     r"|(?:really\s+|much\s+|i\s+(?:really\s+)?)?appreciate\s+(?:it|that))\b",
                     re.IGNORECASE)
#: A request to the agent ("Please tell me you have a backup") is no grievance to echo.
_REQUEST = re.compile(r"^\W*(?:please|pls|plz|kindly|just\s+(?:get|sort|fix|give|send|tell|do)"
                      r"|(?:get|give|send|put)\s+(?:me|us)\b)\b", re.IGNORECASE)
#: Our own words quoted back at us ("another 'we're experiencing high call volumes'"):
#: the quote's perspective would flip wrongly ("you're experiencing…").
_INSIDE = r"(?:[^'’\"”]|(?<=\w)['’](?=\w))"
_QUOTED = re.compile(
    rf"(?:^|[\s(])['‘\"“]{_INSIDE}*?\b(?:we|we['’]re|we['’]ll|we['’]ve|our|us)\b{_INSIDE}*"
    r"['’\"”](?=[\s.,!?;:)]|$)", re.IGNORECASE)
#: Sign-offs at the end of a clause that the reflection leaves out ("…, my bad").
#: Starts only where a run of marks starts: from inside one it was quadratic on "!!!!".
_TAIL = re.compile(r"(?<![,.;!\s])[,.;!\s]+(?:my\s+bad|sorry|lol|haha|thanks|thank\s+you"
                   r"|cheers|please|pls|plz)\W*$", re.IGNORECASE)
#: A clause without its subject ("Still not in my account."): the reflection says whose.
_SUBJECTLESS = re.compile(
    r"^(?:(?P<waiting>still|never|already|again)\s+(?=(?:waiting|trying|paying|chasing|"
    r"getting|hearing|hoping|being|stuck)\b)|(?:still|not|never|already|totally|completely"
    r"|absolutely|really|too|barely|hardly|way\s+too)\b)", re.IGNORECASE)
#: A clause opening on the customer's own past act, its "I" left out ("Got your order
#: today and it's the wrong colour", "Ordered it on Monday").
_DONE_BY_YOU = frozenset(str.split(
    "got ordered booked paid bought called rang phoned emailed waited tried spent received "
    "sent took had went came asked gave chose picked returned reported"))
#: A clause opening on how much, its "I'm a" left out ("Bit worried as …").
_DEGREE = frozenset({"bit", "little"})
_FIRST_PERSON = re.compile(r"\b(?:i|my|me|we|our|us|i'm|i've)\b", re.IGNORECASE)
#: "I needed", "we were counting on": the customer's need (also the plan's topic,
#: :func:`kettle.analysis.suggestions.topic`).
NEED_LEAD = (
    r"\b(?:i|we)\s+(?:really\s+|just\s+|only\s+)?(?:needed|need"
    r"|was\s+counting\s+on|were\s+counting\s+on|was\s+expecting|were\s+expecting)"
)
#: The customer's need ("I needed the truck here by 1 pm"): what the reflection is about.
_NEED = re.compile(
    # Something in particular ("the truck", "my passport", "it"), not "I need help"
    # or "I need to…" (a request).
    NEED_LEAD + r"\s+(?:the|my|our|it|this|that|them)\b",
    re.IGNORECASE,
)
# A question in interrogative form flips into nonsense ("because where is your order").
_ASKS = re.compile(
    r"^\W*(?:what|where|when|why|how|who|which|is|are|was|were|do|does|did|can|could|will|"
    r"would|should|have|has)\b", re.IGNORECASE)
_UNSAFE = re.compile(
    r"\b(?:stupid|idiot\w*|moron\w*|useless|incompetent|liar\w*|lying|scam\w*|cheat\w*"
    r"|thie(?:f|ves)|rubbish|garbage|crap|shit\w*|fuck\w*|damn\w*|hell|bloody|bastard\w*"
    r"|sue|lawyer\w*|court|joke|pathetic|disgrace\w*|kill|hate|calm down|policy|fault"
    r"|blame\w*|never happened|are you sure|whose|who is to|punish\w*|ridiculous|dare)\b"
    r"|@|https?://|#",
    re.IGNORECASE,
)
_LOWER_FIRST = frozenset(
    str.split(
        """you your you're you've you'd we we're we've our the it it's they they're their this
    that these those there there's a an my his her its everything nothing nobody no one
    someone everyone all some after when now since for last what how why today yesterday
    instead then every each both neither none another other half most many much only just
    not never still again even under over with without from in on at about according
    despite during apparently basically literally unfortunately sadly one two three four
    five six seven eight nine ten twelve several few three-week two-week if once until unless
    while whenever as back though although somebody anybody anyone first second third fourth
    fifth"""
    )
)
MAX_WORDS = 22
#: Below this hot probability, with relief or no emotion on top, there is no
#: grievance to guess at (unless the customer's words tell of one).
CALM_HOT = 0.3
#: How much more a clause that says what went wrong counts, and the first clause.
FAILURE_BONUS = 0.5
FIRST_BONUS = 0.15
#: How much more a direct question counts: it is what the customer wants answered.
QUESTION_BONUS = 1.5
#: How much more a clause from the latest turn counts than one from a turn before.
RECENCY = (0.3, 0.15, 0.0)


def clauses(text: str) -> list[str]:
    """The customer's text cut into clauses, each trimmed of leading connectives."""
    out = []
    for part in _CLAUSE_SPLIT.split(text):
        part = _MENTION.sub("", part)  # "@AcmeAir lost my suitcase" (2026-12-07 probe)
        part = _LEAD.sub("", part.strip()).strip(" ,;:-")
        if len(part.split()) >= 3:
            out.append(part)
    return out


def _visible(text: str) -> str:
    """``text`` without invisible format or control characters (Unicode Cf, Cc): a
    zero-width space or a stray control said back would be sent as it is."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in text
                   if unicodedata.category(c) != "Cf")


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
    # At most twice the words said back, before the fillers go: a clause may be one
    # 20,000-character run (D29 review: the stutter check had slowed to 25 s on one).
    clause = fluent(" ".join(clause.split()[: MAX_WORDS * 2]))
    words = clause.split()
    if len(words) > MAX_WORDS:
        head = " ".join(words[:MAX_WORDS])
        cut = head.rfind(",")
        clause = head[:cut] if cut > len(head) // 2 else head
    return re.sub(r"[.!?;:,\s]+$", "", clause)


def _score(clause: str, hot: float) -> float:
    score = hot
    if _REASON.search(clause):
        score += 0.6
    if _FIRST_PERSON.search(clause):
        score += 0.4
    if _NEED.search(clause):
        score += 0.5
    if "?" in clause:
        score -= 0.8
    n = len(clause.split())
    if n < 4 or n > 40:
        score -= 0.3
    return score


#: What the thermometer read in one clause: its hot probability and its signals.
ClauseReading = tuple[float, Sequence[Signal]]


def _echoable(clause: str, found: Sequence[Signal]) -> bool:
    if (_UNSAFE.search(clause) or _ASKS.match(clause) or _THANKS.match(clause)
            or _REQUEST.match(clause) or _QUOTED.search(clause)):
        return False
    return not any(s.kind in _NOT_ECHOED for s in found)


def _scored(text: str, read: Sequence[ClauseReading], bonus: float) -> list[tuple[float, str]]:
    out: list[tuple[float, str]] = []
    for clause, (hot, found) in zip(clauses(text), read, strict=True):
        asked = None if _UNSAFE.search(clause) else reflected(_visible(clause))
        if asked is not None:  # a direct question is the customer's point (2026-12-07 probe)
            weight = QUESTION_BONUS if asked.endswith("know why") else FIRST_BONUS
            out.append((hot + weight + bonus, _trim(unshout(asked))))
            continue
        if not _echoable(clause, found):
            continue
        body = _trim(flip(unshout(_TAIL.sub("", _reason_or_clause(_visible(clause))))))
        if len(body.split()) >= 3:
            # What went wrong, and the first thing said, is the problem more often than
            # its consequence or a side detail ("…down for 2 hours" over "we're on the
            # enterprise tier"; 2026-12-07 probe).
            told = FAILURE_BONUS if any(s.kind == "service_failure" for s in found) else 0.0
            first = FIRST_BONUS if not out else 0.0
            out.append((_score(clause, hot) + bonus + told + first,
                        _with_subject(_lower_first(body))))
    return out


def ranked(turns: Sequence[tuple[str, Sequence[ClauseReading]]]) -> list[str]:
    """Flipped, trimmed clauses of the customer's recent turns, best first.

    ``turns`` are ``(text, read)`` pairs, the latest turn first, where ``read``
    holds the thermometer's ``(hot, signals)`` for each clause of the text (see
    :func:`clauses`): the signals decide which clauses are never repeated back.
    """
    scored: list[tuple[float, int, str]] = []
    for back, (text, read) in enumerate(turns[: len(RECENCY)]):
        for score, body in _scored(text, read, RECENCY[back]):
            scored.append((score, -len(scored), body))
    scored.sort(reverse=True)
    return list(dict.fromkeys(body for _, _, body in scored))


def candidates(text: str, hots: Sequence[float], *,
               playbook: Playbook | None = None) -> list[str]:
    """Flipped, trimmed clauses of one message, best first (``hots``: one per clause)."""
    found = [signal_rules.detect(clause, playbook=playbook) for clause in clauses(text)]
    return ranked([(text, list(zip(hots, found, strict=True)))])


def _with_subject(body: str) -> str:
    """A subjectless clause with its subject: "still not in your account" -> "it's still…",
    "got your order today" -> "you got your order today", "bit worried" -> "you're a bit
    worried"."""
    first = body.split(" ", 1)[0].lower()
    if first in _DONE_BY_YOU:
        return "you " + body[:1].lower() + body[1:]
    if first in _DEGREE:
        return "you're a " + body[:1].lower() + body[1:]
    m = _SUBJECTLESS.match(body)
    if m is None:
        return body
    return ("you're " if m.group("waiting") else "it's ") + body[:1].lower() + body[1:]


def _lower_first(text: str) -> str:
    """The clause's first word in lower case, unless it is "I", a name or an acronym."""
    first = text.split(" ", 1)[0]
    bare = first.lower().strip(",.")
    stem = bare.replace("’", "'").split("'")[0]  # "That's" as "that"
    if (bare in _LOWER_FIRST or stem in _LOWER_FIRST or bare in _DONE_BY_YOU or bare in _DEGREE
            or (first[:1].isupper() and first[1:].islower() and bare.endswith(("ed", "ly", "ing"))
                and len(bare) > 4)):
        return text[:1].lower() + text[1:]
    return text


def _match(rules: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> str | None:
    for emotion, pattern in rules:
        if pattern.search(text):
            return emotion
    return None


def _situation(text: str, reading: Reading | None) -> str | None:
    """The emotion the customer's situation suggests (None: it says nothing)."""
    # A customer who has had to chase is frustrated, whatever else went wrong.
    if reading is not None and any(s.kind in _CHASED for s in reading.signals):
        return "frustration"
    return _match(_SITUATION, text)


def _sure(reading: Reading | None, floor: float, text: str = "") -> str | None:
    """The thermometer's grievance emotion when it reads at least ``floor``.

    Confusion only when the words show it (a question, "why", "I don't understand"):
    the model reads plain complaints as confused as often as not, and "that was
    confusing" said to a customer whose bag was lost reads as not listening
    (2026-12-07 probe).
    """
    if reading is None:
        return None
    shown = _PUZZLED.search(text) is not None
    emotions = {k: v for k, v in reading.emotions.items()
                if k not in ("neutral", "relief") and (shown or k != "confusion")}
    if not emotions:
        return None
    top = max(emotions, key=emotions.__getitem__)
    return top if emotions[top] >= floor else None


def feeling(reading: Reading | None, text: str = "") -> str:
    """The feeling guess for the customer's latest reading and words."""
    return FEELINGS[_guessed(reading, text)]


def _guessed(reading: Reading | None, text: str, let_down: bool = False) -> str:
    """The feeling they name, else hurt when they were insulted or lost something
    irreplaceable, else the thermometer's emotion when it is sure, else what their
    situation suggests, else the thermometer's leaning, else frustration."""
    if (named := _match(_NAMED, text)) is not None:
        return named
    if _HURT.search(text):
        return "hurt"
    if in_danger(text):
        return "fear"
    if fraud(text):
        return "alarm"
    worried = reading is not None and any(s.kind == "vulnerability" for s in reading.signals)
    if worried or _WORRY.search(text):
        return "worry"
    if (plain := early(text, let_down=let_down)) is not None:
        return plain
    return (_sure(reading, SURE, text) or _situation(text, reading)
            or _sure(reading, LEANING, text)
            or "frustration")


def _calm(reading: Reading, text: str) -> bool:
    top = reading.dominant_emotion
    # A signal (sarcasm, a failure told, a threat) outweighs the model's relief:
    # "I've been waiting 3 weeks for my refund. This is a joke." is not pleased.
    if top == "relief" and reading.hot < CALM_HOT and not reading.signals:
        return True
    # A customer who reads neutral but tells of a grievance is not calm.
    grievance = bool(_match(_NAMED, text) or _match(_SITUATION, text) or _HURT.search(text)
                     or _WORRY.search(text) or grieves(text))
    if _NO_COMPLAINT.search(text):  # "Not a complaint at all, just feedback: …"
        return True
    if grievance or reading.signals:
        return False
    # A plain question with no grievance in it is calm, whatever the model leans to
    # ("Quick question: what's your refund policy?" had been met with "really
    # frustrating"; 2026-12-07 probe of ordinary traffic).
    if "?" in text and reading.hot < CALM_HOT:
        return True
    return top == "neutral" and reading.hot < CALM_HOT / 2


def upset(reading: Reading | None, text: str) -> bool:
    """Whether the customer tells of a grievance (the reflection guesses a feeling)."""
    return reading is not None and not _calm(reading, text)


def reflection(body: str | None, reading: Reading | None, *, text: str = "",
               let_down: bool = False) -> str:
    """"It sounds like that was really frustrating, because <their words>."

    ``text`` is the customer's latest message, for the feeling they name or the
    situation they describe; ``let_down``: a promise to them was missed.
    """
    if bereaved(text):
        return CONDOLENCE  # not "that was really stressful" (D29)
    if in_danger(text):
        return FRIGHT  # the danger first, not their words back
    if reading is not None and not let_down and _calm(reading, text):
        # A calm or pleased customer gets their words back without a guessed grievance.
        if not body:
            return "Thank you for letting us know. I can help you with this."
        return f"If I understand you correctly, {body}. I can help you with this."
    emotion = _guessed(reading, text, let_down)
    guess = FEELINGS[emotion]
    if not body:
        return f"It sounds like this has been {guess} for you, and I want to help put it right."
    body, frame = framed(body, FRAMES.get(emotion, _FRAME))  # a want is no reason
    return frame.format(guess=guess, bare=guess.removeprefix("really "), body=body)
