"""`kettle eval temperature` metrics on small hand-made sets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kettle.evaluation.temperature import evaluate

ROWS = [
    {"id": "1", "text": "Thanks, that fixed it, you're great!", "intensity": 0.05, "hot": False},
    {"id": "2", "text": "Could you tell me when the store opens?", "intensity": 0.1, "hot": False},
    {"id": "3", "text": "Hmm, the parcel is a bit late, slightly annoying.", "intensity": 0.4,
     "hot": True},
    {"id": "4", "text": "This is ridiculous, I'm really angry about the charges!", "intensity": 0.7,
     "hot": True},
    {"id": "5", "text": "I AM FURIOUS!!! You useless idiots ruined everything, I'm suing!",
     "intensity": 0.95, "hot": True},
    {"id": "6", "text": "Have a lovely weekend everyone.", "intensity": None, "hot": None},
]


def test_metrics_and_counts() -> None:
    result = evaluate(ROWS, baselines=False)
    assert result["n"] == 6
    assert result["n_intensity"] == 5 and result["n_hot"] == 5
    assert result["pearson"] > 0.8
    assert result["spearman"] > 0.8
    assert result["auroc_hot"] > 0.8
    assert "baselines" not in result


def test_baselines_measure_vader_in_the_same_run() -> None:
    result = evaluate(ROWS, baselines=True)
    vader = result["baselines"]["vader"]
    assert set(vader) >= {"n", "pearson", "spearman", "auroc_hot"}
    assert -1.0 <= vader["pearson"] <= 1.0


def test_keys_absent_without_labels() -> None:
    rows = [{"id": "a", "text": "I hate this", "intensity": None, "hot": None, "emotions": []},
            {"id": "b", "text": "Lovely, thanks"}]
    result = evaluate(rows, baselines=False)
    assert result["n"] == 2
    assert "pearson" not in result and "auroc_hot" not in result


def test_only_hot_labels() -> None:
    rows = [{"id": str(i), "text": r["text"], "hot": r["hot"]} for i, r in enumerate(ROWS[:5])]
    result = evaluate(rows, baselines=False)
    assert "pearson" not in result and result["auroc_hot"] > 0.8


@pytest.mark.slow
def test_cli_prints_one_json_object(tmp_path: Path) -> None:
    data = tmp_path / "set.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in ROWS), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "kettle.cli.main", "eval", "temperature", "--data", str(data),
         "--json", "--baselines"],
        capture_output=True, text=True, check=True,
    )
    result = json.loads(out.stdout)
    assert result["n"] == 6 and "vader" in result["baselines"]


def test_accurate_tier_is_measured_and_named() -> None:
    result = evaluate(ROWS, baselines=False, tier="accurate")
    assert result["tier"] == "accurate"
    assert result["auroc_hot"] > 0.8
    assert result["pearson"] > 0.7
    assert evaluate(ROWS, baselines=False)["tier"] == "fast"


def _eval_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kettle.cli.main", "eval", *args],
                          capture_output=True, text=True, check=False)


def test_cli_tier_option(tmp_path: Path) -> None:
    data = tmp_path / "set.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in ROWS), encoding="utf-8")
    out = _eval_cli("temperature", "--data", str(data), "--json", "--tier", "accurate")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["tier"] == "accurate"
    wrong = _eval_cli("replies", "--data", str(data), "--tier", "accurate")
    assert wrong.returncode == 2
    assert wrong.stderr.strip().count("\n") == 0 and "--tier" in wrong.stderr
    suite = _eval_cli("suite", "--tier", "accurate")
    assert suite.returncode == 2 and "both tiers" in suite.stderr
