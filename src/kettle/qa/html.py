"""The QA report as one self-contained HTML page with inline SVG charts (no scripts)."""

from __future__ import annotations

from html import escape
from typing import Any

from kettle.charts import RatePoint, Series, bar_chart, line_chart, pareto_chart, rate_chart
from kettle.charts.grouped import BarGroup, grouped_bar_chart

TOP_AGENTS = 12
#: Root causes drawn by name in the recurrence chart; the rest are stacked as "other".
TOP_CAUSES = 7
TECHNIQUES = ("acknowledgement", "apology", "empathy", "reflection", "restatement", "plan",
              "concrete_time", "ownership", "thanks")
_CSS = """body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#1b1b1b}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;
text-align:right}th:first-child,td:first-child{text-align:left}figure{margin:1.5rem 0}
svg{max-width:100%;height:auto}"""


def _table(head: list[str], rows: list[list[Any]]) -> str:
    out = ["<table><thead><tr>", *(f"<th>{escape(h)}</th>" for h in head), "</tr></thead><tbody>"]
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _curves(summary: dict[str, Any], curves: list[tuple[str, list[float]]]) -> str:
    mean = summary["mean_temperature_by_turn"]
    series = [Series(f"#{cid}", [(float(i + 1), t) for i, t in enumerate(temps)])
              for cid, temps in curves[:6]]
    series.append(Series("mean", [(float(i + 1), t) for i, t in enumerate(mean)]))
    return line_chart(chart_id="qa-temperature", title="Temperature curves",
                      desc="Customer temperature by customer turn: the first conversations "
                      "and the mean over all", series=series, x_label="customer turn",
                      y_label="°C", y_range=(30.0, 100.0))


def _techniques(summary: dict[str, Any]) -> str:
    agents = sorted(summary["agents"].items(), key=lambda a: -a[1]["conversations"])[:TOP_AGENTS]
    head = ["agent", "conversations", "overall", *TECHNIQUES, "anti-patterns"]
    rows = []
    for name, totals in agents:
        n = totals["conversations"]
        per = [f"{totals['techniques'].get(t, 0) / n:.2f}" for t in TECHNIQUES]
        rows.append([name, n, totals["overall_mean"], *per,
                     f"{sum(totals['anti_patterns'].values()) / n:.2f}"])
    bars = [(name, float(t["overall_mean"])) for name, t in agents]
    chart = bar_chart(chart_id="qa-agents", title="Overall score per agent",
                      desc="Mean overall scorecard (0-100) per agent", bars=bars,
                      x_label="agent", y_label="overall")
    uses = grouped_bar_chart(
        chart_id="qa-techniques", title="Technique use per agent",
        desc=f"Mean uses of each technique per conversation, for the {len(agents)} agents "
        "with the most conversations", series=TECHNIQUES,
        groups=[BarGroup(name, [t["techniques"].get(k, 0) / t["conversations"]
                                for k in TECHNIQUES]) for name, t in agents],
        x_label="agent", y_label="uses per conversation", width=880)
    return (f"<figure>{chart}</figure><figure>{uses}</figure>"
            f"<p>Technique uses per conversation:</p>{_table(head, rows)}")


def _recurrence(summary: dict[str, Any]) -> str:
    """Stacked bars: each month's sampled issues by root cause (the largest causes by name)."""
    causes = summary["root_causes"]
    named, rest = causes[:TOP_CAUSES], causes[TOP_CAUSES:]
    series = [c["label"] for c in named] + (["other"] if rest else [])
    periods = sorted({p for c in causes for p in c["by_period"]})
    groups = [BarGroup(p, [float(c["by_period"].get(p, 0)) for c in named]
                       + ([float(sum(c["by_period"].get(p, 0) for c in rest))] if rest else []))
              for p in periods]
    return grouped_bar_chart(
        chart_id="qa-recurrence", title="Root causes over time",
        desc=f"Issues in the sample of {summary['root_causes_sample']} by the month the "
        "conversation began, stacked by root cause", series=series, groups=groups,
        x_label="month", y_label="conversations (sample)", stacked=True)


def render(summary: dict[str, Any], curves: list[tuple[str, list[float]]], title: str) -> str:
    causes = summary["root_causes"]
    pareto = pareto_chart(chart_id="qa-pareto", title="Root causes (Pareto)",
                          desc=f"Customers' issues grouped, from a sample of "
                          f"{summary['root_causes_sample']}",
                          categories=[(c["label"], c["count"]) for c in causes],
                          x_label="root cause", y_label="conversations")
    periods = summary["promise_kept_by_period"]
    rate = rate_chart(chart_id="qa-promises", title="Promise-kept rate",
                      desc="Share of promises reported kept, by month the conversation began",
                      points=[RatePoint(p, v["kept"] / v["made"] if v["made"] else None,
                                        v["made"]) for p, v in periods.items()],
                      x_label="month", y_label="kept")
    steps = [[s, summary["steps_applied"][s], "–" if v is None else f"{100 * v:.1f}"]
             for s, v in summary["steps"].items()]
    recurrence = [[c["label"], c["count"], f"{100 * c['share']:.1f} %", ", ".join(c["keywords"]),
                   " ".join(f"{p}:{n}" for p, n in c["by_period"].items()) or "–"]
                  for c in causes]
    kept = summary["promise_kept_rate"]
    parts = [
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}"
        f"</title><style>{_CSS}</style></head><body><h1>{escape(title)}</h1>",
        f"<p>{summary['conversations']:,} conversations, {summary['messages']:,} messages, "
        f"{summary['errors']:,} not scored. Mean overall score: {summary['overall_mean']}. "
        f"Promises kept: {summary['promises_kept']:,} of {summary['promises_made']:,}"
        f"{'' if kept is None else f' ({100 * kept:.1f} %)'}.</p>",
        "<h2>Steps of the method</h2>",
        _table(["step", "applied in", "mean score (0-100)"], steps),
        "<h2>Temperature</h2><figure>", _curves(summary, curves), "</figure>",
        "<h2>Root causes</h2><figure>", pareto, "</figure>",
        "<figure>", _recurrence(summary), "</figure>",
        _table(["root cause", "conversations", "share", "keywords", "by month"], recurrence),
        "<h2>Promises</h2><figure>", rate, "</figure>",
        "<h2>Technique use per agent</h2>", _techniques(summary),
        "</body></html>",
    ]
    return "\n".join(parts)
