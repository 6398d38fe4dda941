"""`kettle eval qa`: the per-step scorecard against conversation outcomes.

Every conversation is scored with :func:`kettle.analysis.scorecard.score`; the
overall (0..100) and each step's score are compared with the outcomes the data
has:

- ``spearman_overall_<outcome>`` and ``spearman_<step>_<outcome>`` against the
  STC-3 annotators' means (``solved``, ``satisfaction``, ``effectiveness``),
  each step over the conversations where it applied (``n_<step>``); the
  overall also per md5(id) half (``_even`` / ``_odd``: the weight of ``calm``
  was chosen on the even half, so ``_odd`` is the held-out figure);
- ``spearman_method_<outcome>``: the equal-weight mean of the six steps of the
  method alone (without ``calm``), to show what the overall owes to each part;
- ``auroc_derailed`` (100 − overall as the risk) and ``auroc_<step>_derailed``
  (1 − step score) against CGA-CMV derailment;
- ``spearman_cool_end_<outcome>``: the coolness of the customer's last turn
  (−temperature_end, also on the scorecard), for comparison with the steps.

CGA-CMV is a peer discussion with anonymised speakers (every turn has role
``other``): turns are given alternately to a "customer" (the first comment)
and an "agent" (the reply to it), so the scorecard judges each reply as an
answer to the comment before it.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping, Sequence
from typing import Any

from kettle.analysis.scorecard import METHOD_STEPS, STEP_NAMES, overall_of, score
from kettle.analysis.types import Scorecard
from kettle.evaluation.metrics import auroc, spearman

OUTCOMES_RANKED: tuple[str, ...] = ("solved", "satisfaction", "effectiveness")
_PEER_ROLES = ("customer", "agent")


def as_scored_turns(turns: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The turns as the scorecard takes them; a peer discussion gets alternating roles."""
    out = [{"role": t.get("role"), "text": t.get("text"), "sent_at": t.get("sent_at")}
           for t in turns]
    if out and all(t["role"] == "other" for t in out):
        for index, turn in enumerate(out):
            turn["role"] = _PEER_ROLES[index % 2]
    return out


def in_even_half(row_id: str) -> bool:
    """The project's deterministic split: md5 of the id, even last byte."""
    return hashlib.md5(row_id.encode("utf-8")).digest()[-1] % 2 == 0


def _labelled(rows: Sequence[dict[str, Any]], key: str) -> list[int]:
    return [i for i, r in enumerate(rows)
            if isinstance(r.get("outcome"), dict) and r["outcome"].get(key) is not None]


def _ranked(rows: Sequence[dict[str, Any]], cards: Sequence[Scorecard], key: str) -> dict[str, Any]:
    idx = _labelled(rows, key)
    out: dict[str, Any] = {}
    if not idx:
        return out
    scored = [i for i in idx if any(s.score is not None for s in cards[i].steps)]
    gold = {i: float(rows[i]["outcome"][key]) for i in idx}
    out[f"spearman_overall_{key}"] = spearman([cards[i].overall for i in scored],
                                              [gold[i] for i in scored])
    for half, keep in (("even", True), ("odd", False)):
        part = [i for i in scored if in_even_half(str(rows[i]["id"])) is keep]
        out[f"spearman_overall_{key}_{half}"] = spearman([cards[i].overall for i in part],
                                                         [gold[i] for i in part])
    method = dict.fromkeys(METHOD_STEPS, 1.0)
    out[f"spearman_method_{key}"] = spearman(
        [overall_of(cards[i].steps, method) for i in scored], [gold[i] for i in scored])
    for step in STEP_NAMES:
        used = [i for i in idx if cards[i].step(step).score is not None]
        if len(used) >= 10:
            out[f"spearman_{step}_{key}"] = spearman(
                [cards[i].step(step).score or 0.0 for i in used], [gold[i] for i in used])
    cooled = [i for i in idx if cards[i].temperature_end is not None]
    out[f"spearman_cool_end_{key}"] = spearman(
        [-(cards[i].temperature_end or 0.0) for i in cooled], [gold[i] for i in cooled])
    return out


def _derailment(rows: Sequence[dict[str, Any]], cards: Sequence[Scorecard]) -> dict[str, Any]:
    idx = _labelled(rows, "derailed")
    out: dict[str, Any] = {}
    if not idx:
        return out
    scored = [i for i in idx if any(s.score is not None for s in cards[i].steps)]
    gold = {i: bool(rows[i]["outcome"]["derailed"]) for i in idx}
    out["auroc_derailed"] = auroc([gold[i] for i in scored],
                                  [100.0 - cards[i].overall for i in scored])
    for step in STEP_NAMES:
        used = [i for i in idx if cards[i].step(step).score is not None]
        labels = [gold[i] for i in used]
        if len(used) >= 10 and any(labels) and not all(labels):
            out[f"auroc_{step}_derailed"] = auroc(
                labels, [1.0 - (cards[i].step(step).score or 0.0) for i in used])
    return out


def _counts(cards: Sequence[Scorecard]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "n_scored": sum(any(s.score is not None for s in c.steps) for c in cards),
    }
    for step in STEP_NAMES:
        out[f"n_{step}"] = sum(c.step(step).score is not None for c in cards)
    return out


def evaluate(rows: Sequence[dict[str, Any]], *, baselines: bool = False) -> dict[str, Any]:
    """Scorecard-vs-outcome figures on ``rows`` (``baselines`` is accepted; QA has no peer)."""
    del baselines
    started = time.perf_counter()
    cards = [score(as_scored_turns(r["turns"])) for r in rows]
    elapsed = time.perf_counter() - started
    result: dict[str, Any] = {"n": len(rows), **_counts(cards)}
    for key in OUTCOMES_RANKED:
        result.update(_ranked(rows, cards, key))
    result.update(_derailment(rows, cards))
    result["conversations_per_s"] = round(len(rows) / elapsed, 1) if elapsed > 0 else None
    return result
