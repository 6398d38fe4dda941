"""What to say first when the customer is in danger, or bereaved (D29).

A blind probe of 60 conversations found the suggestions blind to safety: to
"There's a strong smell of gas in my kitchen, what do I do??" they offered
"It sounds like that was really frustrating, because there's a strong smell of
gas in your kitchen" and "I will find out what happened with your kitchen and
get back to you by 2 pm today". A danger comes before the method: the plan says
what to do now, and the feeling guessed is fear. A bereaved customer gets
condolences, not "that was really stressful". Product rules, not fits.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: A danger to the customer, and what the agent says to do now.
_HAZARDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:smell(?:s|ing)?\s+(?:of\s+)?gas|gas\s+(?:smell|leak\w*)|leak(?:s|ing)?\s+gas"
                r"|carbon\s+monoxide|co\s+alarm)\b", re.IGNORECASE),
     "Please leave the property now, don't use any switches or flames, and call the gas "
     "emergency line from outside. I'm raising this as an emergency with our engineers right "
     "now."),
    (re.compile(r"\b(?:on\s+fire|caught\s+fire|(?:smoke|flames?)\s+(?:coming|pouring)|sparks?"
                r"|sparking|electric(?:al)?\s+shock|burning\s+smell|smell\s+of\s+burning"
                r"|live\s+wires?|exposed\s+wires?)\b", re.IGNORECASE),
     "Please switch off at the mains if it's safe, keep away from it, and call the emergency "
     "services if there is any fire or smoke. I'm raising this as an emergency with our "
     "engineers right now."),
    # Water coming in now, not "flood damage" nor "flooded with spam texts".
    (re.compile(r"\b(?:(?:is|are|was|been|got|getting|being)\s+flooded(?!\s+with)|flooding\s+(?:in|into"
                r"|through|from|the|my|our)|water\s+(?:is\s+)?(?:pouring|coming|leaking|gushing)\s+"
                r"(?:in|through|from(?!\s+(?:the|my|our)\s+taps?)|out(?!\s+of\s+(?:the|my|our)\s+taps?))"
                r"|burst\s+(?:pipe|water\s+main))\b", re.IGNORECASE),
     "Please turn off the water at the stopcock and keep away from any sockets near the "
     "water. I'm raising this as an emergency with our engineers right now."),
)
#: A death in the family: condolences first.
_KIN = (r"(?:husband|wife|partner|father|mother|mum|mom|dad|son|daughter|brother|sister|gran"
        r"|grandma|grandmother|grandad|grandpa|grandfather|nan|aunt|uncle|baby|child|friend)")
#: Someone's death, not a battery's ("My phone battery died").
_BEREAVED = re.compile(
    rf"\b(?:passed\s+away|funeral|bereave\w*|late\s+{_KIN}|death\s+of\s+my|{_KIN}['’]s\s+death"
    rf"|{_KIN}\s+(?:has\s+|had\s+|recently\s+|sadly\s+|just\s+)*(?:died|passed\s+on))\b",
    re.IGNORECASE)


def hazard(text: str) -> str | None:
    """What to tell a customer in danger to do now, or None when there is no danger."""
    for pattern, advice in _HAZARDS:
        if pattern.search(text):
            return advice
    return None


def in_danger(text: str) -> bool:
    return hazard(text) is not None


def bereaved(text: str) -> bool:
    """The customer tells of a death in the family ("My husband passed away last month")."""
    return _BEREAVED.search(text) is not None


#: What the customer asks for outright, and the plan that does it (D29: "I want to speak to
#: a manager NOW" and "cancel my contract" had been met with "I will look into this and get
#: back to you within the hour"). ``{when}`` is the promised time.
_REQUESTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:speak|talk)\s+(?:to|with)\s+(?:a|your|the)\s+(?:manager|supervisor|team\s+leader)"
                r"|\b(?:get|want|need|demand)\s+(?:me\s+)?(?:a|your|the)\s+(?:manager|supervisor)\b"
                r"|\b(?:manager|supervisor)\s+(?:now|please|immediately)\b", re.IGNORECASE),
     "I'll bring in my team leader now and stay with you on this until they join."),
    (re.compile(r"\b(?:cancel(?:l?ing)?|clos(?:e|ing)|end(?:ing)?|terminat(?:e|ing))\s+(?:my|the|our|her|his|their|mum['’]s"
                r"|dad['’]s)\s+(?:[\w-]+\s+)?(?:contract|account|subscription|plan|membership"
                r"|policy|service)\b", re.IGNORECASE),
     "I'll start the cancellation for you now and confirm it, including any fee, {when}."),
    (re.compile(r"\b(?:want|need|demand|give\s+me)\s+(?:a\s+|my\s+)?(?:full\s+)?refund\b"
                r"|\b(?:want|need|demand)\s+(?:my|the|our)\s+money\s+(?:back|refunded)\b"
                r"|\b(?:want|need|demand)\s+(?:it|this|that|them)\s+refunded\b"
                r"|\b(?:want|need|demand)\s+(?:every\s+(?:penny|cent)|all\s+(?:of\s+)?(?:my|the|that)"
                r"\s+money|it\s+all)\s+back\b"
                # D36: "I'd like a partial refund", "I want the extra payment refunded",
                # "Please refund the fee".
                r"|\b(?:please|can\s+you|could\s+you|just)\s+refund\b"
                r"|\b(?:want|need|demand|like|expect)\s+(?:a\s+|my\s+|the\s+)?(?:full\s+|partial\s+)?refund\b"
                r"|\b(?:want|need|demand|like|expect)\s+(?:my|the|this|that|these|those|our)\s+"
                r"(?:[\w£$€.,-]+\s+){0,3}?(?:payments?|charges?|fees?|deposit|amount)\s+(?:back"
                r"|refunded|returned|reversed)\b", re.IGNORECASE),
     "I'll get your refund request started now and confirm where it stands {when}."),
)


def asked_for(text: str, when: str) -> str | None:
    """The plan that does what the customer asked for outright, or None."""
    for pattern, plan in _REQUESTS:
        if pattern.search(text):
            return plan.format(when=when)
    return None


CONDOLENCE = "I'm so sorry for your loss. I'll take care of this for you, so it's one less thing."
FRIGHT = "That sounds really frightening, and your safety comes first."


#: Money taken or an account broken into without the customer's say (2026-12-07 probe:
#: "There are three payments on my card I never made" had been met with "I will find out
#: what happened with your card"). Protect first, then the claim.
_FRAUD = re.compile(
    r"\b(?:fraud\w*|scam(?:med)?|phish\w*|unauthori[sz]ed|identity\s+theft"
    r"|(?:payments?|transactions?|purchases?|charges?|withdrawals?|debits?)\b[^.!?]{0,50}?\b(?:i|we)"
    r"\s+(?:never|didn['’]?t|did\s+not|don['’]?t|do\s+not)\s+(?:make|made|authori[sz]e\w*"
    r"|recogni[sz]e)|(?:payments?|transactions?|charges?)\b[^.!?]{0,60}?\bnever\s+heard\s+of"
    r"|(?:card|account|details|identity|password|phone)\s+(?:was|were|has\s+been|have\s+been|got)"
    r"\s+stolen|\w+\s+(?:was|were|has\s+been|have\s+been|got)\s+(?:hacked|cloned|compromised)"
    r"|stolen\s+(?:card|identity|details)"
    r"|(?:someone|somebody|they)\s+(?:has\s+|have\s+)?(?:logged|got|broken|hacked)\s+into\s+my"
    r"|(?:someone|somebody)\s+(?:has\s+|had\s+)?(?:used|taken|took|withdrawn|withdrew|spent"
    r"|moved|transferred)\s+(?:\w+\s+){0,3}?"
    r"(?:my\s+(?:card|account|details|identity|bank|savings)|money|[£$€]\d)"
    r"|(?:taken\s+out|opened)\s+(?:a\s+|an\s+)?(?:loan|account|credit\s+card|card)\s+in\s+my\s+name"
    r"|gave\s+(?:them\s+|him\s+|her\s+|the\s+\w+\s+)?my\s+(?:card\s+|bank\s+|account\s+)?(?:details|pin"
    r"|password|cvv|security\s+code|passcode|one[\s-]time\s+code|(?:card|account)\s+number)"
    r"|gave\s+(?:them|him|her)\b[^.!?]{0,40}?\b(?:3|three)[\s-]digit\s+code"
    # "my password was changed, i didnt do that" (held-out probe, 2026-12-07).
    r"|(?:password|e-?mail(?:\s+address)?|phone\s+number|address|pin|login|details)\s+(?:was|were"
    r"|has\s+been|have\s+been|had\s+been|got)\s+changed\b[^!?]{0,80}?(?:\bi\s+(?:didn['’]?t"
    r"|did\s+not|never)\b|\bnot\s+me\b|\bwasn['’]?t\s+me\b)"
    r"|(?:phoned|called|rang|texted|e-?mailed)\s+me\b[^.!?]{0,80}?\b(?:wasn['’]?t|was\s+not)"
    r"\s+(?:really\s+)?from\s+(?:you|your)\b)",
    re.IGNORECASE)
#: A card, not an account, is what was used.
_CARD = re.compile(r"\b(?:card|contactless|chip|pin)\b", re.IGNORECASE)
#: Someone got into the customer's account or details, not only their money.
_ACCESS = re.compile(r"\b(?:account|login|log\s+in|logged|password|details|pin|hacked|identity"
                     r"|savings|in\s+my\s+name|compromised|cloned)\b", re.IGNORECASE)
#: Money gone, to be claimed back.
_MONEY = re.compile(r"[£$€]|\b(?:\d[\d,.]*\s*(?:pounds|dollars|euros)|payments?|transactions?"
                    r"|charges?|taken|took|money|withdrawn|spent|loan|gone|bought|purchases?)\b",
                    re.IGNORECASE)


@lru_cache(maxsize=64)
def fraud(text: str) -> bool:
    """The customer tells of money taken or an account used without their say (cached: one
    ``suggest`` asks it of the same words for the time, the plan and the feeling)."""
    return _FRAUD.search(text) is not None


def protect(text: str, when: str) -> str | None:
    """The plan for fraud: stop more harm now, then the claim, with a time; or None."""
    if not fraud(text):
        return None
    if _CARD.search(text):
        first = "I'll block your card now so no more payments can go out"
    elif not _ACCESS.search(text):  # a seller who took the money: stop paying them
        first = "I'll stop any further payments to them now"
    else:
        first = "I'll freeze your account now and secure your login so no one else can use it"
    claim = ("then start a fraud claim for the money taken" if _MONEY.search(text)
             else "then check what was changed and put it back")
    return f"{first}, {claim}, and confirm where it stands {when}."


ALARM = "alarm"
