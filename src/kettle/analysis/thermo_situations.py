"""What a message's situation says that its words alone do not (D29).

A blind probe of 150 messages of the kinds support teams get (text-speak,
phone transcripts, chasers, polite complaints, casual swearing) found the
models misreading a few whole families:

- a chaser ("hello?? anyone??", "still nothing", "is anyone there") read 35-40 °C
  as neutral information: a customer who chases is kept waiting and frustrated;
- a problem with something at stake soon ("My flight is in 5 hours and I still
  haven't received my boarding pass") read 38 °C with relief on top: the
  customer is anxious even when the words are plain;
- a polite opening wins over the complaint after it ("I appreciate the
  apology, but an apology doesn't pay my overdraft fee." read 35 °C with
  relief): the part after "but" is the customer's point, so it is read alone
  as well and the hotter reading kept, as for a long e-mail's paragraphs;
- a question of not understanding ("Hmm, I entered the code but nothing
  happened. Am I doing something wrong?") read 79.5 °C: confused, with no
  escalation and no feeling named, a customer is at most warm;
- swearing from joy or at one's own slip ("holy shit that was fast, thanks",
  "shit, sorry, I gave you the wrong order number") read 53-98 °C: such
  swearing is no escalation.

Product rules, not fits: no train_ok data labels them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kettle.analysis.thermo_feelings import Feeling
from kettle.analysis.thermo_gate import LiteralFinder, may_hold
from kettle.analysis.thermo_letter_grievance import undone
from kettle.analysis.types import Signal

#: A chaser: the customer is kept waiting and asks whether anyone is there.
CHASED = Feeling("frustration", 0.5, 0.4, 55.0)
#: A polite chaser ("any update?"): warm, not yet hot.
CHECKING = Feeling("frustration", 0.35, 0.2, 45.0)
#: Something at stake soon and something wrong: worried, and warm at least.
AT_STAKE = Feeling("anxiety", 0.5, 0.0, 60.0)
#: A confused customer who escalates in no way reads at most this.
CONFUSED_C = 55.0
#: An order to fix it at once ("Sort it out NOW", "I want my money back today."): the
#: words are plain, the customer is out of patience (D30).
DEMANDED = Feeling("frustration", 0.55, 0.55, 62.0)

#: The order: a verb of putting it right (or "I want/demand … back"), then "now" or its
#: kin within the sentence; not a question, not a request ("could you", "please").
_AT_ONCE = (r"\b(?:now|immediately|right\s+away|straight\s+away|at\s+once|asap|this\s+instant"
            r"|today)\b")
_DEMAND = re.compile(
    r"^\W*(?:just\s+|now\s+)?(?:sort|fix|refund|return|reconnect|restore|resolve|cancel|credit"
    r"|deal\s+with|give\s+me|send\s+me|pay\s+me|get\s+(?:it|this|me|my)|put\s+(?:it|this))"
    rf"\b[^.?!\n]{{0,60}}?{_AT_ONCE}"
    rf"|\bi\s+(?:want|demand|expect)\s+(?:my|a|the|it|this|that|them)\b[^.?!\n]{{0,50}}?{_AT_ONCE}",
    re.IGNORECASE,
)
_ASKING = re.compile(r"\?|\b(?:please|pls|plz|could|can|would|will)\s+(?:you|u)\b|\bplease\b"
                     r"|\bif\s+(?:possible|you\s+can)\b|\bthank", re.IGNORECASE)

_CHASER = re.compile(
    r"^\W*(?:"
    r"(?:hello+|hi+|hey+|helo+)\s*\?+(?:\W*(?:any(?:one|body)|some(?:one|body))(?:\s+there)?\s*\?*)?"
    r"|(?:any(?:one|body)|some(?:one|body))(?:\s+(?:there|here|home|around|awake))?\s*\?+"
    r"|(?:hello+\W+)?is\s+(?:any(?:one|body)|some(?:one|body))\s+(?:there|here|reading\s+(?:this|these)"
    r"|actually\s+there|working(?:\s+today)?|even\s+there)"
    r"|still\s+(?:nothing|waiting|no\s+(?:reply|response|answer|news|word|update|refund|sign\s+of\s+it))"
    r"(?:\s+(?:here|yet|from\s+you))?"
    r")\W*$",
    re.IGNORECASE,
)
_CHECKING = re.compile(
    r"^\W*(?:(?:hi|hello|hey)\W+)?(?:any\s+(?:update|news|progress)s?|(?:is\s+there\s+)?any\s+news)"
    r"(?:\s+(?:yet|on\s+(?:this|that|it|my\s+\w+)|please|at\s+all))?\W*$",
    re.IGNORECASE,
)

_EVENT = (r"(?:flight|train|ferry|interview|exam|test|deadline|wedding|funeral|surgery|operation"
          r"|appointment|hearing|court\s+date|move|moving\s+day|completion|closing|inspection"
          r"|presentation|meeting|holiday|trip|party|birthday|rent|payment|tax\s+return|filing)")
_SOON = (r"(?:today|tonight|tomorrow(?:\s+(?:morning|afternoon|evening))?|this\s+(?:morning"
         r"|afternoon|evening|week(?:end)?)|at\s+midnight|in\s+(?:\d+|an?|one|two|three|four|five"
         r"|six|a\s+few|a\s+couple\s+of)\s+(?:hours?|minutes?|days?)|on\s+(?:monday|tuesday"
         r"|wednesday|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday"
         r"|friday|saturday|sunday)|by\s+(?:monday|tuesday|wednesday|thursday|friday|saturday"
         r"|sunday|tomorrow|tonight))")
#: An event and, in the same sentence, a time soon: "My flight is in 5 hours", "a job
#: interview on video call tomorrow morning", "I need this document by Friday for my visa
#: appointment".
_EVENT_RE = re.compile(rf"\b{_EVENT}\b", re.IGNORECASE)
_SOON_RE = re.compile(rf"\b{_SOON}\b", re.IGNORECASE)
_STOPS = re.compile(r"[.!?\n]")
#: "my/our/the (one or two words) " right before the event: "for my visa appointment".
_OWNED = re.compile(r"\b(?:my|our|the)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
#: Something is wrong: without it, a flight tomorrow is only news.
_WRONG = re.compile(
    # Not "help", "no" or "not" alone (D29 review: "My flight is tomorrow, can I add a bag?
    # Thanks for your help" had read anxious).
    r"\b(?:broken|(?:is|are|went|gone)\s+down|crash\w*|fail\w*|stopped|missing|lost|cancel+ed|late"
    r"|delayed|stuck|frozen|error|declined|urgent|emergency|please\s+help|help\s*!"
    # Lead's blind probe (2026-12-07): "you've locked me out of my own money and I have rent
    # due tomorrow".
    r"|locked\s+(?:me\s+|us\s+)?out|(?:blocked|froze|suspended)\s+(?:my|our)\s+(?:card|account)"
    r"|still\s+(?:no|not|nothing|haven['’]?t|hasn['’]?t|waiting)|no\s+(?:sign|word|reply|answer"
    r"|boarding|ticket|confirmation|internet|power|signal|heating|way)|not\s+(?:working|arrived"
    r"|received|here|shipped)|(?:haven|hasn|isn|won|didn|doesn|can)['’]?t\s+(?:received|got|arrived"
    r"|come|work|load|open|access|log|connect|submit|find|print|ship|shipped))\b",
    re.IGNORECASE,
)
#: Every match names an event; these literals rule out most messages before the regexes.
_EVENT_LITERALS = (
    "flight", "train", "ferry", "interview", "exam", "test", "deadline", "wedding", "funeral",
    "surgery", "operation", "appointment", "hearing", "court", "mov", "completion", "closing",
    "inspection", "presentation", "meeting", "holiday", "trip", "party", "birthday", "rent",
    "payment", "tax", "filing")
_EVENT_STARTS = LiteralFinder(frozenset(" " + word for word in _EVENT_LITERALS))

#: A polite or pleased opening, then the point: "Thanks for finally sorting the refund,
#: but…", "I'm sure you're very busy, but…", "Thank you for your reply. Unfortunately…".
_CONTRAST = re.compile(
    # The opening is one sentence; the point follows in it or starts the next one.
    r"(?:^|(?<=[.!?]\s))(?P<head>[^.!?\n]{0,120}?\b(?:thanks?|thank\s+you|appreciate\w*|grateful"
    r"|i['’]m\s+sure|works?\s+now|fixed|sorted|respect|understand|apologi[sz]e|apology)\b"
    r"[^.!?\n]{0,120}?)(?:,\s*|\s+|[.!]\s+)"
    r"(?P<tail>(?:but|however|unfortunately|though|yet|sadly)\b[^\n]{12,})$",
    re.IGNORECASE,
)
_CONTRAST_WORDS = ("but", "however", "unfortunately", "though", "yet", "sadly")
_POLITE_WORDS = ("thank", "appreciat", "grateful", "sure", "work", "fixed", "sorted", "respect",
                 "understand", "apolog")


#: Joy, thanks or praise for what was done: beside it, swearing is no escalation.
_JOY = re.compile(
    r"\b(?:thanks?|thank\s+you|thx|ty|cheers|legends?|well\s+done|brilliant|amazing|awesome"
    r"|fixed|sorted|arrived|landed|found|saved"
    # Not "at work" nor "quick note": what was done, said to be working or quick.
    r"|(?:it|that|everything)\s+works|works\s+(?:now|again|perfectly|fine|great)"
    r"|working\s+(?:now|again|fine)|(?:so|that\s+was|was|were|very|super|really|are|is)\s+"
    r"(?:fast|quick|good))\b", re.IGNORECASE)
#: Swearing at someone: "fuck you", "piece of shit".
_AT_SOMEONE = re.compile(r"\b(?:f\W*\w*k|screw|damn)\s+(?:you|u|off|them)\b"
                         r"(?!\s+(?:guys|lot|people|are|r)\b)|\bpiece\s+of\b", re.IGNORECASE)
#: Not understanding, said of oneself: "Am I doing something wrong?", "No idea what that means".
_UNSURE = re.compile(
    r"\b(?:am\s+i|do\s+i|should\s+i|have\s+i|did\s+i|not\s+sure|unsure|no\s+idea|confused|confusing"
    r"|i\s+don['’]?t\s+(?:understand|get\s+it|know\s+(?:how|what|where|which|if|whether|why))"
    r"|i\s+(?:can['’]?t|cannot)\s+(?:work\s+out|figure\s+out|find)|how\s+do\s+i|what\s+do\s+i"
    r"|where\s+do\s+i|which\s+(?:one|do\s+i)|what\s+(?:documents|do\s+you\s+need))\b",
    re.IGNORECASE)


#: A sour word beside the thanks: "Thank you for downloading… where's the download?! #frustrated".
_SOUR = re.compile(
    r"\b(?:frustrat\w*|angry|annoy\w*|furious|hate|hating|worst|ridiculous|disappoint\w*|useless"
    r"|pathetic|joke|rubbish|crap|where['’]?s|still|never|ignor\w*|overdrawn|lost\s+(?:my|it|the)|broken|late"
    r"|what\s+the\s+(?:hell|heck|fuck|f\W*k)\s+(?:is|are|was|were|do|does|did)"
    # A grievance beside the thanks ("Please solve the key problem. Thank you!!!!!", "It broke
    # down twice", "you went too far in bullying"): STC-3 complaints read as joy otherwise.
    r"|not|never|n['’]t|problem\w*|complain\w*|complaint|help|twice|again|please|broke\w*"
    r"|bully\w*|abominable|fault|cheat\w*|scam\w*|rip\W*off|too\s+far)\b", re.IGNORECASE)


def joyful(text: str) -> bool:
    """Thanks or praise, no swearing at anyone and no sour word ("holy shit that was fast,
    thanks")."""
    return (_JOY.search(text) is not None and _AT_SOMEONE.search(text) is None
            and _SOUR.search(text) is None)


def soured(text: str) -> bool:
    """A sour word or a grievance in the message ("still", "never", "not", "problem")."""
    return _SOUR.search(text) is not None


def unsure(text: str) -> bool:
    """The customer says they do not understand ("Am I doing something wrong?")."""
    return _UNSURE.search(text) is not None


def chaser_feeling(text: str) -> Feeling | None:
    """A chaser said alone ("hello??", "still nothing", "any update?"), if it is one."""
    if len(text) > 60:
        return None
    if _CHASER.match(text):
        return CHASED
    return CHECKING if _CHECKING.match(text) else None


def angry_kept(feeling: Feeling | None,
               emotions: tuple[tuple[str, float], ...]) -> Feeling | None:
    """A frustrated situation (a chaser, an order, an ultimatum) read by the model as
    anger stays anger: "This better be a fucking shitpost." is an ultimatum and angry."""
    if feeling is None or feeling.emotion != "frustration":
        return feeling
    top = max(emotions, key=lambda item: item[1])[0]
    return replace(feeling, emotion="anger") if top == "anger" else feeling


def demanded(text: str) -> Feeling | None:
    """An order to put it right at once, said as an order ("Sort it out NOW", "Fix it.
    Today.", "I want my money back immediately"), or an ultimatum ("This better be fixed
    by Friday", "this is your last chance"); a short message only (240 characters),
    where the order is the point."""
    if len(text) > 240:
        return None
    if ultimatum(text):
        return DEMANDED
    if not may_hold(text, _URGENT):  # most messages: one pass per word
        return None
    if _DEMAND.search(_JOINED.sub(" ", text)) is None:
        return None
    return None if _ASKING.search(text) else DEMANDED


#: An ultimatum (2026-12-07): the reader, or the thing, "had better" put it right
#: ("They'd better turn up this time", "It better arrive tomorrow", "You'd better not let
#: me down again", "I'd better get my money back"), a last chance given, "or else". Not
#: "I'd better go", "he'd better let me deal with it" (a third person), "you better
#: believe it", "it's better to call in the morning", "the last chance to buy was
#: yesterday".
_ULTIMATUM = re.compile(
    r"\b(?:you|they|it|this|that|someone|somebody|things|the\s+\w+)(?:['’]d|\s+had)?"
    r"\s+better\s+(?:not\s+)?(?:be|get|turn|arrive|come|show|work|fix|sort|call|ring|refund"
    r"|deliver|let|happen|have|pay|give|send|reply|answer|respond|stop|start)\b"
    r"|\bi(?:['’]d|\s+had)\s+better\s+(?:get|receive|see|hear)\s+(?:a|an|my|the|from|it|this|that"
    r"|them|something|money)\b"
    r"|\byour\s+(?:last|final)\s+(?:chance|warning)\b"
    r"|\b(?:this|that)\s+is\s+(?:the|a|my)\s+(?:last|final)\s+(?:chance|warning)\b"
    r"|\bor\s+else\s*[.!]*\s*$",
    re.IGNORECASE,
)
_ULTIMATUM_WORDS = ("better", "last", "final", "else")


def ultimatum(text: str) -> bool:
    """Whether the customer gives an ultimatum (read as an order to put it right)."""
    return may_hold(text, _ULTIMATUM_WORDS) and _ULTIMATUM.search(text) is not None


def pressed(text: str) -> Feeling | None:
    """An order to put it right at once (:func:`demanded`), else something the customer
    is owed and still not done, told however politely ("I would be grateful if you could
    explain why my refund has still not arrived after six weeks" had read 38 °C, neutral):
    warm, as a polite chaser (:data:`CHECKING`)."""
    return demanded(text) or (CHECKING if undone(text) else None)


#: The words one of which every order has (:data:`_AT_ONCE`); "now" also stands for "right
#: now".
_URGENT = ("now", "today", "immediately", "right away", "straight away", "at once", "asap",
           "this instant")
#: A full stop between an order and its "Today." ("Fix it. Today.").
_JOINED = re.compile(r"(?<=\w)\.\s+(?=(?:now|today|immediately|asap)\b)", re.IGNORECASE)


def at_stake(text: str) -> bool:
    """Something the customer faces soon, with something wrong ("My flight is in 5 hours and
    I still haven't received my boarding pass")."""
    # Word starts only ("rent", not "current"): the case-blind regexes cost tens of
    # microseconds on a long message, and most messages name no event.
    if not _EVENT_STARTS.present(" " + text.lower().replace("\n", " ")):
        return False
    return _soon_after_event(text) and _WRONG.search(text) is not None


def _soon_after_event(text: str) -> bool:
    """An event named with a time soon in its sentence: after it within 40 characters ("my
    flight is in 5 hours"), or before "my/our/the (…) event" within 30 ("tomorrow morning
    for my visa appointment")."""
    for event in _EVENT_RE.finditer(text):
        stops = [m.end() for m in _STOPS.finditer(text, max(0, event.start() - 60), event.start())]
        begin = stops[-1] if stops else max(0, event.start() - 60)
        after = _STOPS.search(text, event.end(), event.end() + 60)
        end = min(after.start() if after else len(text), event.end() + 60)
        if _soon_within(text, event.end(), end, 40):
            return True
        owner = _OWNED.search(text, max(begin, event.start() - 30), event.start())
        if owner is not None and _SOON_RE.search(text, max(begin, owner.start() - 30),
                                                 owner.start()):
            return True
    return False


def _soon_within(text: str, start: int, end: int, reach: int) -> bool:
    """A time soon that starts within ``reach`` characters after ``start``."""
    found = _SOON_RE.search(text, start, end)
    return found is not None and found.start() - start <= reach


def contrast_tail(text: str) -> str | None:
    """The point after a polite opening ("…, but an apology doesn't pay my overdraft fee."),
    when the message has one."""
    if not (may_hold(text, _CONTRAST_WORDS) and may_hold(text, _POLITE_WORDS)):
        return None
    found = _CONTRAST.search(text.strip())
    if found is None or _SETTLED.search(found.group("tail")):
        return None  # "…, but I've already sorted it myself - no need to call!" (D29 review)
    return found.group("tail")


#: A point that settles the matter rather than complains.
_SETTLED = re.compile(
    r"\b(?:no\s+need|already\s+(?:sorted|fixed|done|found|got)|all\s+(?:good|sorted|fine)|no\s+worries"
    r"|never\s+mind|no\s+problem|fine\s+now|sorted\s+now|works\s+now)\b", re.IGNORECASE)


#: Something is actually wrong, for a vulnerable customer to be worried (D29): not a
#: bare "no" or "not" ("I'm 84 and don't use email", "we won't need the deliveries").
_TROUBLE = re.compile(
    r"\b(?:broken|broke|missed|cancel+ed|late|stuck|frozen|failed|stopped|lost|taken|wrong|cut\s+off"
    r"|ran\s+out|run\s+out|urgent|emergency|nowhere|double[- ]booked|declined|missing|overdrawn"
    r"|evict\w*|disconnected|leak\w*|flood\w*|walked\s+out|wandered\s+off|fell|fallen|injur\w*"
    r"|hurt|hospital|left\s+(?:the\s+)?(?:front\s+|back\s+)?(?:door|gate)\s+open|no\s+(?:heating|heat|power|electricity|gas|water"
    r"|hot\s+water|money|food|internet|signal|phone|way|one|reply|answer)"
    r"|without\s+(?:heating|heat|power|electricity|gas|water|money|food|internet|my|his|her)"
    r"|(?:is|are|was|has\s+been|went|gone)\s+off|not\s+working|(?:isn|aren|wasn|doesn|didn|won|hasn"
    r"|haven)['’]t\s+(?:work|working|arrive|arrived|come|came|start|turn|load|receiv|got|had|been"
    r"\s+(?:fixed|repaired|refunded|delivered|sorted))\w*|can['’]?t\s+(?:afford|pay|get|buy|reach"
    r"|access|log|heat|cook)|cannot\s+(?:afford|pay|get|buy|reach|access))\b",
    re.IGNORECASE)


def trouble(text: str) -> bool:
    """Something is actually wrong ("no heating", "declined", "left the front door open")."""
    return _TROUBLE.search(text) is not None


#: A vulnerable customer (a baby, an elderly or ill person, no money for food,
#: stranded) who names no feeling is worried, and hot: the situation frightens even
#: when the words are plain (just over the hot line of 60 °C, D44; 58 °C before).
VULNERABLE = Feeling("anxiety", 0.55, 0.0, 61.0)
#: Something wrong in the message: without it a vulnerable person is only mentioned
#: ("I love my baby so much"), and no vulnerability is reported.
_PROBLEM = re.compile(
    r"\b(?:no|not|never|nothing|nobody|without|broken|missed|cancel+ed|late|stuck|frozen|failed"
    r"|stopped|off|left|lost|taken|wrong|cut|ran\s+out|run\s+out|help|urgent|emergency|nowhere"
    r"|double[- ]booked|declined|missing)\b|n['’]t\b",
    re.IGNORECASE)
#: Vulnerability said of someone who need not be vulnerable ("I love my baby so much"):
#: reported only with a problem or negative words (D28).
_MENTION_ONLY = re.compile(r"\b(?:baby|babies|newborn|new-born|toddler|twins|daughter|child|girl"
                           r"|grand\w+)\b", re.IGNORECASE)


def vulnerable(text: str, found: tuple[Signal, ...],
                negativity: float) -> tuple[tuple[Signal, ...], bool]:
    """The signals, less a vulnerability that is only a mention ("I love my baby so much"),
    and whether the vulnerable customer faces a problem (then worried and warm, D28).

    A bereavement, a disability, an illness or old age is reported even in a calm
    message ("My husband died in January. What documents do you need?", D29), so the
    agent takes care; only with something wrong does it make the customer worried.
    """
    marks = [s for s in found if s.kind == "vulnerability"]
    if not marks:
        return found, False
    problem = _PROBLEM.search(text) is not None
    if problem or negativity > 0.0 or any(not _MENTION_ONLY.search(s.span.text) for s in marks):
        return found, trouble(text)
    return tuple(s for s in found if s.kind != "vulnerability"), False
