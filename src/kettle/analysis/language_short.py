"""The language test on messages of two to six words (D41's "still wrong").

Three common words of one language cannot be asked of "Muy mal servicio", "Très
déçu" or "Nicht akzeptabel!", so a short message is judged on all of its words
instead, and it stays English at the first sign of English: one common English
word ("Very bad service", "Not acceptable!", "pls help") or one word of English
as the thermometer knows it (its 31,000 words of English texts, slang and names
included: "bruh", "innit", "Jose"), allowing one typo ("tihs", "recieved",
"absolutley"). What is left is not English when

- half of its words or more, two words at least, are common words of the listed
  languages (``language_words.OTHERS``, or words with letters no English word
  has); a message without accents needs twelve letters, one with them eight
  ("Très déçu"), or
- none is a listed word and three or more, with twelve letters, are unknown to
  English: this is how a short message in a language without a list ("Pesanan
  saya belum sampai", "Kargom hala gelmedi") is told. Not when it reads as
  English typed fast: "i" or "u", a word with no vowel, two English words run
  together ("thnx i luh u spoofy", "Messageme creepypost").

Names do not count either way (a capitalised word where no sentence starts: "Rue
de la Paix", "Señor Alvarez"), nor do words that are English and another
language's (``SHARED``: "no", "mal"), everyday international words ("internet",
"app"), laughter and letters said again ("jajaja", "sooo") or a word repeated.
"""

from __future__ import annotations

import re
import string
from collections.abc import Container
from functools import lru_cache

from kettle.analysis.language_words import ANY_DISTINCT as _ANY_OTHER
from kettle.analysis.language_words import ENGLISH, SHARED

#: At most this many words: judged here rather than by the three-word rule.
SHORT_WORDS = 6
#: Letters needed when every word is unknown to English (no listed language's word).
UNKNOWN_LETTERS = 12
#: ... and when one is a listed word (only an accented message is let in this short).
SHORT_LETTERS = 8
#: Words of everyday international use in any language's short complaint ("Sin
#: internet", "Kein WLAN, kein Wifi"): no sign of English on their own.
_INTERNATIONAL = frozenset(("internet", "wifi", "app", "apps", "online", "email", "ok",
                            "okay", "sms", "taxi", "hotel", "pizza", "super", "spotify"))
#: English's common words that no other language shares: one is enough to stay English.
PLAIN_ENGLISH = ENGLISH - SHARED - _INTERNATIONAL
_NO_VOWEL = re.compile(r"^[^aeiouy]+$")
_LAUGH = re.compile(r"^(?:[jhk]+[aeiou]+){2,}[jhk]?$|(\w)\1\1")


def short_english(words: list[tuple[str, bool]], unusual: frozenset[str]) -> bool:
    """Whether a short message's ``words`` (each folded and lower-cased, with whether
    it is a name) read as English; ``unusual``: its words with letters no English
    word has."""
    plain: list[str] = []
    for w, name in words:
        if (not name and len(w) > 1 and w not in SHARED and w not in _INTERNATIONAL
                and not _LAUGH.search(w) and w not in plain):  # a word said again, once
            plain.append(w)
    if not plain or any(w in PLAIN_ENGLISH for w in plain):
        return True
    listed = [w for w in plain if w in _ANY_OTHER or w in unusual]
    rest = [w for w in plain if w not in _ANY_OTHER and w not in unusual]
    # Half the words or more a listed language's ("Muy mal servicio"; with eight letters
    # when accented: "Très déçu"), or, without one, three words unknown to English
    # (two are too often English typed badly) ...
    if not (len(listed) * 2 >= len(plain) >= 2 if listed
            else len(rest) >= 3 and sum(map(len, rest)) >= UNKNOWN_LETTERS):
        return True
    # ... and no word of English (the costly look-ups, for the few messages left).
    lexicon = _lexicon()
    if any(w in lexicon for w in rest) or (not listed and _texting(words, rest)):
        return True
    return any(map(english_word, rest))


def _texting(words: list[tuple[str, bool]], unknown: list[str]) -> bool:
    """Signs that words unknown to English are English typed fast: "i" or "u", a word
    with no vowel ("thnx i luh u spoofy"), two English words run together
    ("Messageme creepypost")."""
    if any(w in ("i", "u") for w, _ in words) or any(_NO_VOWEL.match(w) for w in unknown):
        return True
    lexicon = _lexicon()
    return any(w[:at] in lexicon and w[at:] in lexicon
               for w in unknown for at in range(3, len(w) - 2))


def english_word(word: str) -> bool:
    """A word of English as the thermometer knows it, or one typo away from one: a
    letter left out, added, changed or two swapped in a word of five letters or more,
    two letters swapped or one doubled in a word of four."""
    lexicon = _lexicon()
    if word in lexicon or word.rstrip("s") in lexicon:
        return True
    if len(word) == 4:  # short words: two letters swapped, or one doubled ("tihs", "thiss")
        return any(word[:at] + word[at + 1] + word[at] + word[at + 2:] in lexicon
                   for at in range(3)) or any(word[:at] + word[at + 1:] in lexicon
                                              for at in range(1, 4) if word[at - 1] == word[at])
    return len(word) >= 5 and any(w in lexicon for w in _one_off(word))


def _one_off(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    letters = string.ascii_lowercase
    # Not a last vowel left off: "harto", "contesta" are Spanish, not "hart", "contest".
    return ({a + b[1:] for a, b in splits if b and not (len(b) == 1 and b in "aeiou")}
            | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in letters}
            | {a + c + b for a, b in splits for c in letters})


class _Lexicon:
    """The thermometer's words (its training texts, VADER's lexicon, MiniLM's whole
    words), less the listed languages' common words. The model's own table is used,
    so a process that reads messages pays nothing more for it."""

    def __init__(self, words: Container[str]) -> None:
        self.words = words

    def __contains__(self, word: object) -> bool:
        return word in self.words and word not in _ANY_OTHER


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    from kettle.analysis.thermo_model import heads

    return _Lexicon(heads().words)
