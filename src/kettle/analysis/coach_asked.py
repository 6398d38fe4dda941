"""A reply that asks the customer for what their own message already gave (``asking_again``).

"Order 558213 arrived damaged. I've attached photos…" answered with "Please send us
your order number and photos of the damage" tells the customer nobody read their
message (2026-12-07 e-mail probe). Like a premature request this depends on the
conversation, so it is found here rather than by a phrase rule: the customer's
last block of turns is read for what it gives (a reference of a kind, a flight
number, photos, receipts, an address, a meter reading, an e-mail address, a
phone number), and each reply sentence that asks for something is read for the
same things.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kettle.analysis.case_twin import Twinned
from kettle.analysis.coach_text import Sentence
from kettle.analysis.playbook import Playbook
from kettle.analysis.types import Finding, Span

NAME = "asking_again"

#: The kinds of reference a customer quotes, each with the words a reply asks for it by.
_KINDS = r"order|booking|account|reference|ref|ticket|case|claim|policy|invoice|membership" \
         r"|tracking|customer|confirmation|reservation|flight"
#: "Order 558213", "Booking reference XK7P2Q", "account no. 40021187", "flight QF412":
#: the kind, then an id with a digit in it.
_GIVEN_REF = re.compile(
    rf"\b({_KINDS})\b(?:\s+(?:number|no\.?|id|ref(?:erence)?|code))?\s*(?:is\s+|[:#-]\s*)?#?"
    r"(?=[A-Za-z-]*\d)[A-Za-z0-9][A-Za-z0-9-]{3,}\b",
    re.IGNORECASE)
#: Any other kind named by its id word: "His camper ID is TC-4471", "member no. 40021" (D36).
_GIVEN_ID = re.compile(
    r"\b([a-z]{3,})\s+(?:id|number|no\.?|ref(?:erence)?|code)\s*(?:is\s+|[:#-]\s*)?#?"
    r"(?=[A-Za-z-]*\d)[A-Za-z0-9][A-Za-z0-9-]{3,}\b", re.IGNORECASE)
#: The same in a reply: "his camper ID", "your member number".
_ASKED_ID = re.compile(r"\b([a-z]{3,})\s+(?:id|number|no\b\.?|ref(?:erence)?\b|code)\b",
                       re.IGNORECASE)
#: Words before an id word that name no kind of reference ("phone number", "the number").
_NOT_KIND = frozenset(str.split(
    "the your his her their our my this that phone mobile contact telephone same new old "
    "any full correct right wrong valid security sort postal zip post area"))
#: What else a customer's message gives, by the thing a reply would ask for.
_GIVEN: dict[str, re.Pattern[str]] = {
    "photos": re.compile(
        r"\b(?:attached|attaching|enclosed|enclosing|i['’]ve\s+(?:sent|included|uploaded|added)"
        r"|here\s+(?:are|is))\b[^.!?]{0,40}?\b(?:photos?|pictures?|images?|screenshots?)\b"
        r"|\b(?:photos?|pictures?|images?|screenshots?)\s+(?:are\s+|is\s+)?(?:attached|enclosed)\b",
        re.IGNORECASE),
    "receipts": re.compile(
        r"\b(?:attached|attaching|enclosed|enclosing|i['’]ve\s+(?:sent|included|uploaded|added)"
        r"|here\s+(?:are|is))\b[^.!?]{0,40}?\b(?:receipts?|invoices?|proof\s+of\s+purchase)\b"
        r"|\b(?:receipts?|invoices?)\s+(?:are\s+|is\s+)?(?:attached|enclosed)\b",
        re.IGNORECASE),
    "address": re.compile(
        r"\b(?:my|our|the)\s+(?:delivery\s+|home\s+|postal\s+|new\s+)?address\s+is\b"
        r"|\b\d{1,4}\s+[A-Z][a-z]+\s+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Close|Way|Crescent)\b"),
    "meter reading": re.compile(r"\breading\b[^.!?\d]{0,20}\d{3,}", re.IGNORECASE),
    "email address": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
    "phone number": re.compile(r"(?<![\w-])\+?\d[\d ()-]{8,}\d\b"),
}
#: The same things asked for in a reply sentence.
_ASKED_REF = re.compile(
    rf"\b(?:your\s+|the\s+)?({_KINDS})\s+(?:number|no\b\.?|id\b|ref(?:erence)?\b|code\b|details\b)",
    re.IGNORECASE)
_ASKED: dict[str, re.Pattern[str]] = {
    "photos": re.compile(r"\b(?:photos?|pictures?|images?|screenshots?)\b", re.IGNORECASE),
    "receipts": re.compile(r"\b(?:receipts?|invoices?|proof\s+of\s+purchase)\b", re.IGNORECASE),
    "address": re.compile(r"\b(?:delivery\s+|home\s+|postal\s+|full\s+)?address\b(?!\s+is\b)",
                          re.IGNORECASE),
    "meter reading": re.compile(r"\b(?:meter\s+)?reading\b", re.IGNORECASE),
    "email address": re.compile(r"\be-?mail\s+address\b", re.IGNORECASE),
    "phone number": re.compile(r"\b(?:phone|mobile|contact|telephone)\s+number\b",
                               re.IGNORECASE),
}
#: A sentence that asks the customer for something.
_REQUEST = re.compile(
    r"\b(?:please|kindly|could\s+you|can\s+you|would\s+you|will\s+you|(?:we|i)\s+(?:will\s+|would\s+)?"
    r"(?:need|require)|send\s+(?:us|me)|provide|reply\s+with|resend|re-send|let\s+(?:us|me)\s+have)\b",
    re.IGNORECASE)
#: The request waived or answered ("no need to send the photos again", "thank you for the
#: photos"), or not a request to send it ("keep your order number handy", "please quote your
#: reference in any reply").
_NOT_ASKED = re.compile(
    r"\b(?:no\s+need|(?:don['’]t|do\s+not|won['’]t|will\s+not)\s+need|already\s+(?:have|got|received)"
    r"|thank(?:s|\s+you)\s+for\s+(?:sending|the|your)|(?:i|we)\s+(?:have|['’]ve)\s+(?:got|received)"
    r"|handy|to\s+hand|for\s+your\s+(?:own\s+)?records|quote)\b",
    re.IGNORECASE)

#: The two as asked of a sentence (see case_twin).
_REQUESTS, _WAIVED = Twinned(_REQUEST), Twinned(_NOT_ASKED)

MESSAGE = ("The customer already gave this in their message; asking for it again tells them "
           "nobody read it. Use what they sent.")


def find(sentences: tuple[Sentence, ...], customer: str, playbook: Playbook) -> tuple[Finding, ...]:
    """A finding for each reply sentence that asks for something the customer gave."""
    if not customer or NAME not in playbook.anti_patterns:
        return ()
    # Most replies ask for nothing: the customer's message is read only when one does.
    asking = [s for s in sentences if _REQUESTS.found(s.text, s.folded)
              and not _WAIVED.found(s.text, s.folded) and _names_a_thing(s.text)]
    given = _given(customer) if asking else frozenset()
    if not given:
        return ()
    out: list[Finding] = []
    for sentence in asking:
        hit = _asked_again(sentence, given)
        if hit is not None:
            out.append(_finding(sentence, hit, playbook))
    return tuple(out)


def _names_a_thing(text: str) -> bool:
    """Whether a request names something a customer could have given (its reference, photos,
    an address…): only then is the customer's message read (``_given``)."""
    return _ASKED_REF.search(text) is not None or _ASKED_ID.search(text) is not None or any(
        regex.search(text) for regex in _ASKED.values())


#: Literals without which a "given" rule cannot match (a cheap pre-check: the regexes
#: cost some 35 µs on a customer's message, the checks of the literals a few).
_GIVEN_NEEDS: dict[str, tuple[str, ...]] = {
    "photos": ("attach", "enclos", "sent", "includ", "upload", "added", "here"),
    "receipts": ("attach", "enclos", "sent", "includ", "upload", "added", "here"),
    "address": ("address", "street", " st", "road", " rd", "avenue", "ave", "lane", "drive",
                "close", "way", "crescent"),
    "meter reading": ("reading",),
    "email address": ("@",),
}


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=256)
def _given(customer: str) -> frozenset[str]:
    """The things the customer's text gives: reference kinds ("order") and others.

    Cached: while an agent types, the same conversation is checked again and again.
    """
    folded = customer.lower()
    digits = _DIGIT.search(customer) is not None
    kinds = {m.group(1).lower() for m in _GIVEN_REF.finditer(customer)} if digits else set()
    kinds = {"reference" if k == "ref" else k for k in kinds}
    if digits:
        kinds |= {f"{m.group(1).lower()} id" for m in _GIVEN_ID.finditer(customer)
                  if m.group(1).lower() not in _NOT_KIND}
    others = {name for name, regex in _GIVEN.items()
              if (digits if name == "phone number" else any(
                  x in folded for x in _GIVEN_NEEDS[name])) and regex.search(customer)}
    return frozenset(kinds | others)


def _asked_again(sentence: Sentence, given: frozenset[str]) -> tuple[re.Match[str], str] | None:
    """The first thing ``sentence`` (a request) asks for that is in ``given``, with its name."""
    text = sentence.text
    hits: list[tuple[re.Match[str], str]] = []
    for match in _ASKED_REF.finditer(text):
        kind = match.group(1).lower()
        kind = "reference" if kind == "ref" else kind
        # "your reference number" asks for whichever reference the customer gave.
        if kind in given or (kind == "reference" and given & set(_KINDS.split("|"))):
            hits.append((match, f"{kind} number" if kind != "reference" else "reference"))
    for match in _ASKED_ID.finditer(text):
        if f"{match.group(1).lower()} id" in given:
            hits.append((match, match.group().strip()))
    for name, regex in _ASKED.items():
        other = regex.search(text)
        if other is not None and name in given:
            hits.append((other, name))
    return min(hits, key=lambda hit: hit[0].start()) if hits else None


def _finding(sentence: Sentence, hit: tuple[re.Match[str], str], playbook: Playbook) -> Finding:
    match, thing = hit
    rule = playbook.anti_patterns[NAME]
    start, end = sentence.start + match.start(), sentence.start + match.end()
    rewrite = f"Thank you for sending the {thing} with your message; I have what I need."
    return Finding(kind="anti_pattern", name=NAME, span=Span(start, end, match.group()),
                   step=rule.step, message=rule.message or MESSAGE, rewrite=rewrite)
