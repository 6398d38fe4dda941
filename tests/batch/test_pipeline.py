"""The batch pipeline: every conversation scored once, in order, in every output format,
with the same rows from one process, several processes and (slow) Ray."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from kettle.analysis.scorecard import score
from kettle.batch.pipeline import run
from kettle.batch.records import COLUMNS, score_record
from kettle.errors import InvalidInput

SAMPLES = Path(__file__).resolve().parents[2] / "src/kettle/integrations/importers/samples"


def _archive(tmp_path: Path, shared: Path | None = None, n: int = 40) -> Path:
    src = (shared / "eval/conversations/stc3_dch1.jsonl") if shared else SAMPLES / "kettle.jsonl"
    lines = src.read_text(encoding="utf-8").splitlines()[:n]
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_rows_match_the_engine_scorecard(tmp_path: Path) -> None:
    out = tmp_path / "s.jsonl"
    summary = run(SAMPLES / "kettle.jsonl", out, batch_size=1)
    rows = _rows(out)
    assert summary.conversations == len(rows) == 2
    assert summary.messages == 6
    for row, line in zip(rows, (SAMPLES / "kettle.jsonl").read_text().splitlines(), strict=True):
        conv = json.loads(line)
        card = score(conv["turns"])
        assert row["id"] == conv["id"] and row["agent"] == conv["agent"]
        assert row["overall"] == round(card.overall, 1)
        assert row["score_plan"] == card.step("plan").to_dict()["score"]
        assert list(row) == list(COLUMNS)


def test_csv_and_parquet_hold_the_same_rows(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    run(SAMPLES / "kettle.csv", tmp_path / "s.jsonl")
    run(SAMPLES / "kettle.csv", tmp_path / "s.csv", output_format="csv")
    run(SAMPLES / "kettle.csv", tmp_path / "s.parquet", output_format="parquet")
    reference = _rows(tmp_path / "s.jsonl")
    with (tmp_path / "s.csv").open(newline="") as handle:
        from_csv = list(csv.DictReader(handle))
    from_parquet = pq.read_table(tmp_path / "s.parquet").to_pylist()
    assert [r["id"] for r in from_csv] == [r["id"] for r in reference] == ["c-1", "c-2"]
    assert [float(r["overall"]) for r in from_csv] == [r["overall"] for r in reference]
    assert from_parquet == reference


def test_a_rejected_conversation_becomes_an_error_row() -> None:
    row = score_record({"id": "x", "turns": [{"role": "customer", "text": "hi",
                                               "sent_at": "yesterday"}]})
    assert row["error"] is not None and "sent_at" in row["error"]
    assert row["overall"] is None


def test_worker_processes_give_the_same_rows(tmp_path: Path, shared_data: Path) -> None:
    archive = _archive(tmp_path, shared_data, n=24)
    run(archive, tmp_path / "one.jsonl", batch_size=5)
    run(archive, tmp_path / "two.jsonl", batch_size=5, workers=2)
    assert _rows(tmp_path / "one.jsonl") == _rows(tmp_path / "two.jsonl")


def test_bad_options_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="engine"):
        run(SAMPLES / "kettle.jsonl", tmp_path / "x.jsonl", engine="spark")
    with pytest.raises(InvalidInput, match="workers"):
        run(SAMPLES / "kettle.jsonl", tmp_path / "x.jsonl", workers=0)
    with pytest.raises(InvalidInput, match="output format"):
        run(SAMPLES / "kettle.jsonl", tmp_path / "x.txt", output_format="xml")


@pytest.mark.slow
def test_ray_engine_gives_the_same_rows_as_the_local_engine(
    tmp_path: Path, shared_data: Path
) -> None:
    ray = pytest.importorskip("ray")
    archive = _archive(tmp_path, shared_data, n=60)
    run(archive, tmp_path / "local.jsonl", batch_size=7)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        summary = run(archive, tmp_path / "ray.jsonl", engine="ray", workers=2, batch_size=7)
    finally:
        ray.shutdown()
    assert summary.conversations == 60
    assert _rows(tmp_path / "ray.jsonl") == _rows(tmp_path / "local.jsonl")
