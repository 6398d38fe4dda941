"""Whether words look misspelt, so that suggestions do not say them back (D36).

"i orderd teh parcle" said back as "you orderd teh parcle" reads as mockery. A word looks
misspelt when it is lower case, alphabetic, at least three letters, and neither it nor its
stem (a plural, past tense, -ing or -er form) is a known English word, and one letter
dropped, added, changed or two letters swapped gives a known word (a slip, not a rare
name for a thing): the known words are the shipped
MiniLM word list (30,522 entries, whole words only) and the thermometer's vocabulary.
Contractions written without the apostrophe ("cant", "didnt") count as misspelt too.
Capitalised words (names, brands) and words with digits are never judged.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

_WORD = re.compile(r"(?<![\w'’])[a-z]{3,}(?![\w'’])")
_NO_APOSTROPHE = frozenset(str.split(
    "dont didnt doesnt cant couldnt wouldnt shouldnt wont isnt wasnt arent werent havent "
    "hasnt hadnt ive youre theyre thats whats theres im"))

#: Everyday words of customer service that both lists lack.
_SUPPORT = frozenset(str.split("modem login logins plumber plumbers esim esims wifi"))


@cache
def _lexicon() -> frozenset[str]:
    models = resources.files("kettle.analysis.data") / "models"
    tokenizer = json.loads((models / "minilm_tokenizer.json").read_text(encoding="utf-8"))
    words = {w for w in tokenizer["model"]["vocab"] if w.isalpha()}
    meta = json.loads((models / "thermometer.json").read_text(encoding="utf-8"))
    words.update(t for t in meta["vocab"] if t.isalpha())
    return frozenset((words | _SUPPORT) - _NO_APOSTROPHE)


_SUFFIXES = ("s", "es", "ed", "er", "ers", "ing", "ly", "ies", "ied")
_PREFIXES = ("un", "re", "pre", "dis", "mis", "over", "under", "out", "non", "de")


def _stems(word: str) -> tuple[str, ...]:
    """The forms a suffixed word may come from ("parcels" -> "parcel", "arrived" -> "arrive",
    "stopped" -> "stop", "replies" -> "reply"); a stem must keep three letters."""
    out: list[str] = []
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3:
            continue
        if suffix == "s" and stem.endswith("s"):
            continue
        if suffix == "es" and not stem.endswith(("s", "x", "z", "ch", "sh", "o")):
            continue
        out.append(stem + "y" if suffix in ("ies", "ied") else stem)
        if suffix in ("ed", "ing", "er", "ers"):
            out.append(stem + "e")  # "arrived", "charger", "movers"
        if len(stem) >= 4 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    return tuple(out)


def _known(word: str, known: frozenset[str]) -> bool:
    return word in known or any(s in known for s in _stems(word))


def misspelt(word: str) -> bool:
    """Whether one word looks misspelt (see the module's docstring)."""
    if not word.isalpha() or not word.islower() or len(word) < 3:
        return False
    if word in _NO_APOSTROPHE:
        return True
    known = _lexicon()
    if _known(word, known):
        return False
    if any(word.startswith(p) and len(word) - len(p) >= 4 and _known(word[len(p):], known)
           for p in _PREFIXES):
        return False
    return _near(word, known)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _near(word: str, known: frozenset[str]) -> bool:
    """Whether one letter dropped, added, changed or two swapped gives a known word: an
    unknown word far from every known one is more likely a name for a thing ("radiator",
    "thermostat") than a slip, and is let be."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for left, right in splits:
        if right and left + right[1:] in known:
            return True
        if len(right) > 1 and left + right[1] + right[0] + right[2:] in known:
            return True
        for c in _LETTERS:
            if (right and left + c + right[1:] in known) or left + c + right in known:
                return True
    return False


def has_misspelt(text: str) -> bool:
    """Whether any word of ``text`` looks misspelt."""
    return any(misspelt(m.group()) for m in _WORD.finditer(text))


def typos(text: str) -> frozenset[str]:
    """The words of ``text`` that look misspelt, as written (lower case only: "LHR", which
    a wording may lower-case, is not one)."""
    return frozenset(m.group() for m in _WORD.finditer(text) if misspelt(m.group()))


def echoes(body: str, words: frozenset[str]) -> bool:
    """Whether ``body`` says back any of ``words``."""
    return bool(words) and any(m.group().lower() in words for m in re.finditer(r"[\w'’]+", body))
