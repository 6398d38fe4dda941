"""Techniques of the method in an agent's reply, each with the span it comes from.

Most techniques are playbook phrases (``techniques.yaml``). Three need more than
a phrase: a *restatement* must mirror the customer's previous turn (shared
content words), a *question* is also a sentence that ends in "?", and
*information* is also a plain declarative sentence that none of the other
techniques claims.
"""

from __future__ import annotations

import re

from kettle.analysis.case_twin import Twinned
from kettle.analysis.coach_text import (
    CompiledRule,
    Sentence,
    compiled_rules,
    content_words,
    first_match,
    live_rules,
    word_count,
)
from kettle.analysis.playbook import Playbook
from kettle.analysis.types import Finding, Span

#: Techniques found by their phrases alone, in reporting order.
PHRASE_TECHNIQUES: tuple[str, ...] = (
    "acknowledgement",
    "apology",
    "empathy",
    "reflection",
    "ownership",
    "plan",
    "concrete_time",
    "thanks",
    "suggestion",
)

# Lead-ins that already say "I am repeating you back": one shared word is enough.
# The lookahead names every alternative's first letter, so that the engine
# passes over other words at once (a test holds it to the alternatives).
STRONG_LEAD = re.compile(
    r"\b(?=[acdfijy])(?:you(?:'re| are) saying|you said|you mentioned|you told me|"
    r"if i (?:understand|heard|hear|get|got)|i(?:'m| am)? hear(?:ing)? (?:you|that)|"
    r"in other words|i gather|"
    r"is that (?:correct|right|accurate)|am i right|did i get that right|just so i understand|"
    r"i take it|correct me if|from what i (?:understand|hear|gather)|are you saying|"
    r"does that (?:summari[sz]e|sound))\b",
    re.IGNORECASE,
)
# "So you want stability and a better position." (not "so you should…": advice).
SO_YOU = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|yes|yeah|right|oh|ah|i\s+see)\W+)*so\W+(?:basically\s+|then\s+)?"
    r"(?:you(?:'re|'ve)?|your|he|she|they|it's|that's)\s+"
    r"(?!(?:should|could|can|might|may|need|have\s+to|must|will|'ll)\b)",
    re.IGNORECASE,
)
DECLARATIVE = re.compile(
    r"^\W*(?:(?:oh|ok(?:ay)?|ah|and|wow|hmm)\W+)*(?:so\W+)?(?:(?:then|basically)\s+)?"
    r"(?:you|your|you're|it's|it\s+is|that's|this\s+is|they|he|she)\b",
    re.IGNORECASE,
)
_ABOUT_YOU = re.compile(
    r"^\W*(?:(?:oh|ok(?:ay)?|ah|and|so|wow|yes|yeah|right)\W+)*(?:you(?:'re|'ve)?|your)\s+"
    r"(?!(?:can|could|should|might|may|will|'ll|must|need|have\s+to|are\s+welcome|too)\b)",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you've|yourself)\b", re.IGNORECASE)
_PERSONAL = re.compile(
    r"\b(?:i|i'm|i've|i'd|i'll|im|me|my|myself|mine|you|you're|you've|you'll|yourself|u)\b",
    re.IGNORECASE,
)
_NOT_A_QUESTION_END = (".", "!")
_PERSONAL_TWIN = Twinned(_PERSONAL)


def find(
    sentences: tuple[Sentence, ...], customer_text: str, playbook: Playbook
) -> tuple[Finding, ...]:
    """Every technique in the reply's ``sentences``, given the customer's last words."""
    every_rule = compiled_rules(playbook, "techniques")
    steps, messages = playbook.cached("coach.technique_meta", _meta)
    customer_words = content_words(customer_text) if customer_text else frozenset()
    found: list[Finding] = []
    for sentence in sentences:
        rules = live_rules(every_rule, "techniques", playbook, sentence)
        here: list[tuple[str, Span]] = []
        for name in PHRASE_TECHNIQUES:
            rule = rules.get(name)
            span = first_match(rule, sentence) if rule else None
            if span is not None:
                here.append((name, span))
        question = _question(sentence, rules)
        if question is not None:
            here.append((question, sentence.span()))
        if _restates(sentence, customer_words, rules):
            here.append(("restatement", sentence.span()))
        info = _information(sentence, rules.get("information"), bool(here))
        if info is not None:
            here.append(("information", info))
        found.extend(
            Finding(
                kind="technique",
                name=name,
                span=span,
                step=steps.get(name),
                message=messages.get(name, ""),
            )
            for name, span in here
        )
    return tuple(found)


def _meta(playbook: Playbook) -> tuple[dict[str, int | None], dict[str, str]]:
    rules = playbook.techniques
    return (
        {name: rule.step for name, rule in rules.items()},
        {name: rule.message for name, rule in rules.items()},
    )


def _question(sentence: Sentence, rules: dict[str, CompiledRule]) -> str | None:
    open_rule = rules.get("question_open")
    closed_rule = rules.get("question_closed")
    is_open = open_rule is not None and first_match(open_rule, sentence) is not None
    is_closed = closed_rule is not None and first_match(closed_rule, sentence) is not None
    shaped = sentence.is_question or (
        (is_open or is_closed) and not sentence.text.endswith(_NOT_A_QUESTION_END)
    )
    if not shaped:
        return None
    return "question_open" if is_open else "question_closed"


def _restates(
    sentence: Sentence, customer_words: frozenset[str], rules: dict[str, CompiledRule]
) -> bool:
    """A restatement mirrors the customer's previous turn in the agent's words."""
    if not customer_words:
        return False
    if STRONG_LEAD.search(sentence.text):
        return True
    if sentence.is_question and DECLARATIVE.match(sentence.text) and not _asks(sentence, rules):
        # "So you're being laid off soon?": a statement checked with the customer.
        return True
    words = content_words(sentence.text)
    shared = len(words & customer_words)
    if shared == 0:
        return False
    if SO_YOU.match(sentence.text):
        return True
    lead = rules.get("restatement")
    if lead is not None and first_match(lead, sentence) is not None:
        return shared >= 2
    # "You're worried about the rent.": a statement about the customer in their words.
    if _ABOUT_YOU.match(sentence.text) and shared >= 2:
        return True
    # Without a lead-in, most of what the agent says must come from the customer.
    return (
        shared >= 3
        and shared >= 0.6 * len(words)
        and _SECOND_PERSON.search(sentence.text) is not None
    )


def _asks(sentence: Sentence, rules: dict[str, CompiledRule]) -> bool:
    """Is the sentence shaped as a question (wh-word or inverted auxiliary)?"""
    return any(
        rule is not None and first_match(rule, sentence) is not None
        for rule in (rules.get("question_open"), rules.get("question_closed"))
    )


def _information(sentence: Sentence, rule: CompiledRule | None, claimed: bool) -> Span | None:
    if sentence.is_question:
        return None
    if rule is not None:
        span = first_match(rule, sentence)
        if span is not None:
            return span
    if claimed or word_count(sentence.text) < 6:
        return None
    # A plain statement of fact, about neither the agent nor the customer.
    if _PERSONAL_TWIN.found(sentence.text, sentence.folded) or sentence.text.endswith("!"):
        return None
    return sentence.span()
