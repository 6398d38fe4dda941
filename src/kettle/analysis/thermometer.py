"""Customer message -> temperature, emotions, signals (capability C1).

How the temperature is made (see docs/evaluation.md):

1. ``hot`` is the calibrated probability, from the shipped linear heads
   (:mod:`kettle.analysis.thermo_model`, trained on GoEmotions; tier
   ``fast``, the default) or from the fine-tuned MiniLM encoder
   (:mod:`kettle.analysis.thermo_accurate`; tier ``accurate``), that the
   message is angry, frustrated or annoyed.
2. The *heat score* ``s`` is the weighted mean of z-scores: the logit of
   ``hot`` (whether the customer is angry) and VADER's negated compound (how
   negative the wording is), weight 1 each, and, in the accurate tier only
   (weight 1; 0 in the default tier, D20), the logit of the ``anger`` emotion
   (anger rather than annoyance: how strongly). Means, deviations and the
   weight are the tier's :func:`heat_scale`, from GoEmotions train.
3. ``base = sigmoid(k * (s - s0))``, with ``k`` and ``s0`` set on GoEmotions
   train so that the median message sits at 0.1 and the 99th percentile at 0.93.
4. ``arousal`` in [0, 1] combines the escalation signals found:
   ``1 - prod(1 - w_k)`` over the kinds present (:data:`SIGNAL_WEIGHTS`), and
   ``heat = 1 - (1 - base) * (1 - AROUSAL_SHARE * arousal)``; the heat carried
   from the customer's earlier turns (when a context is given) raises it the
   same way.
5. ``temperature = 30 + 70 * heat``.

Every step is monotone: a higher hot probability, more negative wording, more
signals, more anger or a hotter history never lower the temperature. Before
it, the words are read for what the models miss (:func:`_words_read`): sarcasm
turns mock praise round (D23); a customer who calls the problem mild ("a bit
annoying", "no rush") or their own slip, with no escalation signal, reads at
most :data:`MILD_C` (D24, D25); a legal or public threat reads at least
:data:`THREAT_C` (D25); a feeling named outright leads (D27); a stated wait
adds to the arousal of step 4 (D25); praise in slang ("dark mode is killer") is
praise, and a question whether there is a fault reads calm
(:mod:`kettle.analysis.thermo_calm`). A bare answer ("no", "ok") reads calm, and
warm when it says a fix did not work (:mod:`kettle.analysis.thermo_answers`); a
vulnerable customer reads worried and warm; only the customer's own words of an
e-mail are read, and a long e-mail as hot as its hottest paragraph
(:mod:`kettle.analysis.email_text`) (D28).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from kettle.analysis import email_text, features, signals
from kettle.analysis import thermo_letters as letters
from kettle.analysis.conversation import Conversation, as_turns, clean_text
from kettle.analysis.language import english_tokens
from kettle.analysis.playbook import Playbook, default_playbook
from kettle.analysis.thermo_answers import BARE_HOT, answer_feeling, bare
from kettle.analysis.thermo_calm import ENQUIRY_C, asked, praised, praised_in_slang
from kettle.analysis.thermo_fed_up import fed_up
from kettle.analysis.thermo_feelings import (
    Feeling,
    calmed,
    lead_with,
    mocked,
    named_feeling,
    sarcastic,
    threatened,
)
from kettle.analysis.thermo_harm import HARMED_C, harmed
from kettle.analysis.thermo_heated import ULTIMATUM_C, aimed, double_charged, heated, ultimatum
from kettle.analysis.thermo_loud import EMPHASIS_WEIGHT, calm_ask, emphasis, shouted
from kettle.analysis.thermo_mild import MILD_C, MILD_HOT, annoyance, said_mildly
from kettle.analysis.thermo_model import heads
from kettle.analysis.thermo_situations import (
    AT_STAKE,
    VULNERABLE,
    angry_kept,
    at_stake,
    chaser_feeling,
    contrast_tail,
    joyful,
    pressed,
    vulnerable,
)
from kettle.analysis.types import EMOTIONS, TIERS, Mode, Reading, Signal, Tier
from kettle.analysis.waits import wait_strain
from kettle.errors import InvalidInput

CALM_C = 30.0
BOIL_C = 100.0

#: How much each escalation signal alone raises the arousal term.
SIGNAL_WEIGHTS: dict[str, float] = {
    "cancel_threat": 0.45,
    "legal_threat": 0.55,
    "public_threat": 0.40,
    "manager_demand": 0.35,
    "repeat_contact": 0.25,
    "hang_up": 0.30,
    "shouting": 0.25,
    "repeated_punctuation": 0.15,
    "profanity": 0.30,
    "sarcasm": 0.25,
    "service_failure": 0.15,
    "vulnerability": 0.25,
}
#: A customer who threatens to go to a lawyer, a regulator or the public reads at
#: least THREAT_C, above the coach's "hot" (65 °C), whatever their wording: the
#: threat is the escalation, however politely it is put (D25).
THREAT_C = 72.0
_THREATS = frozenset(["legal_threat", "public_threat"])
#: Signals after which the customer is not relieved, whatever the words' politeness.
#: Not a threat to cancel nor a manager asked for: "Thanks for your reminder. I will
#: change to other broadband in 2 years." and "I will call my customer manager" can be
#: said in relief.
_THREATENING = signals.BOILED_OVER
#: Swearing and loudness that may be joy ("no fucking way, you found it?? thank you!!").
_CHEERS = signals.EXCITED
#: Signals a chaser carries ("still waiting" is a repeat contact too).
_CHASING = frozenset(["repeat_contact", "service_failure"])
#: Signals that say nothing against joy.
_QUIET = frozenset(["service_failure", "vulnerability"])
#: Share of the non-hot range that signals can fill on their own.
AROUSAL_SHARE = 0.6
#: Share of an earlier turn's heat that carries into the next one.
CARRY = 0.35
#: How much of the carried heat survives each further turn back.
DECAY = 0.6
#: Earlier customer turns looked at.
HISTORY = 3
_COMPOUND = features.DENSE.index("vader_compound")
_ANGER = EMOTIONS.index("anger")
#: Context-free readings remembered per playbook. The console re-checks a draft
#: against the same conversation on every keystroke, and the checks of one
#: conversation share its earlier customer turns, so those are read only once.
READING_CACHE = 4096


@dataclass(frozen=True, slots=True)
class _Base:
    """What a message reads on its own; the carried heat only moves the temperature."""

    hot: float
    emotions: tuple[tuple[str, float], ...]
    signals: tuple[Signal, ...]
    negativity: float
    arousal: float
    venting: float
    scale: tuple[float, ...]  # the tier's heat scale (see temperature_of)
    ceiling: float = BOIL_C  # MILD_C for a mild annoyance
    floor: float = CALM_C  # THREAT_C for a legal or public threat
    english: bool = True  # False: another language, read as if it were English
    anger: float | None = None  # the models' anger, for the heat, once D44 moved the emotions
    waited: bool = False  # a stated wait (waits.wait_strain > 0)
    named: bool = False  # the customer names their feeling ("I am furious"), which leads

    def temperature(self, carried: float = 0.0) -> float:
        anger = self.emotions[_ANGER][1] if self.anger is None else self.anger
        temp = temperature_of(self.hot, self.negativity, anger, self.arousal,
                              carried, scale=self.scale)
        return min(max(temp, self.floor), self.ceiling)

    def reading(self, carried: float) -> Reading:
        # A fresh dict each time: Reading is frozen but its dict is not.
        return Reading(self.temperature(carried), self.hot, dict(self.emotions), self.signals,
                       _mode(self.venting), self.venting, self.english)


def read(
    text: str, *, context: Conversation | None = None, playbook: Playbook | None = None,
    tier: Tier = "fast",
) -> Reading:
    """Read one customer message; ``context`` holds the turns before it."""
    _check_tier(tier)
    clean = clean_text(text)
    carried = _carried_heat(context, playbook, tier)
    base = _cached_base(clean, playbook, tier)
    answer = answer_feeling(clean, context)  # "no" to "Did that fix it?"
    return (_led_by(base, answer) if answer is not None else base).reading(carried)


def _led_by(base: _Base, feeling: Feeling) -> _Base:
    return replace(base, hot=max(base.hot, feeling.hot), emotions=lead_with(base.emotions, feeling),
                   floor=max(base.floor, feeling.floor))


def read_many(texts: Iterable[str], *, playbook: Playbook | None = None,
              tier: Tier = "fast") -> list[Reading]:
    """Read many independent messages at once (the fast path for batch jobs)."""
    _check_tier(tier)
    clean = [clean_text(t, field=f"texts[{i}]") for i, t in enumerate(texts)]
    return [base.reading(0.0) for base in _bases(clean, playbook, tier)] if clean else []


def _check_tier(tier: str) -> None:
    if tier not in TIERS:
        raise InvalidInput(f"unknown thermometer tier {tier!r}", field="tier", choices=TIERS)


@lru_cache(maxsize=len(TIERS))
def heat_scale(tier: Tier = "fast") -> tuple[float, ...]:
    """The tier's statistics, anger weight and squash (see ``thermo_model.HEAT_SCALE_SIZE``)."""
    if tier == "accurate":
        from kettle.analysis.thermo_accurate import encoder

        return tuple(float(v) for v in encoder().heat_scale)
    return tuple(float(v) for v in heads().heat_scale)


def temperature_of(hot: float, negativity: float, anger: float, arousal: float = 0.0,
                   carried: float = 0.0, *, scale: Sequence[float] | None = None) -> float:
    """The documented, monotone map to degrees Celsius.

    ``negativity`` is VADER's compound score negated (-1..1), ``anger`` the
    probability of the anger emotion; ``scale`` is the tier's
    :func:`heat_scale` (the default tier's when omitted).
    """
    mean_h, sd_h, mean_n, sd_n, mean_a, sd_a, w_a, k, s0 = (
        scale if scale is not None else heat_scale())
    score = ((_logit(hot) - mean_h) / sd_h + (negativity - mean_n) / sd_n
             + w_a * (_logit(anger) - mean_a) / sd_a) / (2.0 + w_a)
    heat = 1.0 / (1.0 + math.exp(-k * (score - s0)))
    heat = 1.0 - (1.0 - heat) * (1.0 - AROUSAL_SHARE * arousal)
    heat = 1.0 - (1.0 - heat) * (1.0 - CARRY * carried)
    return CALM_C + (BOIL_C - CALM_C) * min(max(heat, 0.0), 1.0)


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1.0 - 1e-6)
    return math.log(p / (1.0 - p))


def arousal_of(found: Sequence[Signal]) -> float:
    calm = 1.0
    for kind in {s.kind for s in found}:
        calm *= 1.0 - SIGNAL_WEIGHTS.get(kind, 0.0)
    return 1.0 - calm


def _bases(texts: list[str], playbook: Playbook | None, tier: Tier = "fast") -> list[_Base]:
    """The reading of each text: its own words (no quoted history or footer), and for
    a long e-mail its hottest paragraph when that reads hotter than the whole."""
    own = [email_text.own_words(t) for t in texts]
    split = [[p for _, p in email_text.paragraphs(text)] for text in own]
    bases = _read_words(own, playbook, tier, letters=[bool(parts) for parts in split])
    for i, text in enumerate(own):
        parts = split[i]
        if parts:
            bases[i] = _letter(bases[i], text,
                               _read_words(parts, playbook, tier, letters=[True] * len(parts)),
                               parts)
        tail = contrast_tail(text)  # "Thanks for sorting it, but it took three weeks." (D29)
        if tail is not None:
            # The point after the thanks sets how warm the message is at least; the
            # emotions and the hot probability stay the whole message's (the thanks is
            # meant too: on STC-3 the customers who wrote "Thanks, but…" were often
            # satisfied, and reading the point alone lowered the "solved" score's fit).
            point = _read_words([tail], playbook, tier)[0]
            bases[i] = replace(bases[i], floor=max(bases[i].floor,
                                                   min(point.temperature(), point.ceiling)))
        if not parts and bases[i].ceiling >= BOIL_C:  # a letter is shaped by its own rules
            bases[i] = _heated(bases[i], text)
    return bases


def _heated(base: _Base, text: str) -> _Base:
    """A grievance that reads warm is not calm: the heated emotion leads (D44). The heat
    keeps the models' anger, which the accurate tier weighs (D20)."""
    kinds = {s.kind for s in base.signals}
    # A stated wait and a serious harm told (D48: shamed in public, damaged twice) are
    # grievances no signal marks.
    emotions = heated(base.emotions, text, kinds, base.temperature(),
                      told=base.waited or harmed(text, kinds), negative=base.negativity > 0.0,
                      threat=not base.named and aimed(text, base.signals))
    return replace(base, emotions=emotions, anger=base.emotions[_ANGER][1])


def _letter(whole: _Base, text: str, parts: list[_Base], said: list[str]) -> _Base:
    """A long e-mail (:mod:`kettle.analysis.thermo_letters`): as hot as its hottest paragraph
    (``parts``, read from ``said``) unless it thanks and chases nothing; then shaped (D37)."""
    kinds = {s.kind for s in whole.signals} | letters.told(text)  # a grievance told in words
    base = whole if letters.grateful(text, kinds) else _with_hottest(whole, parts)
    heats = [p.temperature() for p, words in zip(parts, said, strict=True) if letters.body(words)]
    emotions, top, low = letters.shaped(base.emotions, kinds, text, heats, base.floor)
    # A serious harm told (thermo_harm) reads hot whatever the letter's tone allows.
    top = min(base.ceiling, max(top, HARMED_C) if harmed(text, kinds) else top)
    return replace(base, emotions=emotions, ceiling=top, floor=min(low, top))


def _with_hottest(whole: _Base, parts: list[_Base]) -> _Base:
    """A long e-mail reads as hot as its hottest paragraph: pleasantries around a
    complaint ("Dear…, I hope you are well… Kind regards") do not cool it.

    The whole message keeps its signals (with their spans), its arousal and its
    floor and ceiling; the hottest paragraph gives the models' reading.
    """
    hottest = max(parts, key=lambda b: b.temperature())
    if hottest.temperature() <= whole.temperature():
        return whole
    return replace(whole, hot=hottest.hot, emotions=hottest.emotions,
                   negativity=max(whole.negativity, hottest.negativity),
                   venting=max(whole.venting, hottest.venting),
                   floor=max(whole.floor, hottest.floor))


def _read_words(texts: list[str], playbook: Playbook | None, tier: Tier,
                letters: Sequence[bool] | None = None) -> list[_Base]:
    """The reading of each text (:func:`_words_read`); ``letters`` marks a letter or one of
    its paragraphs, which keep the letters' own reading of sarcasm."""
    model = heads()
    fast = tier == "fast"
    all_signals, ids, words, rows, spelt, english = [], [], [], [], [], []
    for text in texts:
        found = signals.detect(text, playbook=playbook)
        all_signals.append(found)
        # The model reads self-masked swearing spelt out ("F**k" as the word); a
        # masked word is always found as profanity, so only then is it looked for.
        swears = any(s.kind == "profanity" for s in found)
        plain = signals.unmask_swearing(text, playbook=playbook) if swears else text
        spelt.append(plain)
        toks = features.tokens(plain)
        english.append(english_tokens(plain, toks))
        if fast:
            ids.append(model.ids(features.terms(toks)))
            words.append(model.word_ids(toks))
        rows.append(features.dense(plain, toks, found))
    hot: Sequence[float] | npt.NDArray[np.float32]
    emotions: Sequence[Sequence[float]] | npt.NDArray[np.float32]
    if not fast:
        from kettle.analysis.thermo_accurate import encoder

        hot, emotions = encoder().probabilities(spelt)
    elif len(texts) == 1:
        # One message (``read``): the same sums and squashes without the
        # batch's bookkeeping, which costs more than the arithmetic here.
        one_hot, one_emotions = model.probabilities_one(
            model.margins_one(ids[0], rows[0], words[0]))
        hot, emotions = [one_hot], [one_emotions]
    else:
        margins = model.margins(ids, np.asarray(rows, dtype=np.float32), words)
        hot, emotions = model.probabilities(margins)
    scale = heat_scale(tier)
    return [replace(_words_read(text, found, float(hot[i]),
                                tuple(zip(EMOTIONS, map(float, emotions[i]), strict=True)),
                                rows[i], scale, letter=bool(letters and letters[i])),
                    english=english[i])
            for i, (text, found) in enumerate(zip(texts, all_signals, strict=True))]


def _words_read(text: str, found: tuple[Signal, ...], hot: float,
                emotions: tuple[tuple[str, float], ...], row: list[float],
                scale: tuple[float, ...], *, letter: bool = False) -> _Base:
    """The models' reading of one message, with what its words say on top of it (see
    the module doc): sarcasm, a bare answer, a mild annoyance or slip, slang praise, a
    threat, a named feeling, a vulnerable customer, a fault asked about and a wait."""
    negativity = -row[_COMPOUND]
    ceiling = BOIL_C
    found, stressed = emphasis(text, found)  # "charged me TWICE": a stressed word (D43)
    # "hello???? anyone????" (D29): a chaser, however many question marks.
    chased = None if {s.kind for s in found} - _CHEERS - _CHASING else chaser_feeling(text)
    if any(s.kind == "sarcasm" for s in found):
        hot, emotions, negativity = sarcastic(hot, emotions, negativity, letter=letter)
    elif chased is None and not found and bare(text):  # "no", "ok": the question decides
        hot, emotions, negativity = min(hot, BARE_HOT), calmed(emotions), min(negativity, 0.0)
    elif said_mildly(text, found):
        hot, emotions, ceiling = min(hot, MILD_HOT), annoyance(emotions), MILD_C
    elif praised_in_slang(text, found):  # "dark mode is killer 🔥" (thermo_calm)
        hot, emotions, negativity = min(hot, MILD_HOT), praised(emotions), -abs(negativity)
    if calm_ask(text, found):  # "no rush", "just checking", "a bit confused" (D43)
        hot, ceiling = min(hot, MILD_HOT), min(ceiling, ENQUIRY_C)
    found, worried = vulnerable(text, found, negativity)
    floor = _least(text, found, letter)
    if not worried and any(s.kind == "vulnerability" for s in found):
        # "My husband died in January…": sad words about the situation, no heat at us (D29).
        negativity = min(negativity, 0.0)
    named = named_feeling(text) if ceiling >= BOIL_C else None
    feeling = named or (None if ceiling < BOIL_C else angry_kept(
        _situation(text, worried, chased, found), emotions))
    if feeling is not None:  # "I am furious.": the customer's word leads
        hot, emotions = max(hot, feeling.hot), lead_with(emotions, feeling)
        floor = max(floor, feeling.floor)
    if any(s.kind in _THREATENING for s in found):
        emotions = threatened(emotions)
    kinds = {s.kind for s in found}
    if feeling is None:  # "Am I doing something wrong?", "Is the app down?" (D29, D40)
        ceiling = min(ceiling, asked(text, kinds, emotions, hot))
    # Relief leads, or a question after the praise does ("Damn, you lot are quick! … Can I
    # order another?", D29).
    cheering = (_top(emotions) in ("relief", "confusion", "neutral")
                and (bool(kinds & _CHEERS) or stressed)
                and not kinds - _CHEERS - _QUIET and joyful(text))
    if cheering:  # "holy shit that was fast, thanks": swearing for joy escalates nothing
        hot, ceiling = min(hot, MILD_HOT), min(ceiling, MILD_C)
    venting = _venting(hot, emotions[EMOTIONS.index("neutral")][1], found, row)
    arousal, strain = _aroused(text, found, worried=worried, cheering=cheering,
                               stressed=stressed)
    return _Base(hot, emotions, found, negativity, arousal, venting, scale, ceiling, floor,
                 waited=strain > 0.0, named=named is not None)


def _least(text: str, found: Sequence[Signal], letter: bool) -> float:
    """The least the words say a message reads, before a feeling's floor: a legal or public
    threat (D25); a cancel ultimatum or sarcasm about a harm, in a chat (a letter's rules
    shape its own, D37); a serious harm told ("your engineer flooded my kitchen",
    :mod:`thermo_harm`)."""
    kinds = {s.kind for s in found}
    floor = THREAT_C if kinds & _THREATS else CALM_C
    if not letter:  # a cancel ultimatum in a chat reads hot (thermo_heated.ultimatum)
        floor = max(floor, mocked(kinds), ULTIMATUM_C if ultimatum(text, found) else CALM_C)
    return max(floor, HARMED_C) if harmed(text, kinds) else floor


def _aroused(text: str, found: Sequence[Signal], *, worried: bool, cheering: bool,
             stressed: bool) -> tuple[float, float]:
    """The arousal of step 4 and the wait's strain. A stated wait strains like a signal
    does ("waiting three weeks"); a vulnerability without a problem asks for care, not for
    heat (D29); swearing and stressed words for joy escalate nothing."""
    loud = [s for s in found if not (cheering and s.kind in _CHEERS)
            and (worried or s.kind != "vulnerability")]
    stress = EMPHASIS_WEIGHT if stressed and not cheering else 0.0  # "THANK YOU": joy
    strain = wait_strain(text)
    return 1.0 - (1.0 - arousal_of(loud)) * (1.0 - strain) * (1.0 - stress), strain


def _top(emotions: tuple[tuple[str, float], ...]) -> str:
    return max(emotions, key=lambda item: item[1])[0]


def _situation(text: str, worried: bool, chased: Feeling | None,
               found: Sequence[Signal] = ()) -> Feeling | None:
    """What the situation says when the customer names no feeling (D28, D29)."""
    if worried:
        return VULNERABLE  # "My mother is 87 and has had no heating since Friday."
    if chased is not None:
        return chased
    if at_stake(text):
        return AT_STAKE
    return fed_up(text) or shouted(text, found) or pressed(text) or double_charged(text, found)


def _cached_base(text: str, playbook: Playbook | None, tier: Tier = "fast") -> _Base:
    """The context-free reading of one cleaned message, memoised per playbook."""
    book = playbook if playbook is not None else default_playbook()
    lookup: Callable[[str, Tier], _Base] = book.cached("thermometer.bases", _base_cache)
    return lookup(text, tier)


def _base_cache(book: Playbook) -> Callable[[str, Tier], _Base]:
    @lru_cache(maxsize=READING_CACHE)
    def base(text: str, tier: Tier) -> _Base:
        return _bases([text], book, tier)[0]

    return base


def clear_cache(playbook: Playbook | None = None) -> None:
    """Forget the remembered readings (tests and benchmarks of cold reads)."""
    book = playbook if playbook is not None else default_playbook()
    book.cached("thermometer.bases", _base_cache).cache_clear()


def _venting(hot: float, neutral: float, found: Sequence[Signal], dense: list[float]) -> float:
    """How much the message vents rather than gives information (a heuristic).

    Feeling carries venting; concrete details (numbers, order ids) and plain
    questions carry information.
    """
    feeling = 0.55 * hot + 0.3 * (1.0 - neutral) + (0.15 if found else 0.0)
    has_digits = dense[features.DENSE.index("digits")] > 0
    asks = dense[features.DENSE.index("question")] > 0 and hot < 0.5
    info = 0.25 * has_digits + 0.15 * asks
    return float(min(max(feeling - info, 0.0), 1.0))


def _mode(venting: float) -> Mode:
    if venting >= 0.6:
        return "venting"
    if venting < 0.35:
        return "information"
    return "mixed"


def _carried_heat(context: Conversation | None, playbook: Playbook | None,
                  tier: Tier = "fast") -> float:
    """Heat that the customer's earlier turns carry into this one (0..1)."""
    turns = [t for t in as_turns(context) if t.role == "customer" and t.text.strip()]
    if not turns:
        return 0.0
    recent = [clean_text(t.text, field="context") for t in turns[-HISTORY:]]
    carried = 0.0
    for back, text in enumerate(reversed(recent)):
        # The temperature the turn read on its own, floor and ceiling included.
        heat = (_cached_base(text, playbook, tier).temperature() - CALM_C) / (BOIL_C - CALM_C)
        carried = max(carried, heat * DECAY**back)
    if len(turns) >= 2:
        carried = 1.0 - (1.0 - carried) * (1.0 - 0.1 * min(len(turns) - 1, 3))
    return carried
