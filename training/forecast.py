"""Standardise and calibrate the boil-over forecast on STC-3 (train_ok: true).

Run from the repository root (after any re-training of the thermometer):

    .venv/bin/python training/forecast.py [--data ../shared/data/eval/conversations/stc3_dch1.jsonl]

The feature weights are NOT fitted: their directions and sizes are set by design
in :data:`kettle.analysis.forecast.PRIOR_WEIGHTS`. This script only
1. measures each feature's mean and spread on the STC-3 conversations, so the
   weighted sum is taken over standardised features, and
2. calibrates that sum into a probability (Platt scaling: one slope, one bias)
   against a weak "boiled over" label: annotators' mean satisfaction <= -1.

Only the STC-3 rows whose id hashes into the training half (md5(id) even) are
used; the other half is held out, and the script prints the held-out AUROC and
Brier score. CGA-CMV and ESConv are never read. Deterministic.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kettle.analysis import forecast  # noqa: E402
from kettle.analysis.conversation import as_turns  # noqa: E402
from kettle.evaluation.conversations import conversation_features  # noqa: E402

OUT = ROOT / "src" / "kettle" / "analysis" / "data" / "models" / "forecast.json"
BOILED_AT = -1.0
MIN_SCALE = 0.02


def in_training_half(row_id: str) -> bool:
    """The deterministic split: md5 of the id, even last byte -> training half."""
    return hashlib.md5(row_id.encode("utf-8")).digest()[-1] % 2 == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data", default=str(ROOT.parent / "shared/data/eval/conversations/stc3_dch1.jsonl")
    )
    args = parser.parse_args()
    rows = [json.loads(line) for line in Path(args.data).read_text("utf-8").splitlines() if line]
    feats = conversation_features([as_turns(r["turns"]) for r in rows], reviews=True)
    x = np.array([[f[name] for name in forecast.FEATURES] for f in feats])
    y = np.array([r["outcome"]["satisfaction"] <= BOILED_AT for r in rows])
    train = np.array([in_training_half(str(r["id"])) for r in rows])
    means = x[train].mean(axis=0)
    scales = np.maximum(x[train].std(axis=0), MIN_SCALE)
    prior = np.array([forecast.PRIOR_WEIGHTS[name] for name in forecast.FEATURES])
    summed = (((x - means) / scales) * prior).sum(axis=1, keepdims=True)
    platt = LogisticRegression(C=1e6, solver="lbfgs").fit(summed[train], y[train])
    prob = platt.predict_proba(summed[~train])[:, 1]
    model = {
        "about": "boil-over forecast: prior weights on standardised features, Platt-calibrated "
        "on STC-3 (train half by md5(id)); see training/forecast.py",
        "features": list(forecast.FEATURES),
        "weights": forecast.PRIOR_WEIGHTS,
        "means": {n: round(float(m), 6) for n, m in zip(forecast.FEATURES, means, strict=True)},
        "scales": {n: round(float(s), 6) for n, s in zip(forecast.FEATURES, scales, strict=True)},
        "scale": round(float(platt.coef_[0][0]), 6),
        "bias": round(float(platt.intercept_[0]), 6),
        "label": f"stc3 satisfaction <= {BOILED_AT}",
        "n_train": int(train.sum()),
    }
    OUT.write_text(json.dumps(model, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(
        json.dumps(
            {
                "n_train": int(train.sum()),
                "n_heldout": int((~train).sum()),
                "heldout_auroc": round(float(roc_auc_score(y[~train], prob)), 4),
                "heldout_brier": round(float(brier_score_loss(y[~train], prob)), 4),
                "heldout_base_rate": round(float(y[~train].mean()), 4),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
