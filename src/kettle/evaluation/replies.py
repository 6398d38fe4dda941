"""`kettle eval replies`: the reply coach's acts against annotated reply acts.

Each row is an agent reply with up to six earlier turns and its annotated acts
(ESConv strategies, AnnoMI therapist behaviours). The prediction is
``check(row["text"], conversation=row["context"]).acts``. The score is the
macro-F1 over the six acts the coach is meant to recognise; self-disclosure and
"other" are left out of the mean (they are not techniques of the method).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from kettle.evaluation.metrics import multilabel_f1

#: The acts the macro-F1 is taken over.
SCORED_ACTS: tuple[str, ...] = (
    "question",
    "restatement",
    "reflection",
    "affirmation",
    "suggestion",
    "information",
)

Predictor = Callable[[dict[str, Any]], Sequence[str]]


def evaluate(rows: list[dict[str, Any]], *, baselines: bool = False) -> dict[str, Any]:
    """Macro-F1 over :data:`SCORED_ACTS` and per-act precision/recall/F1/support."""
    gold = [list(row["acts"]) for row in rows]
    result = _score(gold, [list(coach_acts(row)) for row in rows])
    result["n"] = len(rows)
    if baselines:
        result["baselines"] = {
            name: _score(gold, [list(predict(row)) for row in rows])
            for name, predict in BASELINES.items()
        }
    return result


def _score(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, Any]:
    macro, per = multilabel_f1(gold, predicted, SCORED_ACTS)
    return {"macro_f1": round(macro, 4), "per_act": per}


def coach_acts(row: dict[str, Any]) -> tuple[str, ...]:
    from kettle.analysis.coach import check

    return check(row["text"], conversation=row.get("context") or None).acts


_QUESTION_START = re.compile(
    r"^\W*(?:what|how|why|where|when|who|which|do|does|did|is|are|can|could|would|have|has)\b",
    re.IGNORECASE,
)
_SUGGEST = re.compile(r"\b(?:you\s+(?:should|could|might)|try|maybe|i\s+suggest)\b", re.IGNORECASE)
_SORRY = re.compile(r"\b(?:sorry|understand|don't\s+worry)\b", re.IGNORECASE)


def question_mark(row: dict[str, Any]) -> tuple[str, ...]:
    """Trivial peer: a question mark makes a question, anything else is information."""
    return ("question",) if "?" in row["text"] else ("information",)


def keywords(row: dict[str, Any]) -> tuple[str, ...]:
    """A few keywords per act, no context (the obvious hand-written peer)."""
    text = row["text"]
    if "?" in text or _QUESTION_START.match(text):
        return ("question",)
    if _SUGGEST.search(text):
        return ("suggestion",)
    if _SORRY.search(text):
        return ("affirmation",)
    return ("information",)


BASELINES: dict[str, Predictor] = {
    "question_mark": question_mark,
    "keywords": keywords,
}
