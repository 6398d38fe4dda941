"""The forecast's per-comment hostility: P(anger or annoyance) from the words alone.

A small logistic head on binary, L2-normalised unigrams, trained on GoEmotions
train (``training/forecast_hostility.py``). It is deliberately simpler than the
thermometer: it only ranks how hostile a comment's wording is, which is what a
derailment forecast needs from each earlier turn.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from kettle.errors import ModelError


@lru_cache(maxsize=1)
def _head() -> tuple[re.Pattern[str], float, dict[str, float]]:
    path = resources.files("kettle.analysis") / "data" / "models" / "hostility.json"
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        return re.compile(str(data["token_pattern"])), float(data["bias"]), weights
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"the shipped hostility head is unusable: {exc!r}") from None


def hostility(text: str) -> float:
    """Probability that ``text`` is worded in anger or annoyance."""
    token, bias, weights = _head()
    # In the text's order, not a set's: a float sum in hash order differed in its
    # last bits between runs (``PYTHONHASHSEED``), and so did the boil-over risk.
    present = dict.fromkeys(t for t in token.findall(text.lower()) if t in weights)
    z = bias
    if present:
        z += sum(weights[t] for t in present) / math.sqrt(len(present))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def hostilities(texts: Sequence[str]) -> list[float]:
    return [hostility(t) for t in texts]
