"""Capitals and calm asks: a message shouted throughout, a word stressed, an unhurried ask (D43).

A support lead's blind probe (D40) found three families the thermometer read wrong:

- "WHY IS MY INTERNET STILL DOWN" read 52.6 °C: a whole message in capitals counted as
  one shouted word. A message shouted throughout (most of its letters capitals, at least
  :data:`SHOUTED_WORDS` loud words) is angry and hot (:data:`SHOUTED`), unless it thanks
  or cheers ("THANK YOU SO MUCH!!!").
- One stressed word ("charged me TWICE", "i am LIVID", "YOUR website") is emphasis, not a
  raised voice: it is no ``shouting`` signal and no longer stops a mild or joyful reading;
  its heat (:data:`EMPHASIS_WEIGHT`) stays. The models still read it as they were trained
  to (their feature is unchanged).
- "no rush", "just checking", "a bit confused": a customer who says there is no hurry,
  is only checking or is a little unsure, with no signal and no grievance, reads calm
  (at most ``thermo_calm.ENQUIRY_C``), not at the mild ceiling (D24) or the confused one
  (D29).

Product rules, not fits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from kettle.analysis.signals import ACRONYMS
from kettle.analysis.thermo_feelings import Feeling
from kettle.analysis.thermo_gate import may_hold
from kettle.analysis.thermo_situations import joyful
from kettle.analysis.types import Signal
from kettle.analysis.waits import wait_strain

#: A message shouted throughout reads angry and at least 62 °C, like an order (D30); the
#: hot probability stays the models' (capitals are as often excitement on Reddit:
#: "WE ARE .500!!!! I'VE WAITED SO LONG!!!!", and GoEmotions' AUROC fell 0.8760 -> 0.8739
#: when it was raised to 0.5).
SHOUTED = Feeling("anger", 0.5, 0.0, 62.0)
#: Loud words (capitalised, two letters or more, no acronym) a shouted message holds.
SHOUTED_WORDS = 3
#: Share of a message's letters that are capitals for it to be shouted throughout.
SHOUTED_SHARE = 0.8
#: What a stressed word adds to the arousal: as much as a shouted run (0.25). It is no
#: ``shouting`` signal and does not stop a mild or joyful reading, but its heat stays:
#: stressed words go with anger's intensity on SemEval ("your EVERYTHING annoys me",
#: "SPOILERS #pissed"); at 0.15 its Pearson fell 0.6283 -> 0.6281 and Spearman
#: 0.6332 -> 0.6329, at 0.08 Spearman fell to 0.6321.
EMPHASIS_WEIGHT = 0.25
_LOUD = re.compile(r"[A-Z][A-Z']*[A-Z]")

#: Thanks or good wishes, and what turns them round ("THANKS FOR NOTHING").
_CHEERS = re.compile(r"\b(?:thank|thanks|thx|cheers|happy|merry|congrat\w*|yay|hooray|wo+hoo+"
                     r"|love\s+(?:you|it|this)|you(?:['’]re|\s+are)\s+(?:the\s+best|amazing|stars?))\b",
                     re.IGNORECASE)
_UNGRATEFUL = re.compile(r"\b(?:for\s+nothing|not|never|no|still|why|where|cant|dont|wont"
                         r"|isnt|didnt|doesnt|havent|hasnt|wasnt)\b|n['’]t\b", re.IGNORECASE)

#: Signals that say nothing against us by themselves.
#: Swearing may be joy ("YOU'VE BLOODY WELL GOT MY VOTE").
_NO_GRIEVANCE = frozenset(["shouting", "repeated_punctuation", "vulnerability", "profanity"])
#: Said at us: a question why, where, how long; an order to stop; a count of tries or a
#: chase ("I HAVE ASKED YOU THREE TIMES", "STILL", "AGAIN", "BEEN CALLING ALL DAY").
_AT_US = re.compile(r"(?:^|[.!?]\s*)\W*(?:why|where|when|how\s+(?:come|long|many\s+times)"
                    r"|what\s+(?:is\s+going\s+on|the\s+hell)|stop|do\s+not|don['’]?t)\b"
                    r"|\b(?:again|still|nobody|no\s+one|(?:asked|told)\s+(?:you|your)"
                    r"|been\s+(?:calling|ringing|chasing|emailing|trying|waiting))\b",
                    re.IGNORECASE)

#: The longest message a calm ask is (the lead's short messages are under 100 characters).
CALM_ASK_CHARS = 160
#: An ask the customer says is unhurried, a check, or a small doubt.
_CALM_ASK = re.compile(
    r"\bno\s+(?:rush|hurry|pressure|panic)\b|\bnot\s+(?:urgent|in\s+a\s+(?:rush|hurry))\b"
    r"|\bwhenever\s+(?:suits|you(?:['’]re|\s+are)?\s+(?:get|have|can|free|ready)|is\s+(?:fine|good|easiest))"
    r"|\bin\s+your\s+own\s+time\b|\bwhen\s+you\s+(?:get|have)\s+a\s+(?:chance|moment|minute|sec)\b"
    r"|\bjust\s+checking\b"
    r"|\b(?:a\s+(?:little\s+)?bit|a\s+little|slightly|bit|a\s+tad)\s+(?:confused|unsure|lost|puzzled)\b",
    re.IGNORECASE)
#: One of these is in every match of :data:`_CALM_ASK` (a cheap first test).
_CALM_WORDS = ("rush", "hurry", "pressure", "panic", "urgent", "whenever", "own", "chance",
               "moment", "minute", "sec", "checking", "confused", "unsure", "lost", "puzzled")
#: Something wrong beside the calm words: then the ask is a complaint put politely.
_GRIEVANCE = re.compile(
    r"\b(?:still\s+(?:not|no|nothing|waiting|broken|down|out)|never|again|wrong|broken|refund\w*"
    r"|charged|cancel+ed|late|waiting|useless|terrible|awful|complain\w*|ridiculous|nightmare"
    r"|disappoint\w*|frustrat\w*|annoy\w*|angry|upset|worried|scared|(?<!not\s)urgent|asap"
    r"|overdue|missing|waited|weeks|months|anxious|nervous|stressed|sad)\b|\?\?|!!", re.IGNORECASE)


def loud_words(text: str) -> list[str]:
    """The capitalised words of ``text`` that are no acronym ("TWICE", not "ASAP")."""
    return [w for w in _LOUD.findall(text) if w not in ACRONYMS]


#: Deletes the lower-case ASCII letters: a message with many of them is not shouted, and
#: they are counted in C, not character by character in Python (most messages stop there).
_NO_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=64)  # asked twice a reading, by shouted() and emphasis()
def shouted_throughout(text: str) -> bool:
    """Most of the letters are capitals, over several loud words ("WHERE IS MY PARCEL")."""
    if len(text) - len(text.translate(_NO_LOWER)) > (1.0 - SHOUTED_SHARE) * len(text):
        return False  # more lower-case letters than the capitals could outweigh
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < SHOUTED_SHARE * len(letters):
        return False
    return len(loud_words(text)) >= SHOUTED_WORDS


def shouted(text: str, found: Sequence[Signal] = ()) -> Feeling | None:
    """:data:`SHOUTED` for a message shouted throughout at us (:data:`_AT_US`, a stated wait or
    a grievance signal: "WHY IS MY INTERNET STILL DOWN", "WHERE IS MY PARCEL", "DO NOT CALL
    THIS NUMBER AGAIN") that neither thanks nor cheers.

    Some people write everything in capitals ("I LOST A VERY DEAR FRIEND", "YES I ENJOY MY
    JOB", an ESConv seeker): capitals alone are a habit, not anger. Thanks in capitals are
    loud joy ("HAPPY NEW YEAR, THANKS FOR ALL YOUR HELP"): the wider test of joy
    (``joyful``) lets no "help" or "please" by, which capitals often hold.
    """
    if not shouted_throughout(text) or joyful(text):
        return None
    grievance = {s.kind for s in found} - _NO_GRIEVANCE
    if not (grievance or _AT_US.search(text) or wait_strain(text) > 0.0):
        return None
    cheers = _CHEERS.search(text) is not None and _UNGRATEFUL.search(text) is None
    return None if cheers else SHOUTED


def emphasis(text: str, found: Sequence[Signal]) -> tuple[tuple[Signal, ...], bool]:
    """The signals less each shouting span of one loud word, and whether one was dropped.

    In a message shouted throughout, or one that stresses :data:`SHOUTED_WORDS` words or more
    ("I am absolutely FURIOUS. For the FIFTH time … TODAY"), the capitals are a raised voice:
    nothing is dropped.
    """
    if (all(s.kind != "shouting" for s in found) or shouted_throughout(text)
            or len(loud_words(text)) >= SHOUTED_WORDS):
        return tuple(found), False  # the first test: nothing to drop (most messages)
    kept = tuple(s for s in found
                 if s.kind != "shouting" or len(loud_words(s.span.text)) >= 2)
    return kept, len(kept) < len(found)


def calm_ask(text: str, found: Sequence[Signal]) -> bool:
    """A short message, no hurry, only checking, a little unsure, and nothing wrong said
    ("no rush"). In a long one the calm words are a preamble ("I am not in a hurry, but
    you shall explain the issue clearly to customers", STC-3)."""
    return (len(text) <= CALM_ASK_CHARS and not found and may_hold(text, _CALM_WORDS)
            and _CALM_ASK.search(text) is not None and _GRIEVANCE.search(text) is None)
