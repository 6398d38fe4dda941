"""`kettle eval promises`: matching, metrics, baselines and the shipped dataset."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kettle.evaluation.data import load_rows
from kettle.evaluation.promises import evaluate, match, overlap, score

REPO = Path(__file__).resolve().parents[2]
SETS = REPO / "datasets" / "promises"


def row(text: str, promises: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"id": text[:12], "text": text, "sent_at": "2026-03-02T10:15:00+01:00",
            "tz": "Europe/Berlin", "promises": promises, "source": "t", **extra}


def test_overlap_uses_content_words_of_the_gold_action() -> None:
    assert overlap("call you back", "call you back") == 1.0
    assert overlap("check it and call you back", "call you back") == 1.0
    assert overlap("verify the problem", "verification of the problem") == 1.0
    assert overlap("send the invoice", "call you back") == 0.0


def test_match_is_one_to_one_best_first() -> None:
    pairs = match(["call the courier", "email you the tracking number"],
                  ["email you the tracking number", "call the courier"])
    assert sorted(pairs) == [(0, 1), (1, 0)]
    assert match(["call you"], ["call you", "call you"]) == [(0, 0)]


def test_score_counts_hits_misses_and_due_times() -> None:
    rows = [
        row("I'll call you back by 5 pm.",
            [{"action": "call you back", "due": "2026-03-02T17:00:00+01:00",
              "due_phrase": "by 5 pm"}]),
        row("I'll call you back by 5 pm.",
            [{"action": "call you back", "due": "2026-03-02T18:00:00+01:00",
              "due_phrase": "by 6 pm"}]),
        row("It will take 3 days.", [{"action": "ship it", "due": None, "due_phrase": None}]),
        row("I'll look into it.", []),
    ]
    result = score(rows, lambda r: [] if "take" in r["text"] else [
        ("call you back" if "call" in r["text"] else "look into it",
         datetime.fromisoformat("2026-03-02T17:00:00+01:00"), False)])
    assert result["n"] == 4 and result["n_promises"] == 3
    assert result["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["due_exact"] == 0.5 and result["due_n"] == 2


def test_same_instant_in_another_offset_is_not_exact() -> None:
    rows = [row("x", [{"action": "call you", "due": "2026-03-02T17:00:00+01:00",
                       "due_phrase": "by 5 pm"}])]
    utc = datetime.fromisoformat("2026-03-02T16:00:00+00:00")
    assert score(rows, lambda r: [("call you", utc, False)])["due_exact"] == 0.0


def test_evaluate_runs_kettle_and_baselines_per_source() -> None:
    rows = [
        row("I'll call you back by 5 pm.",
            [{"action": "call you back", "due": "2026-03-02T17:00:00+01:00",
              "due_phrase": "by 5 pm"}], source="a"),
        row("I would recommend a restart.", [], source="b"),
    ]
    result = evaluate(rows, baselines=True)
    assert result["f1"] == 1.0 and result["due_exact"] == 1.0
    assert set(result["per_source"]) == {"a", "b"}
    assert "keyword" in result["baselines"]
    assert result["baselines"]["keyword"]["due_exact"] == 0.0


@pytest.mark.parametrize("name", ["promises_dev.jsonl", "promises_test.jsonl"])
def test_shipped_sets_load_with_the_cli_loader(name: str) -> None:
    rows = load_rows(SETS / name, "promises")
    assert len(rows) > 150
    assert {r["source"] for r in rows} == {"stc3_dch1", "kettle_written"}


def _all_rows() -> list[dict[str, Any]]:
    rows = []
    for name in ("promises_dev.jsonl", "promises_test.jsonl"):
        with (SETS / name).open(encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    return rows


def test_golden_dataset_shape_and_due_consistency() -> None:
    rows = _all_rows()
    assert len(rows) >= 300
    assert len({r["id"] for r in rows}) == len(rows)
    with_promise = sum(bool(r["promises"]) for r in rows)
    assert 0.3 * len(rows) < with_promise < 0.8 * len(rows)
    for r in rows:
        sent = datetime.fromisoformat(r["sent_at"])
        zone = ZoneInfo(r["tz"])
        assert sent.utcoffset() == sent.astimezone(zone).utcoffset(), r["id"]
        for p in r["promises"]:
            assert p["action"].strip(), r["id"]
            if p["due"] is None:
                continue
            due = datetime.fromisoformat(p["due"])
            assert due.tzinfo is not None, r["id"]
            assert due.utcoffset() == due.astimezone(zone).utcoffset(), (r["id"], p)
            assert due >= sent, (r["id"], p)
            assert p["due_phrase"], r["id"]


def test_stc3_rows_keep_their_reference_and_split_is_disjoint() -> None:
    rows = _all_rows()
    stc = [r for r in rows if r["source"] == "stc3_dch1"]
    assert len(stc) >= 300
    assert all(":" in r["source_id"] for r in stc)
    dev = {r["id"] for r in load_rows(SETS / "promises_dev.jsonl", "promises")}
    test = {r["id"] for r in load_rows(SETS / "promises_test.jsonl", "promises")}
    assert not dev & test


def test_cli_prints_one_json_object() -> None:
    import subprocess
    import sys

    kettle = str(Path(sys.executable).with_name("kettle"))
    result = subprocess.run(
        [kettle, "eval", "promises", "--data", str(SETS / "promises_dev.jsonl"), "--json",
         "--limit", "60"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["n"] == 60
    assert {"precision", "recall", "f1", "due_exact", "n_promises"} <= set(data)
    assert 0.0 <= data["f1"] <= 1.0


def test_cli_bad_file_is_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "I will call", "sent_at": "2026-03-02T10:00:00+01:00"}\n',
                   encoding="utf-8")
    kettle = str(Path(sys.executable).with_name("kettle"))
    result = subprocess.run([kettle, "eval", "promises", "--data", str(bad), "--json"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
