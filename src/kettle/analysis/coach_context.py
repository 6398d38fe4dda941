"""Where the conversation stands when the agent replies: what the coach needs from it.

The customer's last words (a restatement mirrors them), how hot the customer
is (the thermometer on the last customer turn, with the turns before it as
context), whether an earlier agent turn has already acknowledged the feeling,
and whether the customer sounds as if the issue is resolved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from kettle.analysis.coach_text import (
    CompiledRule,
    Sentence,
    compiled_rules,
    content_words,
    live_rules,
    straight_quotes,
)
from kettle.analysis.playbook import Playbook, default_playbook
from kettle.analysis.signals import CARE
from kettle.analysis.types import Turn

#: A customer at or above this temperature is "still hot": let them vent, no
#: requests for numbers or exact details yet. 65 °C is the middle of the
#: thermometer's upper half (30 calm .. 100 boiling), where its readings are
#: dominated by anger and escalation signals rather than by neutral wording.
HOT_C = 65.0
#: From here on a message counts as hot when it is not plain information-giving:
#: it vents, or it carries an escalation signal ("third time I'm writing!!!").
WARM_C = 55.0

#: Agent turns whose acknowledgement is remembered (:func:`_acknowledged`), as
#: many as the thermometer remembers readings.
ACKNOWLEDGED_CACHE = 4096

Situation = Literal["none", "hot", "calmer", "resolved"]

# Techniques that show the agent heard the feeling (any one is enough).
ACKNOWLEDGING: tuple[str, ...] = ("acknowledgement", "apology", "empathy", "reflection")

_RESOLVED = re.compile(
    r"\b(?:thanks?|thank\s+you|cheers|appreciate\s+it|much\s+appreciated)\b"
    r"|\b(?:that\s+(?:works|helps|helped|is\s+great|'s\s+great|fixed\s+it)|"
    r"all\s+(?:sorted|good|fixed)|problem\s+solved|it(?:'s|\s+is)\s+(?:working|fixed|sorted))\b",
    re.IGNORECASE,
)
#: A question: a question mark, or a sentence opening like one ("Do you…", "How can I…").
_ASKS = re.compile(
    r"\?|(?:^|[.!]\s+)(?:how|what|when|where|which|who|why|can|could|do|does|is|are|will|would"
    r"|should|may)\b", re.IGNORECASE)
_STILL_UPSET = re.compile(
    r"\b(?:but|still|not|never|no\s+thanks|thanks\s+for\s+nothing)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Context:
    """What the coach knows about the conversation before the reply."""

    customer_text: str
    temperature: float | None
    #: The customer vents or escalates rather than just giving information.
    venting: bool
    acknowledged_before: bool
    situation: Situation
    #: The customer asks a plain question (not venting): an answer needs no plan.
    asks: bool = False

    @property
    def hot(self) -> bool:
        return self.situation == "hot"


def read_context(turns: tuple[Turn, ...], playbook: Playbook) -> Context:
    """Summarise ``turns`` (the conversation before the reply) for the coach."""
    last = _last_customer_index(turns)
    if last is None:
        return Context("", None, False, _acknowledged(turns, playbook), "none")
    customer_text = _customer_block(turns, last)
    temperature, venting = _heat(turns, last, playbook)
    hot = temperature >= HOT_C or (venting and temperature >= WARM_C)
    situation: Situation
    if hot:
        situation = "hot"
    elif (_RESOLVED.search(customer_text) and not _STILL_UPSET.search(customer_text)
          and "?" not in customer_text):
        situation = "resolved"
    else:
        situation = "calmer"
    acknowledged = _acknowledged(turns[:last], playbook)
    asks = not venting and _ASKS.search(turns[last].text) is not None
    return Context(customer_text, temperature, venting, acknowledged, situation, asks)


def _last_customer_index(turns: tuple[Turn, ...]) -> int | None:
    for index in range(len(turns) - 1, -1, -1):
        if turns[index].role == "customer":
            return index
    return None


def _customer_block(turns: tuple[Turn, ...], last: int) -> str:
    """The customer's last message, with any customer messages right before it."""
    parts = [turns[last].text]
    index = last - 1
    while index >= 0 and turns[index].role == "customer" and len(parts) < 3:
        parts.append(turns[index].text)
        index -= 1
    return " ".join(reversed(parts))


def _heat(turns: tuple[Turn, ...], last: int, playbook: Playbook) -> tuple[float, bool]:
    from kettle.analysis import thermometer

    text = turns[last].text
    if not text.strip():
        return 30.0, False
    reading = thermometer.read(text, context=turns[:last], playbook=playbook)
    # A vulnerability is care to take, not venting ("I'm deaf, so please email me", D29).
    loud = any(s.kind not in CARE for s in reading.signals)
    return reading.temperature, reading.mode != "information" or loud


def _acknowledged(turns: tuple[Turn, ...], playbook: Playbook) -> bool:
    """Has an agent turn after the customer's first complaint acknowledged the feeling?"""
    acknowledges: Callable[[str], bool] = playbook.cached("coach.acknowledges", _acknowledges)
    return any(acknowledges(turn.text) for turn in turns if turn.role == "agent")


def _acknowledges(playbook: Playbook) -> Callable[[str], bool]:
    """Does one agent turn acknowledge the feeling? Memoised by text, per playbook.

    A conversation's earlier agent turns are asked again at every check of a
    new draft, so each turn's answer is kept (as the thermometer keeps its
    readings). The whole turn is searched with each acknowledging rule's
    patterns, exclusions not applied, narrowed by the coach's pre-check to the
    patterns that can match it, which finds a match exactly when the rule's
    full regex does.
    """
    rules = compiled_rules(playbook, "techniques")
    wanted = {name: rules[name] for name in ACKNOWLEDGING if name in rules}

    @lru_cache(maxsize=ACKNOWLEDGED_CACHE)
    def acknowledges(text: str) -> bool:
        straight = straight_quotes(text)
        whole = Sentence(0, len(straight), straight)
        live = live_rules(wanted, "techniques", playbook, whole)
        return any(_found(rule, whole) for rule in live.values())

    return acknowledges


def _found(rule: CompiledRule, whole: Sentence) -> bool:
    if rule.alternatives is not None and whole.folded is not None:
        # Searched lower-cased, as coach_text.first_match does.
        return any(pattern.search(whole.folded) for pattern in rule.alternatives)
    return rule.pattern is not None and rule.pattern.search(whole.text) is not None


def clear_cache(playbook: Playbook | None = None) -> None:
    """Forget what the coach remembers: which agent turns acknowledged the
    feeling, and the content words of texts (benchmarks of cold checks)."""
    book = playbook if playbook is not None else default_playbook()
    book.cached("coach.acknowledges", _acknowledges).cache_clear()
    content_words.cache_clear()
