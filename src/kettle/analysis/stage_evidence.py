"""Evidence in single turns that moves a conversation through the method.

Each detector is one precompiled alternation. They look for what a turn *does*
in the method (an agent acknowledging, restating, promising, reporting action,
declaring the problem solved, checking back; a customer confirming, accepting
or saying it works now), not at how hot the customer is: heat comes from the
thermometer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kettle.analysis.types import Turn

_FLAGS = re.IGNORECASE


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)


_ACK = _rx(
    r"\b(?:i'?m|i am|we'?re|we are)\s+(?:\w+\s+){0,2}sorry\b",
    r"\b(?:my|our|sincere|deepest)\s+apolog",
    r"\bapologi[sz]e\b",
    # "Sorry about that", "So sorry for the wait", "Apologies for the trouble".
    r"(?:^|[.!?,]\s*)(?:so\s+|really\s+|very\s+|terribly\s+)?sorry\b(?!\s+(?:but|to\s+bother))",
    r"\bsorry\s+(?:about|for)\s+(?:that|this|the|all|any|your)\b",
    r"\bapologies\b",
    r"\bi (?:completely |totally |fully )?(?:understand|see|hear you)\b",
    r"\bi can (?:understand|imagine|see)\b",
    r"\b(?:that|this) (?:must|would) (?:have been|be)\b",
    r"\bit sounds like\b",
    r"\b(?:you'?re|you are) (?:right|absolutely right)\b",
    r"\bi can help\b",
    r"\blet me (?:be the one to )?help\b",
    r"\bthat'?s (?:not ok|unacceptable|not good enough|frustrating|awful)\b",
)
_CONFIRM_Q = _rx(
    r"\bis that (?:right|correct)\b",
    r"\b(?:did|do) i (?:get|have|understand) (?:that|this|it) right\b",
    r"\bjust to (?:confirm|make sure|check)\b",
    r"\bif i understand (?:you )?correctly\b",
    r"\bcan you confirm\b",
    r"\bcould you confirm\b",
    r"^\s*so,? (?:you|your)\b[^.!]*\?",
    r"\bam i right\b",
)
_PLAN = _rx(
    r"\b(?:i|we)(?:'ll| will| am going to| are going to|'m going to)\b",
    r"\blet me\b",
)
_TIME = _rx(
    r"\bby\s+(?:\d{1,2}(?::\d{2})?\s*(?:am|pm)?|noon|midday|tonight|tomorrow|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday|the end of|end of|eod|cob|close of)",
    r"\b(?:within|in)\s+(?:the next\s+)?(?:\d+|an?|one|two|three|24|48)\s+"
    r"(?:minutes?|hours?|days?|business days?|working days?)\b",
    r"\bwithin (?:the|an|the next) hour\b",
    r"\b(?:today|tomorrow|tonight|this (?:afternoon|evening|morning)|first thing)\b",
    r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b",
)
_ACTION = _rx(
    r"\b(?:i|we)(?:'ve| have| just| already)+\s+(?:\w+\s+){0,1}"
    r"(?:called|contacted|spoken|spoke|emailed|sent|arranged|booked|escalated|raised|passed"
    r"|processed|issued|ordered|scheduled|asked|checked|requested|submitted|reported"
    r"|dispatched|informed|logged|notified|forwarded|talked|phoned|reached"
    # Changes made on the account (D29): "I've removed the £135 roaming charges now".
    r"|removed|set\s+(?:it|them|your|the|you\s+up|up)|changed|updated|reset|unlocked|applied|waived"
    r"|reversed|added|upgraded"
    r"|downgraded|cancel+ed|credited|refunded|moved|switched|reactivated|restored)\b",
    # Said in note form (D29): "Engineer booked, arrives by 3:15.", "Refund issued."
    r"^\W*(?:(?:an?|the|your)\s+)?(?:engineer|technician|refund|replacement|callback|call\s+back"
    r"|appointment|courier|collection|delivery|credit|new\s+\w+)\s+(?:is\s+|has\s+been\s+)?(?:now\s+)?"
    r"(?:booked|arranged|sent|scheduled|processed|issued|confirmed|dispatched|applied|ordered)\b"
    r"(?!\s*\?)",
    r"\b(?:i|we) (?:called|contacted|spoke|emailed|sent|arranged|booked|escalated|phoned"
    r"|checked|talked|reached)\b",
    # Reported in the passive: "has been sent", "the refund has now been processed".
    r"\b(?:has|have)\s+(?:now\s+|just\s+|already\s+)?been\s+(?:sent|arranged|booked|escalated"
    r"|dispatched|scheduled|processed|raised|forwarded|passed|requested|issued|ordered|released"
    r"|shipped|posted|unlocked|unblocked|reactivated)\b",
    # Done by someone else, or said of the thing (2026-12-07): "The finance team has now
    # released the refund", "Your replacement was dispatched this morning", "Your new
    # card is in the post", "The refund has gone back to your card today".
    r"\b(?:team|department|engineer|technician|courier|warehouse|finance|bank)\s+(?:has|have)"
    r"\s+(?:now\s+|just\s+|already\s+)?(?:released|sent|processed|issued|dispatched|booked"
    r"|approved|credited|refunded|fixed|repaired|replaced)\b",
    r"\b(?:your|the)\s+(?:\w+\s+){0,2}(?:was|were)\s+(?:now\s+|just\s+)?(?:dispatched|posted"
    r"|shipped|released|unlocked|unblocked|reactivated)\b(?![^.?!]*\?)",
    r"\b(?:is|are) (?:now )?in the post\b(?![^.?!]*\?)",
    r"\b(?:has|have) (?:now )?gone (?:back )?(?:to|into|onto) your (?:card|account|bank)\b",
    r"\b(?:is|are) (?:now )?on (?:its|their|the) way\b",
    # "That's sent now", "Booked: collection is on Friday" (D29); not "Once that's processed…".
    r"(?<!once )(?<!when )(?<!after )(?<!until )(?<!if )(?<!as soon as )"
    r"\b(?:that'?s|it'?s|it is|that is|all) (?:now |all )?(?:sent|booked|done|cancelled|applied"
    r"|updated|arranged|processed|changed|set up)\b",
    r"^\W*(?:booked|sent|done|cancelled|arranged|confirmed|applied|updated)\s*[:.!,-]",
    r"\bi'?m (?:now |currently )?(?:working on|looking into|checking|on it)\b",
    r"\b(?:the|our) (?:depot|team|engineer|driver|courier|technician|manager|warehouse)\s+"
    r"(?:has|have|is|are|will|confirmed|says|said)\b",
)
_RESOLVED = _rx(
    # "Fixed.", "All sorted!" said first (D29).
    r"^\W*(?:all\s+)?(?:fixed|sorted|resolved|done)\s*[.!]",
    r"\b(?:has|have|is|are|was|were) (?:now |been |just )*(?:fixed|resolved|solved|sorted|closed"
    r"|refunded|credited|delivered|replaced|restored|repaired|reimbursed|cancelled|canceled"
    r"|corrected|reactivated|back (?:on|up))\b",
    r"\b(?:i|we)(?:'ve| have)? (?:\w+ )?(?:fixed|resolved|solved|sorted|refunded|credited"
    r"|replaced|restored|repaired|reimbursed|corrected)\b",
    r"\b(?:full )?refund (?:of \S+ )?(?:has (?:now |just )?been |was |is (?:now )?)?(?:processed"
    r"|issued|sent|made|completed)\b",
    r"\b(?:should|will) (?:now )?(?:work|be working) (?:again|now|fine)\b",
    r"\bit'?s (?:all )?(?:sorted|fixed|done|resolved)\b",
)
_FOLLOW_UP = _rx(
    r"\bthank(?:s| you) (?:so much |very much )?for (?:your patience|giving us|the chance"
    r"|bearing with|letting us|your understanding|bringing this)",
    r"\b(?:just |i'?m |i am |i wanted to )?(?:checking|following) (?:in|up|back)\b",
    r"\b(?:is|was) (?:everything|it all|all) (?:ok|okay|alright|fine|good|working)\b",
    r"\b(?:are|were) you (?:happy|satisfied) with\b",
    r"\bdid (?:it|everything|the \w+) (?:arrive|work|go)\b",
    r"\banything else (?:i|we) can (?:do|help)\b",
    r"\bglad (?:we|i|it|that|to hear)\b",
)
#: Check-backs a day after the fix (2026-12-07): "Great to hear!", "just touching base to
#: make sure the machine is behaving", "Is the machine still running smoothly?". Before
#: the fix the same words troubleshoot ("Is the router working now?"), so they count
#: only once the case is resolved.
_CHECK_BACK = _rx(
    r"\b(?:great|good|happy|pleased|lovely|wonderful|delighted|brilliant) to hear\b",
    r"\btouch(?:ing)? base\b",
    r"\b(?:make sure|check|see|confirm) (?:whether |if |that )?(?:everything|it|all|things"
    r"|the \w+|your \w+)\b[^.?!]{0,40}\b(?:ok|okay|fine|alright|working|running|behaving"
    r"|held up|holding up|sorted|arrived|reached you|shown up|gone through)\b",
    r"\bhow(?:'s| is| are) (?:everything|things|the \w+(?: \w+)?|your \w+(?: \w+)?) "
    r"(?:running|working|behaving|holding up)\b",
    r"\bhow (?:have|has) (?:things|everything) been\b",
    r"\b(?:is|are|has|have) (?:everything|things|it|the \w+) (?:(?:still|now|been|all) )*"
    r"(?:ok|okay|fine|alright|working|running|behaving|holding up)\b",
    r"\bdid (?:it|that|everything|the \w+) (?:fix|sort|solve)\b",
)
_YES = _rx(
    r"^\W*(?:yes|yeah|yep|yup|right|correct|exactly|that'?s (?:right|correct|it)|indeed"
    r"|precisely|affirmative|uh-huh|true)\b",
)
_ACCEPT = _rx(
    r"^\W*(?:ok|okay|k|fine|alright|all right|sure|great|good|perfect|thanks|thank you"
    r"|cheers|deal|agreed|please do|sounds good|that works|that'?s fine|that'?s great"
    r"|much appreciated|appreciate it|lovely|brilliant|wonderful|excellent|awesome)\b",
    r"\b(?:that|this) (?:works|would work|sounds (?:good|fine|great|ok))\b",
    r"\bi(?:'?ll| will) wait\b",
    r"\bplease (?:do|go ahead)\b",
)
_WORKS_NOW = _rx(
    r"\b(?:it|everything|all) (?:works|is working|is fine|is good|is ok|is okay)(?: now)?\b",
    r"\b(?:it|they|the \w+) (?:finally )?(?:arrived|came|turned up|got here)\b",
    r"\b(?:it|they|(?:the|my) (?:parcel|package|order|refund|money|item|replacement|delivery"
    r"|engineer|technician|card|payment|credit))(?:'s|'ve| has| have) (?:finally |just |now )?"
    r"(?:arrived|turned up|come through|gone through|landed)\b",
    r"\bi (?:got|received|have received|'ve received|have got) (?:it|them|my (?:refund|parcel"
    r"|order|package|money|replacement|item|delivery|credit))\b",
    r"\b(?:problem|issue) (?:is |has been )?(?:solved|fixed|resolved|gone)\b",
    r"\b(?:works|working) (?:again|now|fine)\b",
    # An answer to "Is everything OK?": "Yes, all fine.", "Yes, all there." (D29).
    # One optional "yes" between the marks: two \W* side by side were quadratic on "!!!!".
    r"^\W*(?:(?:yes|yep|yeah)\b\W*)?(?:all|everything(?:'s| is)?|it'?s all) "
    r"(?:fine|there|good|ok|okay|present|correct|working)\b"
    r"(?![^.!?]*\b(?:but|except|apart from|although|though)\b)",
    # D29 probe: "It's back on now, thanks!", "They're there. Thank god.", "checked in! Thank you".
    r"\b(?:it|that|everything|the \w+)(?:'s| is| are) (?:all )?(?:back (?:on|up|online)"
    r"|up and running|fixed|sorted|working)\b(?![^.!?]*\b(?:but|except|apart from|although"
    r"|though|only)\b)",
    # Arrived, not at home: "They're there. Thank god." (not "I'm home all day Friday").
    r"\b(?:they'?re|we'?re) (?:all )?(?:there|through|on board)\b(?! yet)"
    r"(?=[^?]*\b(?:thank|thanks|cheers|phew|thank god|finally)\b)",
    r"\b(?:checked in|made it|got in|got through)\b(?=[^?]*\b(?:thank|thanks|cheers)\b)",
    # "Received, thank you", "Yep, all good", "Done, I'm in" (2026-12-07 probe).
    r"^\W*(?:(?:yes|yep|yeah|ok(?:ay)?)\b\W*)?(?:received(?: it)?|all (?:good|set|sorted)"
    r"|(?:just )?done(?:,| -| !|!)\s*(?:i'?m in|thanks|thank you|cheers))\b",
)
_SATISFIED = _rx(
    r"\b(?:thanks|thank you|cheers|ta|thx|many thanks)\b[^?]*$",
    r"\b(?:great|perfect|brilliant|excellent|wonderful|awesome|happy|satisfied|relieved)\b",
    r"\b(?:all good|all sorted|much better|that'?s fine|that helps)\b",
)
#: Stronger than "thanks": the customer is pleased with what was done.
_PLEASED = _rx(
    r"\b(?:relief|relieved|perfect|brilliant|wonderful|awesome|excellent|fantastic|great"
    r"|appreciate|happy|satisfied|all good|problem solved|that'?s fine|that helps|lifesaver)\b",
)
_REJECT = _rx(
    # Not a closing "No, that's everything, thanks" to "Anything else?" (2026-12-07 probe).
    r"^\W*(?:no|nope|not really|that'?s not|wrong|never)\b(?![\s,]+(?:problem|worries|bother"
    r"|rush|need|doubt|wonder|matter|that'?s (?:all|everything|it)|thanks?\b|thank you|nothing"
    r"|all good|i'?m (?:good|fine|all set)|we'?re (?:good|fine|all set)|that'?ll be all))",
    r"\bnot (?:good enough|acceptable|ok|okay)\b",
    r"\bstill (?:not|no|doesn'?t|don'?t|hasn'?t|haven'?t|isn'?t|broken|waiting)\b",
    r"\b(?:doesn'?t|does not|didn'?t|did not) (?:work|help|arrive|come)\b",
)


@dataclass(frozen=True, slots=True)
class AgentEvidence:
    """What an agent (or system) turn does in the method."""

    acknowledges: bool
    asks_confirmation: bool
    plans: bool
    reports_action: bool
    claims_resolved: bool
    follows_up: bool
    #: "Is the machine still running smoothly?": a follow-up once the case is resolved.
    checks_back: bool = False
    #: "Is there anything else I can help with?": a bare "no" to it is a goodbye.
    offers_more: bool = False
    #: "Is everything running as it should?": a "yes, all fine" answers it (D29).
    checks: bool = False
    #: What the customer asked for is done ("I've cancelled the second one"), not a step
    #: on the way ("I've escalated it to the team").
    completes: bool = False


@dataclass(frozen=True, slots=True)
class CustomerEvidence:
    """How a customer turn answers the agent."""

    confirms: bool
    accepts: bool
    satisfied: bool
    pleased: bool
    rejects: bool


_MORE = _rx(
    r"\b(?:anything|something)\s+else\b[^.!]*\?",
    r"\bany\s+(?:other|more|further)\s+(?:questions?|problems?|issues?|concerns?)\b[^.!]*\?",
)


def agent_evidence(turn: Turn) -> AgentEvidence:
    text = turn.text
    plans = bool(_PLAN.search(text)) and bool(_TIME.search(text))
    return AgentEvidence(
        acknowledges=bool(_ACK.search(text)),
        asks_confirmation=bool(_CONFIRM_Q.search(text)),
        plans=plans,
        reports_action=bool(_ACTION.search(text)),
        claims_resolved=bool(_RESOLVED.search(text)),
        follows_up=bool(_FOLLOW_UP.search(text)),
        checks_back=bool(_CHECK_BACK.search(text)),
        offers_more=bool(_MORE.search(text)),
        checks=bool(_CHECKS.search(text)),
        completes=bool(_RESOLVED.search(text))
        or (bool(_ACTION.search(text)) and not _ON_THE_WAY.search(text)),
    )


_CHECKS = _rx(
    r"\b(?:is|are|does|did|has|have)\s+(?:everything|it|all|that|they|the\s+\w+)\b[^?.!]{0,60}"
    r"\b(?:ok|okay|fine|right|working|work|running|expected|arrived|there|good|sorted|fixed)\b"
    r"[^?.!]{0,30}\?",
)
#: A step towards a fix, not the fix: passed on, asked, checked, logged (D29).
_ON_THE_WAY = _rx(
    r"\b(?:escalated|raised|passed|forwarded|logged|reported|asked|requested|contacted|checked"
    r"|chased|referred|submitted|spoken|spoke|emailed\s+(?:the|our)|informed|notified|looking"
    r"|working\s+on|called|rang|phoned|on\s+(?:its|their|the)\s+way|dispatched|shipped|posted"
    r"|in\s+the\s+post|will\s+be\s+(?:with\s+you"
    r"|there|here))\b",
)


def customer_evidence(turn: Turn) -> CustomerEvidence:
    text = turn.text
    rejects = bool(_REJECT.search(text))
    return CustomerEvidence(
        confirms=bool(_YES.search(text)) and not rejects,
        accepts=bool(_ACCEPT.search(text)) and not rejects,
        satisfied=(bool(_SATISFIED.search(text)) or bool(_WORKS_NOW.search(text)))
        and not rejects,
        pleased=bool(_PLEASED.search(text)) and not rejects,
        rejects=rejects,
    )


def works_now(text: str) -> bool:
    """Whether a customer says, unprompted, that the problem is gone."""
    return bool(_WORKS_NOW.search(text)) and not _REJECT.search(text)


def has_time(text: str) -> bool:
    """Whether ``text`` names a concrete time ("by 5 pm", "within 2 hours")."""
    return bool(_TIME.search(text))
