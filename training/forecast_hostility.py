"""Train the forecast's per-comment hostility head on GoEmotions train (train_ok: true).

Run from the repository root (before ``training/forecast.py``, which standardises it):

    .venv/bin/python training/forecast_hostility.py

A logistic regression on binary, L2-normalised unigrams (lower-cased, tokens
``[a-z']+``) predicting "anger or annoyance" in GoEmotions *train*; the
regularisation strength is picked on GoEmotions *dev* (AUROC), never on test.
Writes ``src/kettle/analysis/data/models/hostility.json`` (bias and one weight
per word). Deterministic.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "eval" / "temperature"
OUT = ROOT / "src" / "kettle" / "analysis" / "data" / "models" / "hostility.json"
LABELS = ("anger", "annoyance")
TOKEN = r"[a-z']+"
MIN_DF = 3


def _load(name: str) -> tuple[list[str], np.ndarray]:
    rows = [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line]
    texts = [str(r["text"]) for r in rows]
    labels = np.array([any(e in r["emotions"] for e in LABELS) for r in rows])
    return texts, labels


def main() -> int:
    train_x, train_y = _load("goemotions_train.jsonl")
    dev_x, dev_y = _load("goemotions_dev.jsonl")
    vec = TfidfVectorizer(min_df=MIN_DF, use_idf=False, binary=True, norm="l2",
                          token_pattern=TOKEN)
    train_m = vec.fit_transform(train_x)
    dev_m = vec.transform(dev_x)
    best = None
    for c in (0.3, 1.0, 3.0):
        model = LogisticRegression(C=c, max_iter=5000, solver="lbfgs").fit(train_m, train_y)
        score = roc_auc_score(dev_y, model.predict_proba(dev_m)[:, 1])
        if best is None or score > best[0]:
            best = (score, c, model)
    assert best is not None
    score, c, model = best
    words = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
    # every vocabulary word ships, so the L2 norm at run time matches training
    weights = {w: round(float(v), 4) for w, v in zip(words, model.coef_[0], strict=True)}
    OUT.write_text(json.dumps({
        "about": "forecast hostility head: P(anger or annoyance), GoEmotions train; "
                 "see training/forecast_hostility.py",
        "token_pattern": TOKEN,
        "bias": round(float(model.intercept_[0]), 6),
        "C": c,
        "dev_auroc": round(float(score), 4),
        "weights": weights,
    }, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({"C": c, "dev_auroc": round(float(score), 4), "words": len(weights)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
