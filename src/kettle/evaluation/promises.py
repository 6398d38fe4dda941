"""`kettle eval promises`: commitments and due times on the promises set.

Matching is promise-level, inside one row (one agent turn). A predicted
commitment matches a gold one when at least half of the gold action's content
words (lower-cased, stop words dropped, compared on their first five letters)
occur in the predicted action; pairs are matched one-to-one, best overlap first.
Unmatched predictions are false positives, unmatched gold promises false
negatives. ``due_exact`` is, over matched gold promises with a non-null due,
the share whose predicted due is the same instant with the same UTC offset.
``vague_accuracy`` is, over matched gold promises, the share where the
prediction agrees on "vague" (a due phrase without a due time).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from kettle.analysis.commitments import extract
from kettle.analysis.conversation import parse_time
from kettle.evaluation.metrics import prf

#: (action, due, vague) predicted for one row.
Predicted = tuple[str, datetime | None, bool]
Predictor = Callable[[dict[str, Any]], list[Predicted]]

_STOP = frozenset(
    {
        "i", "we", "you", "me", "us", "it", "the", "a", "an", "to", "and", "will", "for", "of",
        "your", "our", "my", "this", "that", "be", "with", "on", "in", "by", "at", "from", "as",
        "so", "then", "all", "is", "are", "can", "let", "'ll", "going", "them", "they", "their",
    }
)
_WORD = re.compile(r"[a-z0-9']+")


def _content(text: str) -> set[str]:
    words = [w for w in _WORD.findall(text.lower()) if w not in _STOP]
    return {w[:5] for w in words}


def overlap(predicted: str, gold: str) -> float:
    """Share of the gold action's content words found in the predicted action."""
    want = _content(gold) or {w[:5] for w in _WORD.findall(gold.lower())}
    if not want:
        return 0.0
    return len(want & _content(predicted)) / len(want)


def match(predicted: Sequence[str], gold: Sequence[str]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs with overlap >= 0.5."""
    scored = sorted(
        ((-overlap(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for negative, i, j in scored:
        if -negative < 0.5:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def kettle_predict(row: dict[str, Any]) -> list[Predicted]:
    found = extract(row["text"], now=parse_time(row["sent_at"]), tz=row["tz"])
    return [(c.action, c.due, c.vague) for c in found]


def _same_instant(predicted: datetime | None, gold: datetime | None) -> bool:
    if predicted is None or gold is None:
        return False
    return predicted == gold and predicted.utcoffset() == gold.utcoffset()


def score(rows: Sequence[dict[str, Any]], predict: Predictor) -> dict[str, Any]:
    """Precision, recall, F1, due_exact and vague_accuracy of ``predict`` on ``rows``."""
    tp = fp = fn = due_n = due_ok = vague_n = vague_ok = 0
    turn_tp = turn_fp = turn_fn = 0
    for row in rows:
        gold = row["promises"]
        pred = predict(row)
        pairs = match([p[0] for p in pred], [str(g["action"]) for g in gold])
        tp += len(pairs)
        fp += len(pred) - len(pairs)
        fn += len(gold) - len(pairs)
        turn_tp += bool(gold) and bool(pred)
        turn_fp += bool(pred) and not gold
        turn_fn += bool(gold) and not pred
        for i, j in pairs:
            want = gold[j]
            if want.get("due"):
                due_n += 1
                due_ok += _same_instant(pred[i][1], parse_time(want["due"]))
            gold_vague = bool(want.get("due_phrase")) and not want.get("due")
            vague_n += 1
            vague_ok += pred[i][2] == gold_vague
    precision, recall, f1 = prf(tp, fp, fn)
    return {
        "n": len(rows),
        "n_promises": tp + fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "due_exact": round(due_ok / due_n, 4) if due_n else None,
        "due_n": due_n,
        "vague_accuracy": round(vague_ok / vague_n, 4) if vague_n else None,
        "turn_f1": round(prf(turn_tp, turn_fp, turn_fn)[2], 4),
    }


def evaluate(rows: Sequence[dict[str, Any]], *, baselines: bool) -> dict[str, Any]:
    """Kettle's metrics overall and per source; with ``baselines``, the peers' too."""
    result = score(rows, kettle_predict)
    result["per_source"] = _per_source(rows, kettle_predict)
    if baselines:
        from kettle.evaluation.promises_baselines import PEERS

        result["baselines"] = {
            name: {**score(rows, peer), "per_source": _per_source(rows, peer)}
            for name, peer in PEERS.items()
        }
    return result


def _per_source(rows: Sequence[dict[str, Any]], predict: Predictor) -> dict[str, Any]:
    sources = sorted({str(r.get("source", "unknown")) for r in rows})
    return {
        s: score([r for r in rows if str(r.get("source", "unknown")) == s], predict)
        for s in sources
    }
