"""One conversation in, one flat result row out: the unit of work of every engine.

The row is plain JSON-ready data (no engine objects), so the local engine, Ray
workers and every writer handle it the same way, and the same input gives the
same rows whichever engine ran it.
"""

from __future__ import annotations

import json
from typing import Any

from kettle.analysis.scorecard import STEP_NAMES, score
from kettle.analysis.types import Scorecard
from kettle.errors import KettleError

#: How much of the customer's words a row keeps for root-cause mining.
ISSUE_CHARS = 600

#: The columns of a result row, in order (the Parquet and CSV schema).
COLUMNS: tuple[str, ...] = (
    "id", "agent", "source", "started_at", "messages", "customer_turns", "agent_turns",
    "overall", *(f"score_{s}" for s in STEP_NAMES), "temperature_start", "temperature_end",
    "temperature_peak", "temperatures", "stage", "promises_made", "promises_kept",
    "techniques", "anti_patterns", "issue", "error",
)


def _issue(turns: list[dict[str, Any]]) -> str:
    """The customer's first two messages: where the underlying issue is named."""
    said = [str(t.get("text") or "") for t in turns if t.get("role") == "customer"][:2]
    return " ".join(s.strip() for s in said)[:ISSUE_CHARS]


def _row(conv: dict[str, Any], card: Scorecard | None, error: str | None) -> dict[str, Any]:
    turns = conv.get("turns") or []
    times = [t.get("sent_at") for t in turns if t.get("sent_at")]
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(
        id=str(conv.get("id")), agent=conv.get("agent"), source=conv.get("source"),
        started_at=times[0] if times else None, messages=len(turns), issue=_issue(turns),
        error=error,
    )
    if card is None:
        return row
    data = card.to_dict()
    row.update({k: data[k] for k in ("overall", "temperature_start", "temperature_end",
                                     "temperature_peak", "stage", "promises_made",
                                     "promises_kept", "customer_turns", "agent_turns")})
    for step in data["steps"]:
        row[f"score_{step['step']}"] = step["score"]
    row["temperatures"] = json.dumps(data["temperatures"])
    row["techniques"] = json.dumps(data["techniques"], sort_keys=True)
    row["anti_patterns"] = json.dumps(data["anti_patterns"], sort_keys=True)
    return row


def score_record(conv: dict[str, Any]) -> dict[str, Any]:
    """Score one conversation dict (``id``, ``turns``, ``agent``?, ``source``?).

    A conversation the engine rejects (an empty message, a bad time) is not
    fatal for an archive: its row carries the one-line ``error`` instead.
    """
    try:
        card = score(conv.get("turns") or [])
    except KettleError as exc:
        return _row(conv, None, exc.one_line())
    return _row(conv, card, None)


def score_batch(convs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [score_record(c) for c in convs]
