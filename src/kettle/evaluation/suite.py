"""The evaluation suite: every dev set, its committed figures, and the regression check.

``docs/evaluation.json`` holds the committed figures. ``kettle eval suite
--check docs/evaluation.json`` re-runs every dev set and fails when a figure
drops below the committed one (by more than :data:`TOLERANCE`, to absorb
floating-point noise between machines), so quality can only go up.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from kettle.evaluation.data import load_rows

TOLERANCE = 0.001

#: Keys that are counts or peers' figures, not our quality figures.
NOT_QUALITY = ("n", "baselines", "per_act", "per_source", "seconds", "tier")


@dataclass(frozen=True)
class DevSet:
    name: str
    kind: str
    path: str  # relative to the data root, or to the repository when it starts with "repo:"
    options: tuple[tuple[str, str], ...] = ()  # keyword arguments of evaluate()


DEV_SETS: tuple[DevSet, ...] = (
    DevSet("semeval_anger_dev", "temperature", "eval/temperature/semeval_anger_dev.jsonl"),
    DevSet("goemotions_dev", "temperature", "eval/temperature/goemotions_dev.jsonl"),
    DevSet("complaints", "temperature", "eval/temperature/complaints.jsonl"),
    DevSet("semeval_anger_dev_accurate", "temperature",
           "eval/temperature/semeval_anger_dev.jsonl", (("tier", "accurate"),)),
    DevSet("goemotions_dev_accurate", "temperature",
           "eval/temperature/goemotions_dev.jsonl", (("tier", "accurate"),)),
    DevSet("complaints_accurate", "temperature",
           "eval/temperature/complaints.jsonl", (("tier", "accurate"),)),
    DevSet("esconv_dev", "replies", "eval/replies/esconv_dev.jsonl"),
    DevSet("annomi", "replies", "eval/replies/annomi.jsonl"),
    DevSet("cga_cmv", "conversations", "eval/conversations/cga_cmv.jsonl"),
    DevSet("stc3_dch1", "conversations", "eval/conversations/stc3_dch1.jsonl"),
    DevSet("esconv_dialogues", "conversations", "eval/conversations/esconv_dialogues.jsonl"),
    DevSet("promises_dev", "promises", "repo:datasets/promises/promises_dev.jsonl"),
    DevSet("qa_stc3_dch1", "qa", "eval/conversations/stc3_dch1.jsonl"),
    DevSet("qa_cga_cmv", "qa", "eval/conversations/cga_cmv.jsonl"),
)


def resolve(devset: DevSet, data_root: Path, repo_root: Path) -> Path:
    if devset.path.startswith("repo:"):
        return repo_root / devset.path.removeprefix("repo:")
    return data_root / devset.path


def run_one(devset: DevSet, path: Path, *, baselines: bool = True) -> dict[str, Any]:
    started = time.perf_counter()
    rows = load_rows(path, devset.kind)
    result: dict[str, Any] = import_module(f"kettle.evaluation.{devset.kind}").evaluate(
        rows, baselines=baselines, **dict(devset.options)
    )
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def run_suite(data_root: Path, repo_root: Path, *, only: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for devset in DEV_SETS:
        if only and devset.name != only:
            continue
        path = resolve(devset, data_root, repo_root)
        out[devset.name] = {
            "kind": devset.kind,
            "data": devset.path,
            "metrics": run_one(devset, path),
        }
    return out


def is_quality_figure(key: str) -> bool:
    """Counts (n, n_hot, due_n), speeds (…_per_s) and peers' figures are not held."""
    return not (key in NOT_QUALITY or key.startswith("n_") or key.endswith(("_n", "_per_s")))


def quality_figures(metrics: dict[str, Any]) -> dict[str, float]:
    return {
        k: float(v)
        for k, v in metrics.items()
        if is_quality_figure(k) and isinstance(v, (int, float)) and not isinstance(v, bool)
    }


def regressions(committed: dict[str, Any], measured: dict[str, Any]) -> list[str]:
    """Every committed figure that the new run does not reach (or no longer reports)."""
    problems = []
    for name, entry in committed.items():
        now = measured.get(name)
        if now is None:
            problems.append(f"{name}: not measured")
            continue
        new = quality_figures(now["metrics"])
        for key, old in quality_figures(entry["metrics"]).items():
            if old != old:  # NaN committed: nothing to hold
                continue
            value = new.get(key)
            if value is None or value != value:
                problems.append(f"{name}.{key}: committed {old:.4f}, now missing")
            elif value < old - TOLERANCE:
                problems.append(f"{name}.{key}: committed {old:.4f}, now {value:.4f}")
    return problems


def load_committed(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
