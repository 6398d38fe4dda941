"""Flip a customer's words to the agent's point of view.

A reflection repeats the customer's own words back, so "I needed the truck here
by 1 pm" becomes "you needed the truck there by 1 pm", and "you sent me the
wrong shoe" becomes "we sent you the wrong shoe": the customer's first person
turns into the second person, and the second person (the company) into "we".
Everything else, the customer's nouns especially, is kept as it was written.
"""

from __future__ import annotations

import re

_APOS = "'\u2019"
_WORD = re.compile(rf"[A-Za-z]+(?:[{_APOS}][A-Za-z]+)?")

#: Words that flip the same way wherever they stand (keys are lower case,
#: apostrophes normalised to ASCII).
_FIXED: dict[str, str] = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "we": "you",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
    "i'm": "you're",
    "im": "you're",
    "i've": "you've",
    "ive": "you've",
    "i'll": "you'll",
    "i'd": "you'd",
    "we're": "you're",
    "we've": "you've",
    "we'll": "you'll",
    "we'd": "you'd",
    "your": "our",
    "yours": "ours",
    "yourself": "ourselves",
    "yourselves": "ourselves",
    "you're": "we're",
    "youre": "we're",
    "you've": "we've",
    "you'll": "we'll",
    "you'd": "we'd",
    "ur": "our",
    "here": "there",
}

#: Verb forms that agree with the subject before them ("I was" -> "you were").
_AFTER_I: dict[str, str] = {"am": "are", "was": "were", "wasn't": "weren't"}
#: ... and with an inverted subject after them ("was I" -> "were you").
_BEFORE_I: dict[str, str] = {"am": "are", "was": "were", "wasn't": "weren't"}

#: After these words a "you" starts a clause and is a subject ("we"); elsewhere
#: it follows a verb or a preposition and is an object ("us").
_CLAUSE_OPENERS = frozenset(
    [
        "and", "but", "or", "because", "since", "as", "when", "if", "so", "that", "why", "how",
        "what", "where", "while", "though", "although", "until", "unless", "then", "yet", "after",
        "before", "once", "even", "still", "also", "just", "never", "always", "only", "really",
        "did", "didn't", "do", "don't", "can", "can't", "could", "couldn't", "would", "wouldn't",
        "will", "won't", "should", "shouldn't", "have", "haven't", "had", "hadn't",
        "which", "who",
    ]
)
#: Words that, right after "you", show it is the subject ("you would" -> "we would").
_VERB_NEXT = frozenset(
    [
        "would", "will", "can", "could", "should", "must", "might", "may", "did", "do", "does",
        "are", "were", "have", "had", "has", "never", "always", "just", "still", "keep", "sent",
        "said", "told", "lost", "took", "gave", "made", "broke", "sold", "put", "left", "got",
        "say", "tell", "send", "charge", "need", "want", "know", "guys", "people", "all",
        "apparently", "clearly", "obviously", "actually", "literally", "probably", "supposedly",
        "already", "even", "promised", "claimed",
    ]
)
_SENTENCE_END = re.compile(r"[.!?;:]\s*$")


def _norm(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def _match_case(source: str, target: str, *, start: bool) -> str:
    if "\u2019" in source:
        target = target.replace("'", "\u2019")
    if start:
        return target[:1].upper() + target[1:]
    if source.isupper() and len(source) > 1:
        return target.upper()
    return target


def _flip_you(prev: str | None, nxt: str | None, gap: str) -> str:
    if prev is None or _SENTENCE_END.search(gap) or gap.strip() in (",", "-", "\u2014"):
        return "we"
    if nxt is not None and (nxt in _VERB_NEXT or nxt.endswith(("ed", "n't"))):
        return "we"
    return "we" if prev in _CLAUSE_OPENERS else "us"


def _replacement(words: list[str], gaps: list[str], i: int) -> str | None:
    low = _norm(words[i])
    prev = _norm(words[i - 1]) if i > 0 else None
    nxt = _norm(words[i + 1]) if i + 1 < len(words) else None
    if low in _FIXED:
        return _FIXED[low]
    if low == "you":
        return _flip_you(prev, nxt, gaps[i])
    if low in _AFTER_I and prev == "i":
        return _AFTER_I[low]
    if low in _BEFORE_I and nxt == "i":
        return _BEFORE_I[low]
    return None


def flip(text: str) -> str:
    """Return ``text`` with its speaker's perspective flipped (I -> you, you -> we)."""
    matches = list(_WORD.finditer(text))
    if not matches:
        return text
    words = [m.group(0) for m in matches]
    # gaps[i] is the text between word i-1 and word i.
    gaps = [text[: matches[0].start()]]
    gaps += [text[matches[i - 1].end() : matches[i].start()] for i in range(1, len(matches))]
    out: list[str] = []
    for i, word in enumerate(words):
        out.append(gaps[i])
        new = _replacement(words, gaps, i)
        if new is None:
            out.append(word)
            continue
        at_start = (i == 0 and not gaps[0].strip()) or bool(_SENTENCE_END.search(gaps[i]))
        at_start = at_start and word[:1].isupper()
        out.append(_match_case(word, new, start=at_start))
    out.append(text[matches[-1].end() :])
    return "".join(out)
