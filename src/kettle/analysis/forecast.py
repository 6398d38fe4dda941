"""Risk that a conversation boils over (a personal attack, a hang-up, an escalation
threat) before it does: a derailment forecast.

The forecast is a logistic model over a handful of conversation features: the
customer's heat (the thermometer's hot probability, and a small hostility head
of its own: level, recent turns, slope), escalation signals, the agent's
anti-patterns, and the accusatory "you" statements, insults and impolite
sentence forms that the Conversations Gone Awry studies found ahead of personal
attacks. The weights are set by design (:data:`PRIOR_WEIGHTS`); the shipped
JSON (``data/models/forecast.json``) only standardises and calibrates them —
see ``training/forecast.py``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from kettle.analysis.coach_context import WARM_C
from kettle.analysis.forecast_hostility import hostilities
from kettle.analysis.signals import BOILED_OVER
from kettle.analysis.types import Reading, Review, Turn
from kettle.errors import ModelError

#: Roles read as customer-like turns for heat.
_CUSTOMER_LIKE = ("customer", "other")
_ESCALATION = frozenset(
    {"cancel_threat", "legal_threat", "public_threat", "manager_demand", "hang_up", "profanity"}
)
_WORD = re.compile(r"[a-z']+")
_SECOND = frozenset({"you", "your", "you're", "yours", "yourself", "youre", "u", "ur"})
_FIRST = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "im", "ive"})
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
#: Sentences (and lines) for the directed-hostility feature.
_CLAUSE = re.compile(r"[^.!?\n]+[.!?]*")
#: Politeness markers of Zhang et al. (2018): sentences with these come before
#: conversations go awry (direct questions, "so/but" starts, "you" starts,
#: factuality) ...
_AWRY = re.compile(
    r"^\s*(?:why|what|how|who)\b[^?]*\?|^\s*(?:so|then|but|and)\b|^\s*(?:you|your)\b"
    r"|\b(?:actually|in fact|the point is|the reality is|the truth is)\b",
    re.IGNORECASE,
)
#: ... and these keep them on track (gratitude, greetings, hedges, please,
#: apology, "I" starts, indirect requests).
_ON_TRACK = re.compile(
    r"\b(?:thanks|thank you|appreciate|hi|hello|please|sorry|excuse me|i think|perhaps"
    r"|maybe|probably|i guess|i believe|it seems|might|could you|would you)\b|^\s*i\b",
    re.IGNORECASE,
)
_INSULT = re.compile(
    r"\b(?:stupid|idiot\w*|ridiculous|nonsense|absurd|dumb|moron\w*|pathetic|ignorant"
    r"|incompetent|useless|liar|lying|bullshit|crap|shit\w*|fuck\w*|damn|hell|joke|clown\w*"
    r"|rubbish|garbage|disgrace\w*|hypocri\w*|troll\w*|scam\w*|cheat\w*)\b",
    re.IGNORECASE,
)
#: How many of the latest customer turns count as "recent".
RECENT = 2

#: Feature names, in the order of the shipped weights.
FEATURES: tuple[str, ...] = (
    "hot_mean",
    "hot_recent",
    "hostility_mean",
    "hostility_recent",
    "hot_slope",
    "escalation",
    "anti_patterns",
    "you_focus",
    "insults",
    "impoliteness",
    "directed_hostility",
)

#: The direction and relative weight of each feature, set by design and not fitted:
#: heat, rising heat, threats and the agent's anti-patterns turn the heat up (the
#: method); "you" statements rather than "I" statements, insults, and impolite
#: rather than polite sentence forms come before personal attacks (Zhang et al.
#: 2018, "Conversations Gone Awry"); a personal attack is hostility aimed at the
#: other person, so hostile sentences addressed to "you" count once more
#: (``directed_hostility``). Training only standardises the features and
#: calibrates the sum (``training/forecast.py``).
PRIOR_WEIGHTS: dict[str, float] = {
    "hot_mean": 1.0,
    "hot_recent": 1.0,
    "hostility_mean": 1.0,
    "hostility_recent": 1.0,
    "hot_slope": 0.5,
    "escalation": 1.0,
    "anti_patterns": 1.0,
    "you_focus": 1.0,
    "insults": 1.0,
    "impoliteness": 1.0,
    "directed_hostility": 1.0,
}
_PRIOR: dict[str, Any] = {"bias": -1.0, "weights": PRIOR_WEIGHTS, "scale": 0.3}


@lru_cache(maxsize=1)
def _model() -> tuple[float, tuple[float, ...], tuple[float, ...], tuple[float, ...]]:
    """(bias, weights, means, scales) from the shipped JSON (or the prior)."""
    path = resources.files("kettle.analysis") / "data" / "models" / "forecast.json"
    try:
        data: dict[str, Any] = (
            json.loads(path.read_text(encoding="utf-8")) if path.is_file() else _PRIOR
        )
        slope = float(data.get("scale", 1.0))
        w = tuple(slope * float(data["weights"][name]) for name in FEATURES)
        means = tuple(float(data.get("means", {}).get(n, 0.0)) for n in FEATURES)
        scales = tuple(float(data.get("scales", {}).get(n, 1.0)) or 1.0 for n in FEATURES)
        return float(data["bias"]), w, means, scales
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"the shipped forecast model is unusable: {exc!r}") from None


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _slope(values: Sequence[float]) -> float:
    n = len(values)
    if n < 2:
        return 0.0
    mean_x = (n - 1) / 2.0
    mean_y = sum(values) / n
    num = sum((i - mean_x) * (v - mean_y) for i, v in enumerate(values))
    den = sum((i - mean_x) ** 2 for i in range(n))
    return num / den


def _rate(tokens: Sequence[str], words: frozenset[str]) -> float:
    return sum(1 for t in tokens if t in words) / max(len(tokens), 1)


def _directed_hostility(texts: Sequence[str]) -> float:
    """The most hostile sentence addressed to "you" in the latest turns (0 if none)."""
    addressed = [
        clause
        for text in texts[-RECENT:]
        for clause in _CLAUSE.findall(text.lower())
        if any(w in _SECOND for w in _WORD.findall(clause))
    ]
    return max(hostilities(addressed), default=0.0)


def _text_features(texts: Sequence[str]) -> dict[str, float]:
    tokens = [_WORD.findall(t.lower()) for t in texts]
    recent = [w for toks in tokens[-RECENT:] for w in toks]
    insults = sum(len(_INSULT.findall(t)) for t in texts)
    sentences = [s for t in texts for s in _SENTENCE.findall(t)]
    awry = sum(1 for s in sentences if _AWRY.search(s))
    polite = sum(1 for s in sentences if _ON_TRACK.search(s))
    return {
        "you_focus": _rate(recent, _SECOND) - _rate(recent, _FIRST),
        "insults": math.log1p(insults / max(len(texts), 1)),
        "impoliteness": (awry - polite) / max(len(sentences), 1),
        "directed_hostility": _directed_hostility(texts),
    }


def features(
    turns: Sequence[Turn], readings: Sequence[Reading], reviews: Sequence[Review] = ()
) -> dict[str, float]:
    """The forecast's features for one conversation (``readings``: one per customer turn)."""
    texts = [t.text for t in turns if t.role in _CUSTOMER_LIKE and t.text.strip()]
    hot = [r.hot for r in readings]
    escalation = sum(1 for r in readings for s in r.signals if s.kind in _ESCALATION)
    hostile = hostilities(texts)
    return {
        "hot_mean": _mean(hot),
        "hot_recent": _mean(hot[-RECENT:]),
        "hostility_mean": _mean(hostile),
        "hostility_recent": _mean(hostile[-RECENT:]),
        "hot_slope": _slope(hot),
        "escalation": math.log1p(escalation),
        "anti_patterns": math.log1p(sum(len(r.anti_patterns) for r in reviews)),
        **_text_features(texts),
    }


def score(values: dict[str, float]) -> float:
    """The calibrated probability for a feature dict from :func:`features`."""
    bias, weights, means, scales = _model()
    z = bias
    for name, w, m, s in zip(FEATURES, weights, means, scales, strict=True):
        z += w * (values[name] - m) / s
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


#: The least risk once the customer's last turn has boiled over: they walk out or
#: threaten to sue or go public (``BOILED``), or threaten to leave or ask for a
#: manager (``BOILING``). The model forecasts from the whole conversation, and a
#: polite "I'm going to the ombudsman" after a calm start read 0.16 (2026-12-07
#: probe); a conversation that has boiled over is no longer a forecast (D28).
BOILED = 0.8
BOILING = 0.6
_BOILING_KINDS = frozenset({"cancel_threat", "manager_demand"})


#: The last customer turn reads hot and scornful or swearing: "So I'm supposed to just sit
#: here and wait. Great. Thanks for nothing." read 0.06 in a 2026-12-07 probe (D29).
SEETHING = 0.5
SEETHING_C = 80.0
#: The same for scorn said only as sarcasm, which reads cooler in a chat since mock praise
#: counts at 0.4 of its strength (thermo_feelings.SARCASM_FLIP): a jibe that read 80 °C
#: reads about 66 °C.
SNEERING_C = 66.0
_SCORN_KINDS = frozenset({"sarcasm", "profanity", "shouting"})
_LOUD_KINDS = frozenset({"profanity", "shouting"})


def boiled_floor(readings: Sequence[Reading], *, served: bool = True) -> float:
    """The least risk that the last customer turn's escalation sets (0 when none).

    ``served``: an agent takes part (a support conversation). Scorn aimed at an agent
    sets a floor; in a peer debate (CGA-CMV, no agent) sarcasm is how people argue.
    """
    if not readings:
        return 0.0
    kinds = {s.kind for s in readings[-1].signals}
    if kinds & BOILED_OVER:
        return BOILED
    if kinds & _BOILING_KINDS:
        return BOILING
    scorned = served and bool(kinds & _SCORN_KINDS)
    hot = SEETHING_C if kinds & _LOUD_KINDS else SNEERING_C
    return SEETHING if scorned and readings[-1].temperature >= hot else 0.0


#: A promise broken (overdue) and the customer warm or hotter when they last wrote: "It's
#: 6pm. Nobody called. You PROMISED." read 0.09 in a 2026-12-07 probe.
BROKEN = 0.6


def boil_risk(
    turns: Sequence[Turn], readings: Sequence[Reading], reviews: Sequence[Review] = (),
    *, broken: bool = False,
) -> float:
    """Probability that the conversation boils over, from what has been said so far.

    ``broken``: a promise made in it is overdue (see ``stage_track.overdue_promises``).
    """
    served = any(t.role == "agent" for t in turns)
    risk = max(score(features(turns, readings, reviews)), boiled_floor(readings, served=served))
    if broken and readings and readings[-1].temperature >= WARM_C:
        risk = max(risk, BROKEN)
    return risk
