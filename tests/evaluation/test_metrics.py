from __future__ import annotations

import math
import random

import pytest
from scipy import stats
from sklearn.metrics import roc_auc_score

from kettle.evaluation.metrics import auroc, multilabel_f1, pearson, prf, rankdata, spearman


def _sample(seed: int, n: int = 200) -> tuple[list[float], list[float]]:
    rng = random.Random(seed)
    x = [rng.gauss(0, 1) for _ in range(n)]
    y = [a * 0.6 + rng.gauss(0, 1) for a in x]
    # ties matter for Spearman and AUROC
    return [round(v, 1) for v in x], [round(v, 1) for v in y]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_correlations_match_scipy(seed: int) -> None:
    x, y = _sample(seed)
    assert pearson(x, y) == pytest.approx(stats.pearsonr(x, y)[0], abs=1e-9)
    assert spearman(x, y) == pytest.approx(stats.spearmanr(x, y)[0], abs=1e-9)
    assert rankdata(x).tolist() == pytest.approx(stats.rankdata(x).tolist())


@pytest.mark.parametrize("seed", [4, 5])
def test_auroc_matches_sklearn_with_ties(seed: int) -> None:
    x, y = _sample(seed)
    labels = [v > 0 for v in y]
    assert auroc(labels, x) == pytest.approx(roc_auc_score(labels, x), abs=1e-9)


def test_degenerate_inputs_are_nan_not_errors() -> None:
    assert math.isnan(pearson([1, 1, 1], [1, 2, 3]))
    assert math.isnan(auroc([True, True], [0.1, 0.2]))
    with pytest.raises(ValueError):
        pearson([1, 2], [1, 2, 3])


def test_prf_and_macro_f1() -> None:
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(3, 1, 1) == pytest.approx((0.75, 0.75, 0.75))
    gold = [["question"], ["information", "question"], ["reflection"]]
    pred = [["question"], ["information"], ["question"]]
    macro, per = multilabel_f1(gold, pred, ["question", "information", "reflection"])
    assert per["question"]["precision"] == 0.5
    assert per["question"]["recall"] == 0.5
    assert per["information"]["f1"] == 1.0
    assert per["reflection"]["f1"] == 0.0
    assert macro == pytest.approx((0.5 + 1.0 + 0.0) / 3, abs=1e-4)
