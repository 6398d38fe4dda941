"""A mild annoyance or the customer's own slip: warm, not hot (D24, D25, D29).

"A bit annoying", "no rush", "my bad", "I ordered the wrong size by mistake",
"Hell of a week", "I'm bloody useless with technology": the models read the
words ("annoying", "wrong", "hell") as heat; the customer says it is mild, or
their own doing. Such a message reads at most :data:`MILD_C`, unless it
escalates in another way. Product rules, not fits: no train_ok data labels them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kettle.analysis import signals
from kettle.analysis.thermo_feelings import to_frustration
from kettle.analysis.thermo_gate import LiteralGated
from kettle.analysis.types import Signal

#: A customer who says the problem is mild ("a bit annoying", "not a big deal") is
#: annoyed, but not hot: the model reads P(annoyed), not how much. Such a message
#: reads at most MILD_C, at most MILD_HOT likely to be hot, and anger above that is
#: frustration (D24).
MILD_C = 52.0
MILD_HOT = 0.15
_MILD = re.compile(
    # "I must say I'm rather disappointed": British understatement, warm not hot (2026-12-07).
    r"\b(?:a\s+(?:little\s+)?bit|a\s+little|a\s+tad|slightly|somewhat|kind\s+of|kinda|sort\s+of"
    r"|mildly|rather|fairly)\s+(?:\w+\s+)?(?:annoy\w*|frustrat\w*|irritat\w*|disappoint\w*|upset|miffed|peeved"
    r"|irked|inconvenient)\b"
    r"|\bnot\s+a\s+(?:big|huge)\s+deal\b(?!\s+(?:to|for)\s+you)"
    r"|\bno\s+(?:(?:massive|huge|great|real|mad)\s+)?(?:rush|biggie|big\s+deal|hurry)\b"
    # A calm question said to be one (2026-12-07 probe of ordinary traffic): "Quick question
    # before I order: …", "Just curious, …", "Bit annoying - the app logs me out".
    r"|^\W*(?:quick\s+question|just\s+(?:curious|wondering|checking)|out\s+of\s+curiosity)\b"
    r"|^\W*bit\s+(?:annoying|frustrating|irritating|of\s+a\s+pain)\b"
    r"|(?<!not\sa\s)(?<!not\s)(?<!no\s)\bminor\s+(?:thing|issue|gripe|annoyance|complaint|niggle|point)\b",
    re.IGNORECASE,
)
#: Every match holds one of these: the pattern's own gate would be "just", "out" and "bit".
_said_mild_words = LiteralGated(_MILD, literals=(
    "annoy", "frustrat", "irritat", "disappoint", "upset", "miffed", "peeved", "irked",
    "inconvenient", "deal", "biggie", "rush", "hurry", "minor", "question", "curious",
    "wondering", "checking", "curiosity", "pain"))
#: The customer's own slip ("my bad", "I ordered it by mistake", "oops"): a problem
#: the customer owns is no grievance against us, whatever words the model reads as
#: annoyed ("wrong", "sorry"). Read like a mild annoyance (D25).
_OWN_SLIP = re.compile(
    # Owned outright, not reported ("he said it's my fault", "it's always my fault").
    r"(?:^|(?<=[.!?,;:]\s)|(?<=\bsorry\s)|(?<=\boh\s)|(?<=\bthat\swas\s)|(?<=\bthat's\s)"
    r")my\s+(?:bad|fault|mistake|error)\b(?=\s*(?:[.!,;:)]|$|for\b|sorry\b|lol\b))"
    r"|(?:^|(?<=[.!?,;:]\s))my\s+bad\b(?=\s*(?:i\b|i'|guys?\b|haha\b))"
    r"|\b(?:i|i've|ive)\s+(?:(?!(?:was|were|been|got|get|being|am|is)\b)\w+\s+){1,5}?"
    r"(?:by\s+(?:mistake|accident)|in\s+error)\b"
    r"|\bi(?:'ve|\s+have)?\s+(?:just\s+)?(?:accidentally|accidently|mistakenly|inadvertently)\b"
    r"(?!\s+(?:found|discovered|noticed|saw|spotted|realised|realized|came\s+across|heard))"
    r"|(?:^|(?<=[.!?,]\s))(?:o{2,}ps|who{2,}ps|silly\s+me)\b"
    # "I put the wrong postcode", "I've made a typo": the customer's own input.
    r"|\bi(?:'ve|\s+have|\s+(?:might|may|must)\s+have)?\s+(?:just\s+)?(?:put|typed|entered|gave"
    r"|used|selected|chose|picked|ordered|booked)\s+(?:in\s+)?(?:you\s+)?(?:the|a)\s+wrong\b"
    # "damn, I forgot to attach the receipt" (D29).
    r"|\bi\s+(?:completely\s+|totally\s+|just\s+)?forgot\s+to\s+(?:attach|include|add|send|mention"
    r"|put|enclose|upload|give\s+you)\b"
    r"|\bi(?:'ve|\s+have)?\s+made\s+a\s+(?:mistake|typo|error)\b"
    # D29: "My fault entirely!", "Sorry, typo - I meant…", "Ignore my last message, wrong
    # email address", "I might have given you the wrong postcode".
    r"|\bmy\s+(?:fault|mistake|bad)\s+(?:entirely|completely|totally)\b"
    r"|^\W*(?:sorry\W+)?(?:typo|correction)\b|\bignore\s+my\s+(?:last|previous)\s+message\b"
    r"|\bi(?:'ve|\s+have|\s+(?:might|may|must)\s+have)\s+given\s+you\s+the\s+wrong\b",
    re.IGNORECASE,
)
_said_own_slip = LiteralGated(_OWN_SLIP, literals=(
    "mistake", "accident", "error", "fault", "bad", "oops", "silly", "inadvertent", "wrong",
    "typo", "forgot", "correction", "ignore"))
#: Swearing as a figure of speech, not at anyone (D29): "Hell of a week here, lol".
_SWEAR_IDIOM = re.compile(
    r"\b(?:one\s+)?hell\s+of\s+a\s+(?:week|day|year|month|time|ride|lot|job)\b"
    r"|\bbloody\s+(?:good|great|brilliant|lovely|quick|fast|marvellous|fantastic)\b"
    r"|\bdamn\s+(?:good|fine|quick|fast)\b", re.IGNORECASE)
#: The customer running themselves down (D29): "I'm bloody useless with technology!"
_HUMBLE = re.compile(
    r"\bi['’]?m\s+(?:so\s+|such\s+|a\s+bit\s+)?(?:bloody\s+|totally\s+|completely\s+)?(?:useless"
    r"|hopeless|rubbish|terrible|clueless)\s+(?:with|at)\s+(?:technology|tech|computers|phones|these"
    r"\s+things|this\s+stuff|apps|the\s+internet)\b|\bbit\s+of\s+a\s+dinosaur\b", re.IGNORECASE)
#: Every match holds one of these (the pattern's own gate would be "with", "at" and "bit").
_ran_self_down = LiteralGated(_HUMBLE, literals=(
    "useless", "hopeless", "rubbish", "terrible", "clueless", "dinosaur"))
#: A grievance beside the idiom: then the swearing is no figure of speech.
_IDIOM_SPOILED = re.compile(
    r"\b(?:nightmare|without|useless|terrible|awful|disgrace\w*|still|never|refund\w*"
    r"|charged|cancel\w*|broken|late|waiting)\b", re.IGNORECASE)
#: A slip the customer puts down to us after all ("I ordered the wrong size and your
#: size guide is useless", "because your form autofilled it").
_BLAMES_US = re.compile(
    r"\bbecause\s+(?:of\s+)?(?:you|your)\b|\b(?:useless|misleading|confusing|rubbish)\b"
    # "Correction: you charged me 90 pounds… I'm furious." corrects us (D29 review).
    r"|\byou(?:['’]ve|\s+have)?\s+(?:charged|billed|took|taken|sent|cancel+ed|lost|debited)\b"
    r"|\bi['’]?m\s+(?:so\s+)?(?:furious|livid|fuming|angry|outraged)\b"
    # The slip put in the customer's mouth: "You mean that I made a mistake?"
    r"|\b(?:you\s+mean|are\s+you\s+saying|you(?:'re|\s+are)\s+saying|you\s+think|so\s+you"
    r"\s+think)\s+(?:that\s+)?(?:i|it\s+was\s+my)\b"
    r"|\byour\s+(?:\w+\s+){0,3}(?:is|was|are|were)\s+(?:\w+\s+)?(?:wrong|terrible|awful|broken"
    r"|unclear|a\s+joke)\b", re.IGNORECASE)
#: Signals that say the customer is more than mildly put out, whatever they say.
_NOT_MILD = signals.ESCALATING


def said_mildly(text: str, found: Sequence[Signal]) -> bool:
    """The customer calls the problem mild, or their own slip, and escalates in no other way."""
    escalating = {s.kind for s in found} & _NOT_MILD
    if escalating - {"profanity"}:
        return False
    # Swearing at one's own slip is no escalation: "shit, sorry, I gave you the wrong
    # order number" (D29); swearing beside mild words is ("a bit fucking annoying").
    own_slip = (_said_own_slip(text) and not _BLAMES_US.search(text)) or _ran_self_down(text)
    if escalating:  # swearing only: at one's own slip, or in an idiom ("Hell of a week")
        idiom = _SWEAR_IDIOM.search(text) is not None and not _IDIOM_SPOILED.search(text)
        return own_slip or idiom
    return _said_mild_words(text) or own_slip


def annoyance(emotions: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    """A mild annoyance's anger above :data:`MILD_HOT` is frustration, not rage."""
    return to_frustration(emotions, "anger", max(0.0, dict(emotions)["anger"] - MILD_HOT))
