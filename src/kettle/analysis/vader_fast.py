"""VADER's scores, the same numbers sooner.

The thermometer runs VADER (``vaderSentiment``, MIT) on every message as a
feature, and VADER's own ``polarity_scores`` spends most of its time on two
things that rarely change the result: it rebuilds the text one character at a
time to replace emoji, and it calls its full valence routine for every word,
though a word outside its lexicon always scores 0 there. Its negation and idiom
checks also lowercase the whole message again for each lexicon word, to look
at the three words around it. :class:`FastVader` skips the first two when they
cannot matter (no emoji in the text; a word that is not in the lexicon), hands
the checks only the words they look at, skips the "but" and idiom checks where
they cannot change a score (no "but"; no two neighbouring words of one of its
multi-word phrases), and otherwise runs VADER's own code,
so its scores equal VADER's exactly (tests/analysis/test_vader_fast.py checks
them on thousands of real messages). The VADER *peer* in ``kettle eval --baselines`` and in the
benchmarks stays the stock analyser.
"""

from __future__ import annotations

import string
from itertools import pairwise
from typing import Any

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
)

_NEGATIONS = frozenset(NEGATE)
_PUNCTUATION = string.punctuation
#: Every word of VADER's multi-word idioms and boosters ("kiss of death",
#: "kind of"): its idiom check looks up only such phrases of two or three
#: words around a lexicon word.
_IDIOM_WORDS = frozenset(
    word for phrase in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in phrase
    for word in phrase.split()
)


def _negated(word: str) -> bool:
    """VADER's ``negated([word])`` for one lowercased word."""
    return word in _NEGATIONS or "n't" in word


class _SentiText(SentiText):  # type: ignore[misc]
    """VADER's ``SentiText``, its punctuation stripping without a call per word."""

    def _words_and_emoticons(self) -> list[str]:
        out: list[str] = []
        for token in self.text.split():
            stripped = token.strip(_PUNCTUATION)
            # VADER keeps a token whose stripped form is this short (an emoticon).
            out.append(token if len(stripped) <= 2 else stripped)
        return out


class FastVader(SentimentIntensityAnalyzer):  # type: ignore[misc]
    """``SentimentIntensityAnalyzer`` with the same ``polarity_scores``, faster."""

    def __init__(self) -> None:
        super().__init__()
        self._emoji_chars = frozenset(self.emojis)
        self._boosters = frozenset(BOOSTER_DICT)

    def polarity_scores(self, text: str) -> dict[str, float]:
        if not self._emoji_chars.isdisjoint(text):
            # VADER's own emoji replacement (it inserts descriptions and spaces).
            return dict(super().polarity_scores(text))
        sentitext = _SentiText(text.strip())
        words = sentitext.words_and_emoticons
        lexicon = self.lexicon
        sentiments: list[Any] = []
        lowered: list[str] = []
        last = len(words) - 1
        for i, item in enumerate(words):
            lower = item.lower()
            lowered.append(lower)
            if lower in self._boosters or (
                    lower == "kind" and i < last and words[i + 1].lower() == "of"):
                sentiments.append(0)
            elif lower not in lexicon:
                # What sentiment_valence appends for a word outside the lexicon.
                sentiments.append(0)
            else:
                sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        if "but" in lowered:  # VADER's check changes nothing without the word
            sentiments = self._but_check(words, sentiments)
        return dict(self.score_valence(sentiments, sentitext.text))

    @staticmethod
    def _negation_check(valence: float, words: list[str], start_i: int, i: int) -> float:
        """VADER's check of the word ``start_i + 1`` places back, on those words alone.

        VADER calls it with ``i > start_i``; it lowercases the whole message on
        every call and builds a list to test one word for negation.
        """
        w1 = words[i - 1].lower()
        if start_i == 0:
            return valence * N_SCALAR if _negated(w1) else valence
        w2 = words[i - 2].lower()
        if start_i == 1:
            if w2 == "never" and w1 in ("so", "this"):
                return valence * 1.25
            if w2 == "without" and w1 == "doubt":
                return valence
            return valence * N_SCALAR if _negated(w2) else valence
        w3 = words[i - 3].lower()
        if (w3 == "never" and w2 in ("so", "this")) or w1 in ("so", "this"):
            return valence * 1.25
        if w3 == "without" and "doubt" in (w2, w1):
            return valence
        return valence * N_SCALAR if _negated(w3) else valence

    @staticmethod
    def _special_idioms_check(valence: float, words: list[str], i: int) -> float:
        # VADER calls this with i > 2 and reads only words[i - 3 : i + 3].
        if i < 3:
            return float(SentimentIntensityAnalyzer._special_idioms_check(valence, words, i))
        window = words[i - 3:i + 3]
        # Each phrase it looks up is two or three neighbouring words of the
        # window, so it needs two neighbours that both belong to some phrase.
        known = [word.lower() in _IDIOM_WORDS for word in window]
        if not any(a and b for a, b in pairwise(known)):
            return valence
        return float(SentimentIntensityAnalyzer._special_idioms_check(valence, window, 3))
