"""`kettle eval conversations`: the stage tracker and the boil-over forecast on whole
conversations.

Metrics, each where the data has the label:

- ``auroc_derailed`` — the boil-over risk against ``outcome.derailed`` (CGA-CMV);
- ``spearman_solved`` / ``spearman_satisfaction`` / ``spearman_effectiveness`` — a
  "solved" score (coolness and relief of the customer's last turn, minus their
  mean heat and insults, plus a little for the stage reached) against the
  annotators' means (STC-3);
- ``spearman_task_success`` (same score) and ``auroc_dropped`` (the risk);
- ``spearman_intensity_after`` — the mean temperature of the later half of the
  customer's (seeker's) turns against ``outcome.intensity_after`` (ESConv).

The customer-like turns of every conversation are read in one batch
(``read_many``); ``hot`` and the signals do not depend on context, so the risk
is the one :func:`kettle.analysis.stage.track` reports. With ``baselines``,
VADER scores the same conversations in the same run: the mean negativity of the
customer turns as the risk, the compound of the last customer turn as "solved",
and the negated compound averaged over the later half as the intensity.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from kettle.analysis.conversation import as_turns
from kettle.analysis.types import STAGES, Reading, Review, Turn
from kettle.evaluation.metrics import auroc, spearman

Scores = dict[str, list[float]]
_CUSTOMER_LIKE = ("customer", "other")
_AGENT = ("agent", "system")
#: Weights of the hand-set "solved" score (set on the md5-training half of STC-3,
#: see docs/evaluation.md; nothing is fitted).
SOLVED_WEIGHTS: dict[str, float] = {
    "cool_last": 1.0,
    "relief_last": 1.0,
    "hot_mean": -1.0,
    "insults": -1.0,
    "stage": 0.25,
}


def _customer_texts(turns: Sequence[Turn]) -> list[str]:
    return [t.text for t in turns if t.role in _CUSTOMER_LIKE and t.text.strip()]


def _read_all(convs: Sequence[tuple[Turn, ...]]) -> list[list[Reading]]:
    from kettle.analysis.thermometer import read_many

    texts = [_customer_texts(turns) for turns in convs]
    flat = read_many([t for group in texts for t in group])
    out, at = [], 0
    for group in texts:
        out.append(flat[at : at + len(group)])
        at += len(group)
    return out


def _reviews(turns: tuple[Turn, ...]) -> list[Review]:
    from kettle.analysis.coach import check

    return [
        check(t.text, conversation=turns[:i])
        for i, t in enumerate(turns)
        if t.role == "agent" and t.text.strip()
    ]


def conversation_features(
    convs: Sequence[tuple[Turn, ...]], *, reviews: bool = True
) -> list[dict[str, float]]:
    """Forecast features, plus the parts of the "solved" score, for each conversation."""
    from kettle.analysis.forecast import boiled_floor, features
    from kettle.analysis.stage import walk

    out = []
    for turns, readings in zip(convs, _read_all(convs), strict=True):
        checked = _reviews(turns) if reviews else []
        row = features(turns, readings, checked)
        last = readings[-1] if readings else None
        row["stage"] = STAGES.index(walk(turns, readings).stage) / (len(STAGES) - 1)
        row["relief_last"] = last.emotions["relief"] if last else 0.0
        row["cool_last"] = 1.0 - last.hot if last else 0.0
        later = readings[len(readings) // 2 :]
        row["temperature_later"] = (
            sum(r.temperature for r in later) / len(later) if later else 30.0
        )
        row["commitment"] = float(any(r.commitments for r in checked))
        row["boiled_floor"] = boiled_floor(readings, served=any(t.role == "agent" for t in turns))
        out.append(row)
    return out


def _kettle(convs: Sequence[tuple[Turn, ...]], *, reviews: bool = True) -> Scores:
    from kettle.analysis.forecast import score

    feats = conversation_features(convs, reviews=reviews)
    solved = [sum(w * f[k] for k, w in SOLVED_WEIGHTS.items()) for f in feats]
    return {
        # The risk track() reports: the forecast, floored once the customer boiled over.
        "risk": [max(score(f), f["boiled_floor"]) for f in feats],
        "solved": solved,
        "intensity": [f["temperature_later"] for f in feats],
    }


def _vader(convs: Sequence[tuple[Turn, ...]]) -> Scores:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    risk, solved, intensity = [], [], []
    for turns in convs:
        scores = [analyzer.polarity_scores(t) for t in _customer_texts(turns)] or [
            {"neg": 0.0, "compound": 0.0}
        ]
        risk.append(sum(s["neg"] for s in scores) / len(scores))
        solved.append(scores[-1]["compound"])
        later = scores[len(scores) // 2 :]
        intensity.append(-sum(s["compound"] for s in later) / len(later))
    return {"risk": risk, "solved": solved, "intensity": intensity}


def _outcome(rows: Sequence[dict[str, Any]], key: str) -> list[int]:
    return [
        i for i, r in enumerate(rows)
        if isinstance(r.get("outcome"), dict) and r["outcome"].get(key) is not None
    ]


def _metrics(
    rows: Sequence[dict[str, Any]], convs: Sequence[tuple[Turn, ...]],
    scorer: Callable[[Sequence[tuple[Turn, ...]]], Scores],
) -> dict[str, Any]:
    started = time.perf_counter()
    scores = scorer(convs)
    elapsed = time.perf_counter() - started
    out: dict[str, Any] = {"n": len(rows)}
    for key, metric, score_name in (
        ("derailed", "auroc_derailed", "risk"),
        ("dropped", "auroc_dropped", "risk"),
    ):
        idx = _outcome(rows, key)
        if idx:
            gold = [bool(rows[i]["outcome"][key]) for i in idx]
            out[metric] = auroc(gold, [scores[score_name][i] for i in idx])
    for key, score_name in (
        ("solved", "solved"), ("satisfaction", "solved"), ("effectiveness", "solved"),
        ("task_success", "solved"), ("intensity_after", "intensity"),
    ):
        idx = _outcome(rows, key)
        if idx:
            gold_f = [float(rows[i]["outcome"][key]) for i in idx]
            out[f"spearman_{key}"] = spearman([scores[score_name][i] for i in idx], gold_f)
    out["conversations_per_s"] = round(len(rows) / elapsed, 1) if elapsed > 0 else None
    return out


def evaluate(rows: Sequence[dict[str, Any]], *, baselines: bool = False) -> dict[str, Any]:
    """Metrics of the tracker and forecast (and, with ``baselines``, of VADER) on ``rows``."""
    convs = [as_turns(r["turns"]) for r in rows]
    # The reply coach only feeds the risk; skip it where no label needs the risk.
    needs_risk = bool(_outcome(rows, "derailed") or _outcome(rows, "dropped"))
    result = _metrics(rows, convs, partial(_kettle, reviews=needs_risk))
    if baselines:
        result["baselines"] = {"vader": _metrics(rows, convs, _vader)}
    return result
