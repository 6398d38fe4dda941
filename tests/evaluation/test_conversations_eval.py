"""`kettle eval conversations` on small real-looking sets, and the targets on the dev sets."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from kettle.evaluation.conversations import evaluate

DATA = Path(__file__).resolve().parents[2].parent / "shared/data/eval/conversations"

CALM = [
    {"role": "customer", "text": "Hi, could you tell me when my order ships? Thanks."},
    {"role": "agent", "text": "Of course! It ships today and will arrive by Friday."},
    {"role": "customer", "text": "Great, thank you so much."},
]
HOT = [
    {"role": "customer", "text": "You lost my parcel AGAIN. This is ridiculous!!"},
    {"role": "agent", "text": "Calm down. That's not our policy."},
    {"role": "customer", "text": "You are useless liars. I want a manager now or I'm "
     "cancelling!"},
]


def _rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for i in range(4):
        rows.append({"id": f"c{i}", "turns": CALM, "outcome": {
            "derailed": False, "solved": 1.5, "satisfaction": 1.2, "dropped": False}})
        rows.append({"id": f"h{i}", "turns": HOT, "outcome": {
            "derailed": True, "solved": -1.5, "satisfaction": -1.8, "dropped": True}})
    return rows


def test_metrics_where_the_labels_are() -> None:
    result = evaluate(_rows(), baselines=True)
    assert result["n"] == 8
    assert result["auroc_derailed"] == 1.0
    assert result["auroc_dropped"] == 1.0
    assert result["spearman_solved"] > 0.8
    assert result["spearman_satisfaction"] > 0.8
    assert "spearman_intensity_after" not in result and "spearman_task_success" not in result
    vader = result["baselines"]["vader"]
    assert vader["n"] == 8 and 0.0 <= vader["auroc_derailed"] <= 1.0


def test_rows_without_outcome_labels_give_only_n() -> None:
    rows = [{"id": "x", "turns": CALM, "outcome": {}}]
    result = evaluate(rows)
    assert result["n"] == 1 and "auroc_derailed" not in result and "baselines" not in result


def test_empty_turns_and_peer_roles_are_handled() -> None:
    rows = [{"id": "p", "turns": [{"role": "other", "text": "you are wrong"},
                                  {"role": "other", "text": ""}],
             "outcome": {"derailed": True}},
            {"id": "q", "turns": [{"role": "other", "text": "i think that is fair"}],
             "outcome": {"derailed": False}}]
    result = evaluate(rows)
    assert not math.isnan(result["auroc_derailed"])


def test_cli_prints_one_json_object(tmp_path: Path) -> None:
    data = tmp_path / "convs.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in _rows()), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "kettle.cli.main", "eval", "conversations", "--data", str(data),
         "--json", "--baselines"],
        capture_output=True, text=True, check=True,
    )
    result = json.loads(out.stdout)
    assert result["auroc_derailed"] == 1.0 and "vader" in result["baselines"]


@pytest.mark.slow
@pytest.mark.skipif(not DATA.is_dir(), reason="shared conversation data not present")
def test_dev_set_targets() -> None:
    from kettle.evaluation.data import load_rows

    cga = evaluate(load_rows(DATA / "cga_cmv.jsonl", "conversations"), baselines=True)
    # The target is 0.65; the shipped forecast measures 0.641 (docs/evaluation.md).
    # This floor guards against regressions until the target is reached.
    assert cga["auroc_derailed"] >= 0.62
    assert cga["auroc_derailed"] > cga["baselines"]["vader"]["auroc_derailed"]
    stc = evaluate(load_rows(DATA / "stc3_dch1.jsonl", "conversations"), baselines=True)
    assert stc["spearman_solved"] >= 0.40
    assert stc["spearman_solved"] > stc["baselines"]["vader"]["spearman_solved"]
