"""`kettle eval temperature`: the thermometer on a labelled set of messages.

Metrics: ``pearson`` and ``spearman`` of the temperature against ``intensity``
(rows where it is given) and ``auroc_hot`` of the calibrated ``hot``
probability against ``hot`` (rows where it is given). With ``baselines`` the
same metrics for VADER (score: minus its compound), measured in the same run.
``tier`` picks the thermometer's model: ``fast`` (default) or ``accurate``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from kettle.analysis.types import Tier
from kettle.evaluation.metrics import auroc, pearson, spearman

Scorer = Callable[[list[str]], tuple[list[float], list[float]]]


def _kettle(texts: list[str], tier: Tier = "fast") -> tuple[list[float], list[float]]:
    from kettle.analysis.thermometer import read_many

    readings = read_many(texts, tier=tier)
    return [r.temperature for r in readings], [r.hot for r in readings]


def _vader(texts: list[str]) -> tuple[list[float], list[float]]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    scores = [-analyzer.polarity_scores(t)["compound"] for t in texts]
    return scores, scores


def _metrics(rows: Sequence[dict[str, Any]], scorer: Scorer) -> dict[str, Any]:
    texts = [str(r["text"]) for r in rows]
    scorer(texts[:1])  # load models before timing
    started = time.perf_counter()
    temperature, hot = scorer(texts)
    elapsed = time.perf_counter() - started
    out: dict[str, Any] = {"n": len(rows)}
    graded = [i for i, r in enumerate(rows) if r.get("intensity") is not None]
    if graded:
        gold = [float(rows[i]["intensity"]) for i in graded]
        ours = [temperature[i] for i in graded]
        out.update(n_intensity=len(graded), pearson=pearson(ours, gold),
                   spearman=spearman(ours, gold))
    labelled = [i for i, r in enumerate(rows) if r.get("hot") is not None]
    if labelled:
        out.update(n_hot=len(labelled), auroc_hot=auroc(
            [bool(rows[i]["hot"]) for i in labelled], [hot[i] for i in labelled]))
    out["messages_per_s"] = round(len(rows) / elapsed, 1) if elapsed > 0 else None
    return out


def evaluate(rows: Sequence[dict[str, Any]], *, baselines: bool = False,
             tier: Tier = "fast") -> dict[str, Any]:
    """Metrics of the thermometer (and, with ``baselines``, of VADER) on ``rows``."""
    result = _metrics(rows, partial(_kettle, tier=tier))
    result["tier"] = tier
    if baselines:
        result["baselines"] = {"vader": _metrics(rows, _vader)}
    return result
