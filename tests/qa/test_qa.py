"""Root-cause mining, the streaming report and `kettle qa` end to end."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from kettle.cli.main import main
from kettle.qa.html import TECHNIQUES
from kettle.qa.report import ISSUE_SAMPLE, ReportBuilder
from kettle.qa.root_causes import mine, tokens

SAMPLES = Path(__file__).resolve().parents[2] / "src/kettle/integrations/importers/samples"
SVG = "{http://www.w3.org/2000/svg}"

REFUNDS = ["My refund never arrived", "Still waiting for my refund money",
           "Where is my refund? It has been weeks", "Refund not received after return"]
DELIVERY = ["The courier never delivered my parcel", "Parcel delivery is late again",
            "Delivery driver lost my parcel", "No parcel delivered, courier says delivered"]


def test_root_causes_separate_issues_and_count_recurrence() -> None:
    issues = [(t, "2026-04") for t in REFUNDS] + [(t, "2026-05") for t in DELIVERY]
    issues += [(REFUNDS[0], "2026-05")]
    causes = mine(issues, k=2)
    assert [c.count for c in causes] == [5, 4]
    assert "refund" in causes[0].keywords
    assert causes[0].by_period == {"2026-04": 4, "2026-05": 1}
    assert any("parcel" in k or "deliver" in k for k in causes[1].keywords)
    assert abs(sum(c.share for c in causes) - 1.0) < 1e-9
    assert mine(issues, k=2) == causes  # deterministic


def test_mentions_and_stop_words_are_not_issues() -> None:
    assert tokens("@China Unicom Customer Service in Guangdong my bill is wrong") == [
        "bill", "wrong", "bill wrong"]
    assert mine([("", None), ("the and", None)]) == []


def test_issue_sample_stays_bounded() -> None:
    builder = ReportBuilder()
    row = {"id": "x", "messages": 2, "error": None, "overall": 50.0, "promises_made": 0,
           "promises_kept": 0, "temperatures": "[60, 40]", "techniques": "{}",
           "anti_patterns": "{}", "agent": "a", "started_at": None}
    builder.add([dict(row, issue=f"problem number {i}") for i in range(ISSUE_SAMPLE + 50)])
    assert len(builder.issues) == ISSUE_SAMPLE
    assert builder.seen_issues == ISSUE_SAMPLE + 50
    assert builder.conversations == ISSUE_SAMPLE + 50


def test_kettle_qa_writes_scores_summary_and_report(tmp_path: Path) -> None:
    out = tmp_path / "qa"
    assert main([
        "qa", str(SAMPLES / "kettle.jsonl"), "--out", str(out), "--output-format", "csv",
        "--no-progress"]) == 0
    assert (out / "scores.csv").read_text().count("\n") == 3
    summary = json.loads((out / "summary.json").read_text())
    assert summary["conversations"] == 2
    assert set(summary["agents"]) == {"ana", "ben"}
    assert summary["promises_made"] >= 1
    html = (out / "report.html").read_text()
    for chart in ("qa-temperature", "qa-pareto", "qa-promises", "qa-agents"):
        assert f'id="{chart}' in html or f"id='{chart}" in html, chart
    assert "<script" not in html and "http" not in html.split("</style>")[1].split("<svg")[0]
    _assert_technique_chart(_svg(html, "qa-techniques"), summary["agents"])
    recurrence = _bars(_svg(html, "qa-recurrence"))
    assert {b.attrib["data-group"] for b in recurrence} == {
        p for c in summary["root_causes"] for p in c["by_period"]}
    assert sum(float(b.attrib["data-value"]) for b in recurrence) == sum(
        n for c in summary["root_causes"] for n in c["by_period"].values()) > 0


def _svg(html: str, chart_id: str) -> ET.Element:
    found = re.search(rf'<svg [^>]*id="{chart_id}".*?</svg>', html, re.S)
    assert found, f"no chart {chart_id} in the report"
    return ET.fromstring(found.group(0))


def _bars(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{SVG}rect") if r.attrib.get("class") == "bar"]


def _assert_technique_chart(root: ET.Element, agents: dict[str, dict[str, Any]]) -> None:
    """One bar per agent and technique, titled with both, at uses per conversation."""
    bars = {(b.attrib["data-group"], b.attrib["data-series"]): b for b in _bars(root)}
    assert set(bars) == {(a, t) for a in agents for t in TECHNIQUES}
    for (agent, technique), bar in bars.items():
        title = bar.findtext(f"{SVG}title") or ""
        assert agent in title and technique in title, title
        totals = agents[agent]
        expected = totals["techniques"].get(technique, 0) / totals["conversations"]
        assert float(bar.attrib["data-value"]) == pytest.approx(expected, abs=1e-4)
    assert any(float(b.attrib["height"]) > 0 for b in bars.values())


def test_kettle_qa_bad_input_is_one_line(tmp_path: Path, capsys: object) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "turns": [{"role": "customer"}]}\n')
    code = main(["qa", str(bad), "--out", str(tmp_path / "o"), "--no-progress"])
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert code != 0
    assert "bad.jsonl:1" in err and "turns[0].text" in err and len(err.strip().splitlines()) == 1
