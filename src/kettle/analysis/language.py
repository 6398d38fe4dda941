"""Whether a message looks like English, the only language Kettle reads.

The models were trained on English and the playbook's rules are English, so a
message in another language reads calm whatever it says: "¡Esto es
inaceptable! Llevo tres semanas esperando mi reembolso y nadie me responde."
read 38.5 °C. Rather than guess, the reading says it cannot tell
(:attr:`kettle.analysis.types.Reading.english`). The test is cheap and
conservative: a message is taken as English unless it is mostly in another
script, or at least three of its words, and three in ten of them, are common
words of one of the languages of European and American support desks
(Spanish, Portuguese, French, German, Italian, Dutch, Polish), and more of
them than are common English words. Words are compared without their accents
("não" as "nao"), as people type on phones, and without links and handles.
A message of two to six words is judged on all of its words instead
(:mod:`kettle.analysis.language_short`): "Muy mal servicio", "Très déçu".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from kettle.analysis.features import tokens
from kettle.analysis.language_short import (
    PLAIN_ENGLISH,
    SHORT_LETTERS,
    SHORT_WORDS,
    short_english,
)
from kettle.analysis.language_words import ANY_DISTINCT as _ANY_OTHER
from kettle.analysis.language_words import COURTESY, ENGLISH
from kettle.analysis.language_words import DISTINCT as _OTHERS

#: Another language's common words needed to call a message not English.
OTHER_WORDS = 3
#: ... and the share of the message's words they must be at least (three in ten).
OTHER_SHARE = 0.3
#: Fewer letters than this: too short to tell, taken as English.
MIN_LETTERS = 12
#: Latin letters with accents and marks (and the two signs among them, harmless).
_MARKED = re.compile("[\u00c0-\u024f]")
_MARKS = re.compile("[\u0300-\u036f]")
_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "ø": "o", "Ø": "o", "æ": "ae",
                       "œ": "oe", "’": "'", "‘": "'"})
#: Links, @handles, #tags, e-mail addresses and codes with digits ("DE-LA-0091"):
#: not words of any language.
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[@#]\w+|[\w-]*\d[\w-]*")
#: French and Italian elisions ("j'ai", "c'est", "all'app"): counted as "j'", "all'";
#: not English's "c'mon", "d'oh".
_ELIDED = frozenset(("c", "d", "j", "l", "m", "n", "s", "t", "qu", "un", "all", "dell",
                     "nell", "sull", "dall"))
_NOT_ELIDED = frozenset(("c'mon", "d'oh", "d'you", "m'lady", "m'kay"))
#: Letters no English word has, not even a borrowed one ("café", "jalapeño" have
#: others): Latin Extended-A (Polish "ł", "ą", Czech "ř", "ě", Hungarian "ő", ...)
#: and Portuguese "ã", "õ". Lower-case words with one count for every language,
#: like its common words ("dziękuję", "přeložit", "não"); names ("Łódź", "São") do not.
_UNUSUAL = re.compile("[ãõ\u0100-\u017f]")
_WORD = re.compile(r"[^\W\d_]+")
_CASED = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def looks_english(text: str) -> bool:
    """False when ``text`` is mostly in another script, or when at least three of its
    words, and three in ten, are one other language's common words, and more of them
    than are English's, or when a message of two to six words has no English in it
    (:func:`kettle.analysis.language_short.short_english`)."""
    return english_tokens(text, tokens(text))


def english_tokens(text: str, toks: Sequence[str]) -> bool:
    """:func:`looks_english` with the message's lower-cased tokens (``features.tokens``)
    already worked out."""
    marked = False
    if not text.isascii():
        letters = [c for c in text if c.isalpha()]
        if len(letters) >= MIN_LETTERS and sum(not _latin(c) for c in letters) * 2 > len(letters):
            return False
        marked = _MARKED.search(text) is not None
    words = [t for t in toks if t.isalpha() or "'" in t]
    size = sum(map(len, words))
    if size >= MIN_LETTERS and not _counted_english(text, words, marked):
        return False
    if (len(words) > (3 * SHORT_WORDS if marked else SHORT_WORDS + 4)
            or (size < MIN_LETTERS and not marked) or any(w in PLAIN_ENGLISH for w in words)):
        # Too long for the short test (tokens split accented words, and links and handles
        # are tokens: the message is counted again below), or a plain English word in it.
        return True
    cased = _cased_words(text, marked)
    if len(cased) > SHORT_WORDS or sum(len(w) for w, _ in cased) < (
            SHORT_LETTERS if marked else MIN_LETTERS):
        return True
    return short_english(cased, _unusual(text) if marked else frozenset())


def _counted_english(text: str, words: list[str], marked: bool) -> bool:
    """D41's test: fewer than three common words of one other language, or than three
    in ten of the words, or than the English ones."""
    # One look-up a word for most messages: no language can reach three words
    # unless all the other languages' common words together do. Accented words
    # are split by the tokens, so such a message is always looked at closely.
    if not marked:
        hits = sum(w in _ANY_OTHER for w in words)
        if hits and hits < OTHER_WORDS and "'" in text:  # "l'ho", "c'est": one more each
            hits += sum(_elided(w) in _ANY_OTHER for w in words if "'" in w)
        if hits < OTHER_WORDS:
            return True
    return _english_words(_words(text, marked), _unusual(text) if marked else frozenset())


def _english_words(words: list[str], unusual: frozenset[str]) -> bool:
    """Whether ``words`` are English: another language's common words (or words
    no English word looks like) are fewer than three, or than three in ten of the
    words, or than the English ones."""
    most = max(sum(w in common or w in unusual for w in words) for common in _OTHERS.values())
    if most < OTHER_WORDS or most < OTHER_SHARE * len(words):
        return True
    return most <= sum(w in ENGLISH for w in words)


def _words(text: str, marked: bool) -> list[str]:
    """The message's words of two letters or more, accents left off, elisions cut; a
    word said again ("la la la") and a run of courtesy words ("muchas gracias") as
    their first."""
    if marked:
        text = _fold(text)
    elif "’" in text:
        text = text.replace("’", "'")
    words: list[str] = []
    for word in tokens(_NOISE.sub(" ", text)):
        again = bool(words) and (word == words[-1]
                                 or (word in COURTESY and words[-1] in COURTESY))
        if "'" in word:
            word = _elided(word)
        elif len(word) < 2 or not word.isalpha() or again:
            continue
        words.append(word)
    return words


def _cased_words(text: str, marked: bool) -> list[tuple[str, bool]]:
    """A short message's words, accents left off, elisions cut and lower-cased, each
    with whether it is a name (capitalised, not where a sentence starts: "Rue de la Paix")."""
    if marked:
        text = _fold(text)
    text = _NOISE.sub(" ", text.replace("’", "'"))
    return [(_elided(m[0].lower()), m[0].istitle() and len(m[0]) > 1
             and text[:m.start()].rstrip()[-1:] not in ("", ".", "!", "?", "¿", "¡", ":"))
            for m in _CASED.finditer(text)]


def _unusual(text: str) -> frozenset[str]:
    """The lower-case words with a letter no English word has, accents left off."""
    return frozenset(_fold(word) for word in _WORD.findall(text)
                     if word.islower() and _UNUSUAL.search(word))


def _fold(text: str) -> str:
    """``text`` without accents and marks: "não está" as "nao esta", "ł" as "l"."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.translate(_FOLD)))


def _elided(word: str) -> str:
    """"j'ai" as "j'", "l'abbonamento" as "l'"; any other word as it is."""
    if "'" not in word:
        return word
    head, _, rest = word.partition("'")
    if head in _ELIDED and len(rest) > 1 and word not in _NOT_ELIDED:
        return head + "'"
    return word


def _latin(letter: str) -> bool:
    return letter.isascii() or "LATIN" in unicodedata.name(letter, "")
