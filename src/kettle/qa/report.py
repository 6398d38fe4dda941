"""Roll scored rows up into a team report while they stream past.

:class:`ReportBuilder` keeps running totals (steps, promises, techniques per
agent, a mean temperature curve), the first few temperature curves, and a
seeded reservoir sample of the customers' issues for root-cause mining, so its
memory does not grow with the archive.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from kettle.analysis.scorecard import STEP_NAMES
from kettle.qa.root_causes import RootCause, mine

CURVES = 12
CURVE_TURNS = 20
ISSUE_SAMPLE = 5000


@dataclass
class AgentTotals:
    conversations: int = 0
    overall: float = 0.0
    techniques: Counter[str] = field(default_factory=Counter)
    anti_patterns: Counter[str] = field(default_factory=Counter)


@dataclass
class ReportBuilder:
    conversations: int = 0
    messages: int = 0
    errors: int = 0
    overall: float = 0.0
    step_sum: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STEP_NAMES, 0.0))
    step_n: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STEP_NAMES, 0))
    promises_made: int = 0
    promises_kept: int = 0
    promise_periods: dict[str, list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0]))
    agents: dict[str, AgentTotals] = field(default_factory=lambda: defaultdict(AgentTotals))
    curves: list[tuple[str, list[float]]] = field(default_factory=list)
    curve_sum: list[float] = field(default_factory=lambda: [0.0] * CURVE_TURNS)
    curve_n: list[int] = field(default_factory=lambda: [0] * CURVE_TURNS)
    issues: list[tuple[str, str | None]] = field(default_factory=list)
    seen_issues: int = 0
    rng: random.Random = field(default_factory=lambda: random.Random(0))

    def add(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            self._add(row)

    def _add(self, row: dict[str, Any]) -> None:
        self.conversations += 1
        self.messages += int(row.get("messages") or 0)
        if row.get("error"):
            self.errors += 1
            return
        self.overall += float(row["overall"])
        for step in STEP_NAMES:
            value = row.get(f"score_{step}")
            if value is not None:
                self.step_sum[step] += float(value)
                self.step_n[step] += 1
        period = (row.get("started_at") or "")[:7] or None
        made, kept = int(row["promises_made"] or 0), int(row["promises_kept"] or 0)
        self.promises_made += made
        self.promises_kept += kept
        if period and made:
            self.promise_periods[period][0] += made
            self.promise_periods[period][1] += kept
        self._agent(row)
        self._curve(row)
        self._issue(row.get("issue") or "", period)

    def _agent(self, row: dict[str, Any]) -> None:
        totals = self.agents[str(row.get("agent") or "(unknown)")]
        totals.conversations += 1
        totals.overall += float(row["overall"])
        totals.techniques.update(json.loads(row.get("techniques") or "{}"))
        totals.anti_patterns.update(json.loads(row.get("anti_patterns") or "{}"))

    def _curve(self, row: dict[str, Any]) -> None:
        temps = json.loads(row.get("temperatures") or "[]")
        if len(temps) >= 2 and len(self.curves) < CURVES:
            self.curves.append((str(row["id"]), temps))
        for i, t in enumerate(temps[:CURVE_TURNS]):
            self.curve_sum[i] += t
            self.curve_n[i] += 1

    def _issue(self, text: str, period: str | None) -> None:
        if not text.strip():
            return
        self.seen_issues += 1
        if len(self.issues) < ISSUE_SAMPLE:
            self.issues.append((text, period))
        else:
            slot = self.rng.randrange(self.seen_issues)
            if slot < ISSUE_SAMPLE:
                self.issues[slot] = (text, period)

    def root_causes(self) -> list[RootCause]:
        return mine(self.issues)

    def summary(self, causes: list[RootCause]) -> dict[str, Any]:
        scored = self.conversations - self.errors
        return {
            "conversations": self.conversations,
            "messages": self.messages,
            "errors": self.errors,
            "overall_mean": round(self.overall / scored, 2) if scored else None,
            "steps": {s: (round(self.step_sum[s] / self.step_n[s], 4) if self.step_n[s] else None)
                      for s in STEP_NAMES},
            "steps_applied": dict(self.step_n),
            "promises_made": self.promises_made,
            "promises_kept": self.promises_kept,
            "promise_kept_rate": (round(self.promises_kept / self.promises_made, 4)
                                  if self.promises_made else None),
            "promise_kept_by_period": {p: {"made": m, "kept": k}
                                       for p, (m, k) in sorted(self.promise_periods.items())},
            "mean_temperature_by_turn": [round(s / n, 2) for s, n in
                                         zip(self.curve_sum, self.curve_n, strict=True) if n],
            "agents": {a: {"conversations": t.conversations,
                           "overall_mean": round(t.overall / t.conversations, 2),
                           "techniques": dict(t.techniques.most_common()),
                           "anti_patterns": dict(t.anti_patterns.most_common())}
                       for a, t in sorted(self.agents.items())},
            "root_causes_sample": len(self.issues),
            "root_causes": [{"label": c.label, "keywords": list(c.keywords), "count": c.count,
                             "share": round(c.share, 4), "by_period": c.by_period,
                             "examples": list(c.examples)} for c in causes],
        }
