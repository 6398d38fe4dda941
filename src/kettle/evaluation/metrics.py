"""Metrics computed with numpy only (no scipy at run time)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def _arrays(x: Sequence[float], y: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    a = np.asarray(x, dtype=np.float64)
    b = np.asarray(y, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"length mismatch: {a.shape} vs {b.shape}")
    return a, b


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    a, b = _arrays(x, y)
    if a.size < 2 or a.std() == 0 or b.std() == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])


def rankdata(x: Sequence[float] | np.ndarray) -> np.ndarray:
    """Average ranks (ties share the mean rank), 1-based, as scipy does."""
    a = np.asarray(x, dtype=np.float64)
    order = np.argsort(a, kind="mergesort")
    ranks = np.empty(a.size, dtype=np.float64)
    sorted_a = a[order]
    i = 0
    while i < a.size:
        j = i
        while j + 1 < a.size and sorted_a[j + 1] == sorted_a[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return ranks


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    a, b = _arrays(x, y)
    return pearson(rankdata(a).tolist(), rankdata(b).tolist())


def auroc(labels: Sequence[bool], scores: Sequence[float]) -> float:
    """Area under the ROC curve (Mann-Whitney U with tie correction)."""
    y = np.asarray(labels, dtype=bool)
    s = np.asarray(scores, dtype=np.float64)
    n_pos = int(y.sum())
    n_neg = int(y.size - n_pos)
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    ranks = rankdata(s.tolist())
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def multilabel_f1(
    gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]], labels: Sequence[str]
) -> tuple[float, dict[str, dict[str, float]]]:
    """Macro-F1 over ``labels`` for multi-label rows, and per-label P/R/F1/support."""
    per: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = fp = fn = support = 0
        for g, p in zip(gold, predicted, strict=True):
            in_g, in_p = label in g, label in p
            support += in_g
            tp += in_g and in_p
            fp += in_p and not in_g
            fn += in_g and not in_p
        precision, recall, f1 = prf(tp, fp, fn)
        per[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": support,
        }
    macro = float(np.mean([per[label]["f1"] for label in labels])) if labels else float("nan")
    return macro, per
