"""A feeling the customer names outright: "I am furious.", "I'm terrified." (D27).

The linear heads and the fine-tuned encoder read the words around a feeling as
much as the feeling: in a probe by a support lead, "I am furious." read 67.6 °C
with *neutral* on top, and a fraud victim who wrote "I'm shaking" read 37 °C.
A customer who says how they feel is the best witness of it, so a feeling
named in the first person ("I am / I'm / I feel / we are", not "I'm not", not
"my wife is") leads the emotions and sets how hot the message reads at least.
Product rules, not fits: no train_ok data labels them.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from kettle.analysis.thermo_gate import LiteralGated, may_hold

_SELF = (r"\b(?:i['’]?m|i\s+am|i\s+feel|i['’]?ve\s+been|i\s+have\s+been|i\s+was|we['’]re|we\s+are"
         r"|we\s+feel|i['’]?ve|i\s+have|we['’]?ve|we\s+have)\s+"
         # "I'm a bit panicked" (D29): a softened feeling is still the one named.
         r"(?:a\s+(?:bit|little|tad)\s+|quite\s+|rather\s+|pretty\s+|kind\s+of\s+)?"
         r"(?:so\s+|absolutely\s+|really\s+|very\s+|beyond\s+|utterly\s+|completely"
         r"\s+|totally\s+|fucking\s+|bloody\s+|just\s+|now\s+|honestly\s+|genuinely\s+|extremely\s+"
         r"|incredibly\s+|deeply\s+|bitterly\s+|hugely\s+|thoroughly\s+|most\s+|truly\s+"
         # "I am still worried" (D37).
         r"|increasingly\s+|rather\s+|quite\s+|left\s+|feeling\s+|still\s+"
         r"|starting\s+to\s+(?:get\s+|feel\s+)?"
         r"|beginning\s+to\s+(?:get\s+|feel\s+)?|getting\s+)*")


@dataclass(frozen=True, slots=True)
class Feeling:
    """What a named feeling does to the reading."""

    emotion: str
    share: float  # the emotion's least probability
    hot: float  # the least hot probability
    floor: float  # the least temperature, °C


#: The least hot probability of a sarcastic message: mock praise reads as praise
#: to the model (D23).
SARCASM_HOT = 0.3
#: How much of mock praise's positive wording counts as negative. All of it (D23) made the
#: praise-laden jibe the hottest: "Oh great, another update email. Love it." read 85 °C, and
#: a lead's sarcasm about a failure ("Your 'next day delivery' took 9 days. Wow.
#: Impressive.") 84 °C where the lead reads warm: sarcasm is a cooler register than abuse.
SARCASM_FLIP = 0.4
#: Sarcasm about a harm (a service failure, a threat, repeat contact, a walk-out or a
#: vulnerable customer beside it) reads at least this, °C: hot ("Congratulations, you've
#: just lost my business" had read 54 °C).
SARCASM_HARM_C = 66.0
#: Signals beside sarcasm that say the jibe is about a harm.
_HARMS = frozenset(["service_failure", "cancel_threat", "legal_threat", "public_threat",
                    "manager_demand", "repeat_contact", "hang_up", "vulnerability"])
_HEATED = frozenset(["anger", "frustration", "disappointment"])


#: A hashtag that closes a line names the writer's own feeling as "I'm …" does:
#: "@PayPalUK have well & truly done me over the day before I go on holiday! #fuming"
#: read 37.7 °C with relief on top (see :func:`_named`).
_HASHTAG = r"(?<![\w#&/])(?<!\bnot\s)#"

#: Strongest first: the first that matches is the one read.
_FEELINGS: tuple[tuple[re.Pattern[str], Feeling], ...] = tuple(
    (re.compile(f"(?:{_HASHTAG}|{_SELF}#?)" + words + r"(?![\w-])", re.IGNORECASE), feeling)
    for words, feeling in (
        (r"(?:furious|livid|fuming|seething|enraged|incensed|irate|outraged|raging|apoplectic"
         r"|pissed\s+off)", Feeling("anger", 0.6, 0.7, 75.0)),
        (r"(?:terrified|petrified|panicking|panicked|(?:in\s+a\s+)?panic|desperate|beside\s+myself"
         r"|worried\s+sick|shaking|(?:in\s+)?tears|distraught)",
         Feeling("anxiety", 0.6, 0.0, 65.0)),
        (r"(?:angry|mad(?!\s+(?:about|for|keen))|cross|fed\s+up|sick\s+and\s+tired"
         r"|sick\s+of\s+this|sick\s+of\s+(?:chasing|waiting|calling|ringing|phoning|emailing|writing"
         r"|asking|explaining|repeating|you\b|your\b|being\s+(?:ignored|lied|passed|fobbed|messed|told))"
         r"|disgusted|had\s+enough|had\s+it\s+up\s+to\s+here|appalled|horrified)",
         Feeling("anger", 0.5, 0.6, 65.0)),
        # Not the hedge "I'm afraid we can't…" nor "anxious to" (eager to).
        # Nor "I am afraid, however, that it does not answer…" (letters4 blind set).
        (r"(?:scared|frightened|afraid(?=\s+(?:of|to|for)\b|\s*[.!,;]|\s*$)"
         r"(?!,\s*(?:however|though|but|that)\b)|anxious(?!\s+to\b)"
         r"|worried|nervous|stressed(?:\s+out)?|frantic)",
         Feeling("anxiety", 0.5, 0.0, 55.0)),
        # Long complaint e-mails (long-e-mail probe): "I am so frustrated", "I am extremely
        # disappointed", "I feel let down" had read neutral on top.
        (r"(?:frustrated|exasperated|at\s+(?:my|the\s+end\s+of\s+my)\s+wits['’]?\s+end)",
         Feeling("frustration", 0.5, 0.5, 60.0)),
        (r"(?:dis+ap+ointed|let\s+down|saddened|gutted|dismayed|sad(?=\s+(?:about|that|to\s+(?:see"
         r"|say|hear|find))\b))",
         Feeling("disappointment", 0.5, 0.0, 45.0)),
    )
)
#: The feeling words each pattern needs, for a cheap first test (one is in every match).
_WORDS = (
    ("livid", "irate", "fuming", "raging", "pissed", "enraged", "furious", "outraged", "seething",
     "incensed", "apoplectic"),
    ("terrified", "petrified", "panic", "desperate", "beside", "worried", "shaking", "tears",
     "distraught"),
    ("fed", "mad", "sick", "cross", "angry", "disgusted", "enough", "up to here", "appalled",
     "horrified"),
    ("scared", "afraid", "anxious", "nervous", "frantic", "worried", "stressed", "frightened"),
    ("frustrated", "exasperated", "wits"),
    # "disap", "dissap": "#dissapointed", "I'm so disapointed" are as common as the word.
    ("disap", "dissap", "let down", "saddened", "gutted", "dismayed", "sad"),
)
_GATES = tuple(LiteralGated(pattern, literals=words)
               for (pattern, _), words in zip(_FEELINGS, _WORDS, strict=True))


#: Every feeling word, for one test that rules out most messages at once.
_ANY_WORD = tuple(sorted({word for words in _WORDS for word in words}))


#: Faces that show anger: pouting, angry, and cursing. Not "😤" (steam from the nose),
#: which customers also send with thanks ("Thank you 😤💕", "It worked 😤👌", TWCS).
_ANGRY_FACES = re.compile("[\U0001F621\U0001F620\U0001F92C]")
_CURSING_FACE = "\U0001F92C"


def _face_rank(text: str) -> int | None:
    """Where angry faces rank among :data:`_FEELINGS`: a cursing face or two angry
    faces as "furious" (0), one as "angry" (2); None without one."""
    if text.isascii():
        return None
    faces = _ANGRY_FACES.findall(text)
    if not faces:
        return None
    return 0 if len(faces) > 1 or _CURSING_FACE in faces else 2


#: Tags that name a feeling word but not a feeling: "#tears #congratulations".
_UNSURE_TAGS = ("#tears", "#shaking")


_AFTER = re.compile(r"\S+|\n")


def _word_after(text: str, start: int) -> int | None:
    """Where the first word after ``start`` on its line that is not a tag, a mention, a
    link or marks begins; None when the line ends first (the tag closes its line)."""
    for token in _AFTER.finditer(text, start):
        word = token.group()
        if word == "\n":
            return None
        if word[0] not in "#@" and not word.startswith("http") and any(map(str.isalnum, word)):
            return token.start()
    return None


def _named(rank: int, text: str) -> bool:
    """Whether ``text`` names the feeling of :data:`_FEELINGS` ``[rank]``. A hashtag
    counts when it is the writer's: it closes its line, with only tags, mentions,
    links and marks after it ("… #fuming 😡@ThomsonHolidays"); not a tag used as a
    word mid-sentence ("lack of #faith makes #people #afraid of #meeting #challenges")
    or followed by a laugh ("#mad #mad hahah")."""
    gate, (pattern, _) = _GATES[rank], _FEELINGS[rank]
    if not gate(text):
        return False
    blocked = -1  # the tags before this are followed by a word on their line
    for match in pattern.finditer(text):
        if not match.group().startswith("#"):
            return True
        if match.start() < blocked or match.group().lower() in _UNSURE_TAGS:
            continue
        word = _word_after(text, match.end())
        if word is None:
            return True
        blocked = word
    return False


def named_feeling(text: str) -> Feeling | None:
    """The strongest feeling the customer names in the first person, as a hashtag
    ("#fuming") or with angry faces ("still no refund 😡"), if any."""
    face = _face_rank(text)
    if face is None and not may_hold(text, _ANY_WORD):
        return None
    for rank, (_, feeling) in enumerate(_FEELINGS):
        if rank == face or _named(rank, text):
            return feeling
    return None


def lead_with(emotions: tuple[tuple[str, float], ...],
              feeling: Feeling) -> tuple[tuple[str, float], ...]:
    """``emotions`` with the named one at least at its share, the rest scaled to fit."""
    named = dict(emotions)[feeling.emotion]
    if named >= feeling.share:
        return emotions
    rest = (1.0 - feeling.share) / (1.0 - named) if named < 1.0 else 0.0
    return tuple((name, feeling.share if name == feeling.emotion else p * rest)
                 for name, p in emotions)


def to_frustration(emotions: tuple[tuple[str, float], ...], source: str,
                   amount: float) -> tuple[tuple[str, float], ...]:
    """``emotions`` with ``amount`` of ``source``'s probability moved to frustration."""
    return tuple(
        (name, p - amount if name == source else p + amount if name == "frustration" else p)
        for name, p in emotions
    )


def sarcastic(hot: float, emotions: tuple[tuple[str, float], ...], negativity: float, *,
              letter: bool = False) -> tuple[float, tuple[tuple[str, float], ...], float]:
    """A sarcastic message's praise is mock praise ("Thanks for nothing.").

    The model and VADER read its words at face value, so the positive
    wording counts as negative (:data:`SARCASM_FLIP` of it; all of it in a
    ``letter`` or its paragraphs, which the letters' rules shape, D37), the
    relief the model reads is frustration, and the message is at least
    :data:`SARCASM_HOT` likely to be hot. Each step only raises the heat.
    """
    moved = to_frustration(emotions, "relief", dict(emotions)["relief"])
    flip = 1.0 if letter else SARCASM_FLIP
    return max(hot, SARCASM_HOT), moved, max(negativity, flip * abs(negativity))


def mocked(kinds: AbstractSet[str]) -> float:
    """The least a sarcastic message reads, °C: :data:`SARCASM_HARM_C` beside a harm
    (:data:`_HARMS`), else no bound (30). Mild sarcasm needs no cap: with
    :data:`SARCASM_FLIP` its jibe reads warm to just hot, and where the models read a
    message hot on their own ("Are you kidding me? I want home delivery now.") it stays so."""
    return SARCASM_HARM_C if "sarcasm" in kinds and kinds & _HARMS else 30.0


def threatened(emotions: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    """A customer who threatens to sue or go public, or walks out, is not relieved,
    and hardly neutral, however politely it is put ("Thank you for your reply. I have
    now raised a chargeback."): relief and half of neutral are frustration."""
    probs = dict(emotions)
    moved = to_frustration(emotions, "relief", probs["relief"])
    return to_frustration(moved, "neutral", probs["neutral"] / 2.0)


def calmed(emotions: tuple[tuple[str, float], ...], into: str = "neutral"
           ) -> tuple[tuple[str, float], ...]:
    """Anger, frustration and disappointment moved into ``into``: a bare answer's, read
    from one word, are neutral until the question it answers says otherwise."""
    moved = sum(p for name, p in emotions if name in _HEATED)
    return tuple((name, 0.0 if name in _HEATED else p + moved if name == into else p)
                 for name, p in emotions)
