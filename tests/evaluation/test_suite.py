from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kettle.evaluation.suite import DEV_SETS, quality_figures, regressions


def _entry(**metrics: float) -> dict[str, object]:
    return {"kind": "temperature", "data": "x", "metrics": {"n": 10, **metrics}}


def test_regressions_catch_drops_and_missing_figures() -> None:
    committed = {"a": _entry(pearson=0.70, auroc_hot=0.90), "b": _entry(f1=0.5)}
    same = {"a": _entry(pearson=0.70, auroc_hot=0.9005), "b": _entry(f1=0.6)}
    assert regressions(committed, same) == []
    dropped = {"a": _entry(pearson=0.69, auroc_hot=0.90), "b": _entry(f1=0.5)}
    assert regressions(committed, dropped) == ["a.pearson: committed 0.7000, now 0.6900"]
    missing = {"a": _entry(pearson=0.70)}
    problems = regressions(committed, missing)
    assert "a.auroc_hot: committed 0.9000, now missing" in problems
    assert "b: not measured" in problems


def test_counts_and_peers_are_not_quality_figures() -> None:
    figures = quality_figures({"n": 5, "n_hot": 3, "pearson": 0.5, "baselines": {"vader": {}},
                               "per_act": {}, "seconds": 2.0, "due_n": 4,
                               "messages_per_s": 5000.0})
    assert figures == {"pearson": 0.5}


def test_every_dev_set_is_committed(repo_root: Path) -> None:
    from kettle.evaluation.suite import load_committed

    committed = load_committed(repo_root / "docs" / "evaluation.json")
    assert set(committed) == {d.name for d in DEV_SETS}
    assert not any("test" in d.name for d in DEV_SETS), "never check against a test split"


@pytest.mark.slow
def test_no_figure_drops_below_the_committed_one(shared_data: Path, repo_root: Path) -> None:
    kettle = str(Path(sys.executable).with_name("kettle"))
    result = subprocess.run(
        [kettle, "eval", "suite", "--data-dir", str(shared_data),
         "--check", "docs/evaluation.json"],
        cwd=repo_root, capture_output=True, text=True, timeout=1800, check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "no figure below the committed one" in result.stdout
