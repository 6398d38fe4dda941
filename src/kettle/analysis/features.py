"""Features of one customer message, shared by the thermometer and its training.

Two kinds: *tokens* (lower-cased words, their bigrams and emoji), looked up in
the shipped vocabulary by the linear heads, and a short *dense* vector of
lexical cues that carry over from Reddit (the training data) to customer
messages and tweets: VADER's scores and lexicon valence, capitals, "!!!", profanity,
negation, intensifiers and second-person address.

The same function computes the features at training and at run time, so the
shipped weights always see what they were trained on.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from kettle.analysis.types import Signal

#: Names of the dense features, in vector order (the model file records them too).
DENSE: tuple[str, ...] = (
    "log_tokens",
    "neg_sum",
    "pos_sum",
    "neg_max",
    "pos_max",
    "neg_share",
    "negations",
    "caps_ratio",
    "shouting",
    "exclaim",
    "question",
    "repeated_punctuation",
    "profanity",
    "you_density",
    "i_density",
    "boosters",
    "elongated",
    "digits",
    "vader_compound",
    "vader_neg",
    "vader_pos",
)

def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN = re.compile(
    r"[a-z0-9]+(?:'[a-z]+)?|[\U0001F300-\U0001FAFF\u2600-\u27BF]"
)
_ELONGATED = re.compile(r"([a-z])\1\1")
_DIGITS = re.compile(r"\d{3,}")
_NEGATIONS = _wordset(
    "not no never nothing nobody nowhere none cannot can't won't don't doesn't didn't "
    "isn't aren't wasn't weren't haven't hasn't hadn't shouldn't wouldn't couldn't "
    "cant wont dont doesnt didnt isnt arent wasnt werent havent hasnt"
)
_YOU = _wordset("you your you're youre yours yourself u ur")
_I = _wordset("i i'm im me my mine myself i've ive i'd")


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (-4..4), read from the vaderSentiment package."""
    text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    lexicon: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                lexicon[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return lexicon


@lru_cache(maxsize=1)
def _vader() -> Any:
    from kettle.analysis.vader_fast import FastVader

    return FastVader()


def vader_scores(text: str) -> tuple[float, float, float]:
    """VADER's compound, negative and positive scores for ``text``."""
    scores = _vader().polarity_scores(text)
    return float(scores["compound"]), float(scores["neg"]), float(scores["pos"])


@lru_cache(maxsize=1)
def _boosters() -> frozenset[str]:
    from vaderSentiment.vaderSentiment import BOOSTER_DICT

    return frozenset(k for k, v in BOOSTER_DICT.items() if v > 0)


def tokens(text: str) -> list[str]:
    """Lower-cased word and emoji tokens."""
    return _TOKEN.findall(text.lower())


def terms(toks: list[str]) -> list[str]:
    """The vocabulary terms of a message: its tokens and adjacent bigrams."""
    return toks + list(map(" ".join, pairwise(toks)))


def _valence(toks: list[str]) -> tuple[float, float, float, float, int]:
    lexicon = vader_lexicon()
    neg = pos = neg_max = pos_max = 0.0
    hits = 0
    for i, tok in enumerate(toks):
        value = lexicon.get(tok)
        if value is None:
            continue
        hits += 1
        window = toks[max(0, i - 3) : i]
        if any(w in _NEGATIONS or w.endswith("n't") for w in window):
            value *= -0.74
        if value < 0:
            neg -= value
            neg_max = max(neg_max, -value)
        else:
            pos += value
            pos_max = max(pos_max, value)
    return neg, pos, neg_max, pos_max, hits


_ASCII = bytes(range(128))
_NOT_LETTERS = bytes(b for b in _ASCII if not chr(b).isalpha())
_NOT_UPPER = bytes(b for b in _ASCII if not chr(b).isupper())


def _letters(text: str) -> tuple[int, int]:
    """How many letters and capitals ``text`` has (as ``str.isalpha``/``isupper`` count)."""
    if text.isascii():
        # The same count, in C: on ASCII only A-Z and a-z are letters, A-Z capitals.
        raw = text.encode("ascii")
        return len(raw.translate(None, _NOT_LETTERS)), len(raw.translate(None, _NOT_UPPER))
    return sum(map(str.isalpha, text)), sum(map(str.isupper, text))


def dense(text: str, toks: list[str], signals: tuple[Signal, ...]) -> list[float]:
    """The dense lexical vector, in the order of :data:`DENSE`."""
    n = len(toks)
    root = math.sqrt(n) if n else 1.0
    neg, pos, neg_max, pos_max, _ = _valence(toks)
    letters, upper = _letters(text)
    kinds = [s.kind for s in signals]
    boosters = _boosters()
    share = neg / (neg + pos) if neg + pos else 0.5
    return [
        math.log1p(n),
        neg / root,
        pos / root,
        neg_max,
        pos_max,
        share,
        sum(map(_NEGATIONS.__contains__, toks)) / root,
        upper / letters if letters >= 8 else 0.0,
        min(kinds.count("shouting"), 3),
        math.log1p(text.count("!")),
        math.log1p(text.count("?")),
        min(kinds.count("repeated_punctuation"), 3),
        min(kinds.count("profanity"), 3),
        sum(map(_YOU.__contains__, toks)) / root,
        sum(map(_I.__contains__, toks)) / root,
        sum(map(boosters.__contains__, toks)) / root,
        float(bool(_ELONGATED.search(text.lower()))),
        float(bool(_DIGITS.search(text))),
        *vader_scores(text),
    ]
