"""View models of the training page: plain dicts for the templates and the page's script.

Nothing here changes anything or decides who may see what
(:mod:`kettle.web.training_state` does); it shapes sessions, exchanges and
debriefs for ``training*.html`` and renders the fragments the script inserts.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from kettle.simulator.runner import Exchange
from kettle.simulator.scenarios import Scenario
from kettle.web.templating import environment
from kettle.web.training_state import Live
from kettle.web.views import Gauge

OUTCOME_WORDS: dict[str, str] = {
    "talking": "in progress",
    "resolved": "resolved",
    "lost": "lost (two failed callbacks)",
    "hung_up": "stopped while the customer was hung up",
    "ran_out": "ran out of replies",
    "ended": "ended by the trainee",
}


def scenario_view(scenario: Scenario) -> dict[str, Any]:
    return {"id": scenario.id, "title": scenario.title, "category": scenario.category,
            "summary": scenario.summary, "temperature": scenario.starting_temperature,
            "gauge": Gauge.of(scenario.starting_temperature),
            "reply_seconds": scenario.reply_seconds, "persona": scenario.persona.name}


def exchange_view(exchange: Exchange) -> dict[str, Any]:
    """One reply and what came of it: the effects (reasons), the new temperature, the line."""
    reaction, review = exchange.reaction, exchange.review
    effects = [{"kind": e.kind, "delta": round(e.delta, 1), "note": e.note,
                "sign": "heat" if e.delta > 0 else "cool" if e.delta < 0 else "none"}
               for e in reaction.effects if e.delta or e.note]
    return {
        "index": exchange.index,
        "reply": exchange.reply,
        "callback": exchange.callback,
        "elapsed_s": None if exchange.elapsed_s is None else round(exchange.elapsed_s),
        "before": round(reaction.before, 1),
        "temperature": round(reaction.temperature, 1),
        "delta": round(reaction.delta, 1),
        "effects": effects,
        "advice": review.advice if review.verdict != "send" else "",
        "customer": exchange.customer.text,
        "branch": exchange.customer.branch,
        "hung_up": exchange.customer.branch == "hang_up",
        "gauge": Gauge.of(reaction.temperature),
    }


def state_view(live: Live) -> dict[str, Any]:
    """Where the session stands (the JSON the script reads, and the page's header)."""
    training = live.training
    gauge = Gauge.of(training.temperature)
    return {
        "id": live.row.id,
        "scenario": {"id": training.scenario.id, "title": training.scenario.title},
        "trainee": training.trainee,
        "seed": training.seed,
        "status": training.status,
        "outcome": training.outcome,
        "outcome_words": OUTCOME_WORDS.get(training.outcome, training.outcome),
        "finished": training.finished,
        "awaiting_callback": training.awaiting_callback,
        "temperature": round(training.temperature, 1),
        "band": gauge.band if gauge else None,
        "curve": [round(t, 1) for t in training.curve],
        "replies": len(training.exchanges),
        "max_turns": training.scenario.max_turns,
        "pressure_s": training.pressure_s,
        "remaining_s": live.remaining_s,
        "url": f"/console/training/{live.row.id}",
    }


def debrief_view(report: dict[str, Any], chart_id: str = "training-curve") -> dict[str, Any]:
    """The saved debrief dict, ready to draw: steps in percent, the curve as inline SVG."""
    card = report.get("scorecard") or {}
    steps = []
    for step in card.get("steps", []):
        score = step.get("score")
        steps.append({
            "label": step.get("label", step.get("step", "")),
            "step": step.get("step", ""),
            "score": None if score is None else round(100 * float(score)),
            "evidence": step.get("evidence", [])[:6],
            "notes": step.get("notes", []),
        })
    return {**report, "steps": steps, "chart": curve_chart(report.get("curve", []), chart_id),
            "outcome_words": OUTCOME_WORDS.get(report.get("outcome", ""), report.get("outcome"))}


def curve_chart(curve: list[float], chart_id: str) -> Markup:
    """The temperature after each reply, on the 30–100 °C scale (kettle.charts)."""
    from kettle.charts import Guide, Series, line_chart
    from kettle.charts.svg import Frame

    points = [(float(i), float(t)) for i, t in enumerate(curve)]
    svg = line_chart(
        chart_id=chart_id, title="The customer's temperature",
        desc="Temperature at the start (reply 0) and after each reply, in °C.",
        series=[Series("Customer", points)], x_label="Reply", y_label="°C",
        y_range=(30.0, 100.0),
        guides=[Guide(95.0, "hangs up"), Guide(50.0, "calm below")],
        x_fmt=lambda x: f"{x:.0f}", y_fmt=lambda y: f"{y:.0f} °C",
        frame=Frame(width=560, height=260, bottom=70))
    return Markup(svg)


def fragment(macro: str, *args: Any) -> str:
    """A macro of ``_training.html`` rendered alone (what the script inserts)."""
    module = environment().get_template("_training.html").module
    return str(getattr(module, macro)(*args))


def row_view(row: Any) -> dict[str, Any]:
    """One saved session in a list."""
    return {"id": row.id, "trainee": row.trainee, "scenario": row.scenario_id,
            "outcome": row.outcome, "outcome_words": OUTCOME_WORDS.get(row.outcome, row.outcome),
            "score": row.score, "turns": row.turns, "hang_ups": row.hang_ups,
            "peak": row.peak_temperature, "final": row.final_temperature,
            "started": f"{row.started_at:%Y-%m-%d %H:%M} UTC",
            "finished": row.outcome != "talking"}
