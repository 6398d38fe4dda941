"""Whether a message looks like English, the only language Kettle reads.

The models were trained on English and the playbook's rules are English, so a
message in another language reads calm whatever it says: "¡Esto es
inaceptable! Llevo tres semanas esperando mi reembolso y nadie me responde."
read 38.5 °C. Rather than guess, the reading says it cannot tell
(:attr:`kettle.analysis.types.Reading.english`). The test is cheap and
conservative: a message is taken as English unless it is mostly in another
script, or more of its words are the common short words of one of the other
large languages of European support desks than of English.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from kettle.analysis.features import tokens

_ENGLISH = frozenset(str.split(
    "the to and i you my is it of a for in this that not have me on be was with your no are"
    " but what get can do just so we at an been has had will would they he she them our us"
    " there their from or if all any still why how when where who which please thanks thank"
    " sorry about again out up now one time been being am i'm it's don't can't"))
#: Common words of each language that are not English words too (no "is", "do", "die",
#: "plus", "con", "os", "um", "ho", "com", nor single letters: "HO HO HO", "Um, well", "o.o").
_OTHERS: dict[str, frozenset[str]] = {
    "es": frozenset(str.split("de el la los las que en una mi es por para se lo del pero muy ya"
                           " está esto esta tengo llevo hace nadie nada como más porque su sus"
                           " yo usted ustedes hola gracias")),
    "fr": frozenset(str.split("de le la les des et est que je pas une mon ma mes pour dans ce qui"
                           " il vous nous avec sur du au aux ne mais très j'ai c'est depuis rien"
                           " votre bonjour merci")),
    "de": frozenset(str.split("der das und ist nicht ich mein meine ein eine mit auf für sie wir zu"
                           " dem des sich auch noch schon kein keine seit wochen bitte danke"
                           " hallo habe wird")),
    "pt": frozenset(str.split("de que em uma meu minha por para não se da dos das mas muito já está"
                           " isso nada sem seu sua você vocês pela pelo ainda estou obrigado"
                           " obrigada olá")),
    "it": frozenset(str.split("il lo la gli le che una mio mia per non si del della ma molto già"
                           " sono questo niente senza suo sua grazie ciao ancora")),
    "nl": frozenset(str.split("de het een en niet ik mijn met voor zij wij te van dat maar al nog"
                           " geen sinds weken alstublieft bedankt hallo heb")),
}
_ANY_OTHER = frozenset().union(*_OTHERS.values())
#: Another language's common words needed to call a message not English.
OTHER_WORDS = 3
#: Fewer letters than this: too short to tell, taken as English.
MIN_LETTERS = 12


def looks_english(text: str) -> bool:
    """False when ``text`` is mostly in another script, or has at least three of another
    language's common words and more of them than of English's."""
    return english_tokens(text, tokens(text))


def english_tokens(text: str, toks: Sequence[str]) -> bool:
    """:func:`looks_english` with the message's lower-cased tokens (``features.tokens``)
    already worked out."""
    if not text.isascii():
        letters = [c for c in text if c.isalpha()]
        if len(letters) >= MIN_LETTERS and sum(not _latin(c) for c in letters) * 2 > len(letters):
            return False
        # The thermometer's tokens are ASCII: "não", "está", "très" came apart ("n", "o").
        toks = _LETTERS.findall(text.lower())
    words = [t for t in toks if t.isalpha() or "'" in t]
    if sum(map(len, words)) < MIN_LETTERS:
        return True
    # One look-up a word for most messages: no language can beat English's count
    # unless all the other languages' common words together do.
    other = sum(w in _ANY_OTHER for w in words)
    if other < OTHER_WORDS:
        return True
    english = sum(w in _ENGLISH for w in words)
    if other <= english:
        return True
    most = max(sum(w in common for w in words) for common in _OTHERS.values())
    return not (most >= OTHER_WORDS and most > english)


#: Words of any script, with an apostrophe inside ("j'ai", "c'est").
_LETTERS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _latin(letter: str) -> bool:
    return letter.isascii() or "LATIN" in unicodedata.name(letter, "")
