"""Build docs/evaluation.md from docs/evaluation.json (the committed figures)
and the per-judgement write-ups in docs/fragments/.

Run: ``python scripts/build_evaluation_doc.py`` (``--check`` exits 1 when the
committed page is out of date; the docs test runs that).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FRAGMENTS = ("temperature", "replies", "conversations", "promises", "qa")

#: (set, metric, target or "", what it measures)
ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("semeval_anger_dev", "pearson", "≥ 0.72", "anger intensity vs temperature"),
    ("goemotions_dev", "auroc_hot", "", "hot vs calm/positive (test split: see below)"),
    ("complaints", "auroc_hot", "≥ 0.80", "complaint vs not"),
    ("semeval_anger_dev_accurate", "pearson", "≥ 0.72", "accurate tier: anger intensity"),
    ("goemotions_dev_accurate", "auroc_hot", "", "accurate tier: hot (test split: see below)"),
    ("complaints_accurate", "auroc_hot", "≥ 0.80", "accurate tier: complaint vs not"),
    ("esconv_dev", "macro_f1", "≥ 0.60", "six reply acts"),
    ("annomi", "macro_f1", "", "reply acts (no affirmation labels)"),
    ("cga_cmv", "auroc_derailed", "≥ 0.65", "derailment forecast"),
    ("stc3_dch1", "spearman_solved", "≥ 0.40", "solved score vs annotators"),
    ("stc3_dch1", "spearman_satisfaction", "", "vs annotators' satisfaction"),
    ("esconv_dialogues", "spearman_intensity_after", "",
     "last seeker temperature vs intensity after"),
    ("promises_dev", "f1", "≥ 0.92", "commitments found (rules written on dev; test split below)"),
    ("promises_dev", "due_exact", "≥ 0.90", "due time exactly right (test split below)"),
    ("qa_stc3_dch1", "spearman_overall_solved", "", "QA scorecard overall vs annotators' solved"),
    ("qa_stc3_dch1", "spearman_overall_satisfaction", "", "QA scorecard overall vs satisfaction"),
    ("qa_cga_cmv", "auroc_derailed", "", "100 − QA overall vs derailment"),
)


def _peer(metrics: dict[str, Any], key: str) -> str:
    peers = metrics.get("baselines") or {}
    found = [f"{name} {value[key]:.3f}" for name, value in peers.items()
             if isinstance(value, dict) and isinstance(value.get(key), (int, float))]
    return ", ".join(found) or "–"


def summary(figures: dict[str, Any]) -> str:
    lines = [
        "## Summary (dev sets; committed in docs/evaluation.json)",
        "",
        "| set | rows | metric | Kettle | peers, same run | target | measures |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, key, target, what in ROWS:
        metrics = figures[name]["metrics"]
        value = metrics.get(key)
        shown = f"**{value:.3f}**" if isinstance(value, (int, float)) else "–"
        lines.append(f"| {name} | {metrics.get('n', '–')} | `{key}` | {shown} | "
                     f"{_peer(metrics, key)} | {target} | {what} |")
    return "\n".join(lines)


def build() -> str:
    figures = json.loads((REPO / "docs" / "evaluation.json").read_text(encoding="utf-8"))
    parts = [(REPO / "docs/fragments/_intro.md").read_text(encoding="utf-8").strip(),
             summary(figures)]
    for name in FRAGMENTS:
        text = (REPO / "docs/fragments" / f"{name}.md").read_text(encoding="utf-8").strip()
        parts.append(text)
    return "\n\n".join(parts) + "\n"


def main() -> int:
    page = build()
    target = REPO / "docs" / "evaluation.md"
    if "--check" in sys.argv:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != page:
            print("docs/evaluation.md is out of date: run python scripts/build_evaluation_doc.py")
            return 1
        return 0
    target.write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
