"""What the plan says the agent will do, and about what (capability C3).

The action comes from what went wrong (missing, billed wrong, broken, not working); the
customer has already said what happened, so "find out what happened" is the last resort.
When the customer names several things ("it came a week late and you charged me twice"),
a bill put right is about the charge, fee or payment they name, not the first thing they
mention (D36: "I will get your order put right" for a double charge).
"""

from __future__ import annotations

import re

from kettle.analysis.suggest_spelling import has_misspelt

#: What the plan does, by what went wrong (2026-12-07 probe).
PLAN_ACTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:never\s+(?:arrived|came|turned\s+up)|(?:hasn|didn|haven)['’]?t\s+(?:yet\s+)?"
                r"(?:arrived|come|turned\s+up|been\s+delivered|shown\s+up|come\s+through|landed)"
                r"|(?:has|have|did)\s+not\s+(?:yet\s+)?(?:arrived|come|turned\s+up|shown\s+up)"
                r"|not\s+(?:arrived|delivered|here)|missing|lost|where\s+is|where['’]s"
                r"|still\s+waiting\s+for)\b", re.IGNORECASE),
     "track down {about}"),
    (re.compile(r"\b(?:charged|overcharged|double|twice|bill|invoice|refund|money\s+back|fee|debit)",
                re.IGNORECASE),
     "get {about} put right"),
    (re.compile(r"\b(?:broken|damaged|cracked|smashed|dented|torn|scratched|shattered|in\s+pieces"
                r"|dropped|leak(?:s|ing|ed)?)\b", re.IGNORECASE),
     "get {about} repaired or replaced"),
    (re.compile(r"\b(?:faulty|(?:not|isn['’]?t|stopped|aren['’]?t)\s+(?:working|cooling|heating"
                r"|charging|draining|spinning|printing)|(?:doesn|didn)['’]?t\s+work"
                r"|(?:does|did)\s+not\s+work|crash(?:ed|es|ing)?"
                r"|won['’]?t\s+(?:work|turn\s+on|start|connect|activate|drain|charge|open|close|load)|(?:is|are|been|went|was|goes)"
                r"\s+down|dead|no\s+signal|keeps\s+dropping|drops)\b", re.IGNORECASE),
     "get {about} working again"),
    (re.compile(r"\bwrong\s+(?:colou?r|size|item|model|one|product|part|shade|style|version"
                r"|flavou?r|fit)\b", re.IGNORECASE),
     "get {about} exchanged for the right one"),
)
_BILLING = 1
#: The money thing named ("the extra payment", "a £95 cancellation fee", "this charge").
_MONEY_THING = re.compile(
    r"\b(?:the|a|an|this|that|my|your|these|those)\s+((?:(?:[£$€]\s?\d[\d,.]*|extra|second|duplicate"
    r"|double|late|cancellation|admin(?:istration)?|delivery|booking|exit|early|annual|monthly"
    r"|roaming|overdraft|penalty|service|call-out|callout)\s+){0,3}"
    r"(?:charges?|fees?|payments?|debits?|overcharges?|surcharges?))\b",
    re.IGNORECASE)
_TWICE = re.compile(r"\b(?:charged|billed|debited|taken)\s+(?:me\s+|us\s+)?(?:\w+\s+){0,3}?(?:twice"
                    r"|two\s+times|double)\b|\bdouble[\s-](?:charged|billed|debited)\b",
                    re.IGNORECASE)


def failure(told: str) -> bool:
    """The customer tells of something missing, broken or not working (not a bill, which
    a calm question can name: "what's your refund policy?")."""
    return any(PLAN_ACTIONS[i][0].search(told) for i in (0, 2, 3, 4))


def _billed(told: str, last: str, about: str) -> str:
    """What a bill put right is about: the charge, fee or payment named in the latest
    message, then in any; a charge taken twice; else ``about``."""
    for text in (last, told):
        named = _MONEY_THING.search(text)
        if named is not None:
            return f"the {named.group(1)}"
    if _TWICE.search(told):
        return "the double charge"
    return about


def plan_action(told: str, about: str, last: str = "") -> str:
    """What the plan says the agent will do about ``about``, given the customer's words
    (``last``: their latest message, where what they ask to be fixed is named)."""
    for at, (pattern, action) in enumerate(PLAN_ACTIONS):
        if pattern.search(told):
            thing = _billed(told, last, about) if at == _BILLING else about
            if thing == "this":
                return "look into this"
            return action.format(about=thing)
    if about == "this":
        return "look into this"
    return f"find out what happened with {about}"


#: What the customer asks to have done to a thing ("I just want the tap fixed", "I'd like my
#: deposit returned"), or asks where it is ("Where is my suitcase?"): with several things
#: named, that is what the plan is about (D36).
_WANT_DONE = re.compile(
    r"\b(?:i|we)(?:\s+just|\s+really|\s+only|\s+simply)?(?:\s+want|\s+need|\s+would\s+like"
    r"|['’]d\s+like|\s+expect)\s+(?P<thing>(?:the|my|our|this|that)\s+(?:[a-z£$€0-9,.-]+\s+){0,2}?[a-z]+)\s+"
    r"(?P<done>fixed|repaired|replaced|refunded|sorted(?:\s+out)?|collected|delivered|reconnected"
    r"|cancelled|changed|removed|returned|exchanged|put\s+right|looked\s+at|unblocked|unlocked"
    r"|reinstated|credited|reversed|corrected|redelivered|picked\s+up|back)\b",
    re.IGNORECASE)
_WHERE = re.compile(r"\bwhere\s+(?:is|are|['’]s)\s+(?P<thing>(?:my|our|the)\s+(?:[a-z]+\s+){0,2}?"
                    r"[a-z]{3,})\s*\?", re.IGNORECASE)
_YOURS = {"my": "your", "our": "your", "this": "the", "that": "the"}


def _yours(thing: str) -> str:
    first, _, rest = thing.partition(" ")
    return f"{_YOURS.get(first.lower(), first.lower())} {rest}"


def wanted(last: str, when: str) -> str | None:
    """The plan that does what the customer asks to have done to a thing, or None."""
    where = _WHERE.search(last)
    if where is not None and not has_misspelt(where.group("thing")):
        return f"I will track down {_yours(where.group('thing'))} and get back to you {when}."
    want = _WANT_DONE.search(last)
    if want is None or has_misspelt(want.group("thing")):  # "my mony" is not said back
        return None
    done = want.group("done").lower()
    done = "given back to you" if done == "back" else done
    return f"I will get {_yours(want.group('thing'))} {done} and get back to you {when}."
