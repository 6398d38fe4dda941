"""What the customer says they need or want now: the plan does it, the reflection says it.

A held-out probe (D36) found "I need the right size before my interview on Thursday"
met with "I will look into this", "I've restarted it twenty times, I want an engineer"
with "I will find out what happened with your broadband", and the want said back as
the reason for the feeling ("…really frustrating, because you want an engineer"). A
want is what the customer asks for, not why they feel it: it is said back beside the
feeling ("It sounds like this has been really frustrating for you, and you want an
engineer"), and the plan sends the right thing or books the visit. "Because you needed
the truck there by 1 pm" (the method's own, a need that was not met) is left as it is.
"""

from __future__ import annotations

import re

_WANTS = r"(?:just\s+|really\s+|only\s+|still\s+)?(?:want|need|would\s+like)\b"
#: A body that is the customer's want, flipped ("you need the right size by Saturday",
#: "you don't want another diagnosis over the phone, you want an engineer").
_WANT_BODY = re.compile(rf"^you(?:['’]d\s+like\b|\s+(?:{_WANTS}|(?:don['’]t|do\s+not)\s+want\b))",
                        re.IGNORECASE)
#: A want joined to what happened by a comma ("you've restarted it twenty times, you want
#: an engineer"): "and" joins them.
_WANT_AFTER = re.compile(rf",\s+(?=you(?:['’]d\s+like\b|\s+{_WANTS}))", re.IGNORECASE)
#: The frame for a want: beside the feeling, not its reason.
WANT_FRAME = "It sounds like this has been {guess} for you, and {body}."


def framed(body: str, frame: str) -> tuple[str, str]:
    """``body`` and the frame to say it in: a want is said beside the feeling."""
    if _WANT_BODY.match(body):
        return body, WANT_FRAME
    return _WANT_AFTER.sub(", and ", body, count=1), frame


_I_WANT = rf"\b(?:i|we)(?:['’]d\s+like|\s+{_WANTS})\s+"
#: A visit asked for ("I want an engineer", "we need a plumber out today").
_VISIT = re.compile(
    _I_WANT + r"(?P<who>(?:an?|the|your)\s+(?:proper\s+|qualified\s+)?(?:engineer|technician"
    r"|plumber|electrician|repair\s*(?:man|person)|fitter)(?![\w'’-])"
    r"|someone\s+(?=(?:out|round|to\s+come)\b))",
    re.IGNORECASE)
#: The right thing sent ("I need the right size", "a corrected invoice", "a new copy",
#: "replacements", "a charger that actually works"); not "I need help", "an answer".
_RIGHT = (r"(?:right|correct|corrected|new|replacement|proper|working|fresh|matching|undamaged"
          r"|spare)")
_THING = re.compile(
    _I_WANT + r"(?P<thing>(?:(?:the|a|an)\s+)?(?:replacement|spare)s?"
    r"|(?:the|a|an|my|our)\s+" + _RIGHT + r"(?:\s+[a-z]+){1,2}?"
    r"|(?:a|an|the)\s+[a-z]+(?=\s+that\s+(?:actually\s+|really\s+)?(?P<does>works|fits)))"
    r"(?=\s+(?:by|before|for|in\s+time|today|tomorrow|this|that|which|not|and|so|asap|please)\b"
    r"|\s*[,.;!?]|\s*$)",
    re.IGNORECASE)
_NOT_A_THING = frozenset(str.split("one ones time times way day week idea answer answers"))
_YOURS = {"my": "your", "our": "your"}


def need_plan(last: str, when: str) -> str | None:
    """The plan for a visit or the right thing asked for in ``last``, or None."""
    visit = _VISIT.search(last)
    if visit is not None:
        who = visit.group("who").lower().split()
        if who[0] in ("the", "your"):  # "the engineer" we book is one of ours
            who[0] = "an" if who[-1][0] in "aeiou" else "a"
        return f"I will book {' '.join(who)} to come out to you and confirm the time {when}."
    thing = _THING.search(last)
    if thing is None:
        return None
    words = thing.group("thing").split() + ([f"that {thing['does']}"] if thing["does"] else [])
    if words[-1].lower() in _NOT_A_THING:  # "the right one", "a new one"
        words = ["the", "right", "one"]
    words[0] = _YOURS.get(words[0].lower(), words[0].lower())
    return f"I will get {' '.join(words)} sent out to you and confirm when it will arrive {when}."
