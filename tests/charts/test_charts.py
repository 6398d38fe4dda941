"""The SVG charts: valid XML, accessible names, escaped text, values in the marks."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from kettle.charts import (
    Guide,
    Point,
    RatePoint,
    Series,
    bar_chart,
    line_chart,
    pareto_chart,
    rate_chart,
    scatter_chart,
)
from kettle.charts.svg import nice_ticks, num, safe_id

NS = {"s": "http://www.w3.org/2000/svg"}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def accessible_name(root: ET.Element) -> tuple[str, str]:
    ids = root.attrib["aria-labelledby"].split()
    texts = {el.attrib.get("id"): (el.text or "") for el in root}
    assert root.attrib["role"] == "img"
    return texts[ids[0]], texts[ids[1]]


def test_line_chart_plots_each_point_where_its_values_say() -> None:
    svg = line_chart(
        chart_id="t1", title="Temperatures", desc="two cases",
        series=[Series("#1 kettle", [(0.0, 80.0), (2.0, 50.0)]), Series("#2", [(1.0, 100.0)])],
        x_label="Hours", y_label="°C", y_range=(30.0, 100.0), guides=[Guide(65.0, "hot")],
    )
    root = parse(svg)
    assert accessible_name(root) == ("Temperatures", "two cases")
    groups = root.findall("s:g[@class='series']", NS)
    assert [g.attrib["data-label"] for g in groups] == ["#1 kettle", "#2"]
    dots = groups[0].findall("s:circle", NS)
    assert [(d.attrib["data-x"], d.attrib["data-y"]) for d in dots] == [("0", "80"), ("2", "50")]
    # Higher temperature is drawn higher (smaller y); the axis is fixed at 30–100.
    ys = [float(d.attrib["cy"]) for d in dots]
    assert ys[0] < ys[1]
    top = float(groups[1].find("s:circle", NS).attrib["cy"])  # type: ignore[union-attr]
    assert top == pytest.approx(24.0)  # 100 °C sits on the top edge of the plot
    ticks = [t.text for t in root.findall("s:g[@class='axis axis-y axis-left']/s:text", NS)]
    assert ticks[0] == "30" and "100" in ticks
    labels = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")
              if t.attrib.get("class") == "axis-label"]
    assert labels == ["°C", "Hours"]
    assert root.find("s:g[@class='guide']/s:text", NS).text == "hot"  # type: ignore[union-attr]


def test_text_is_escaped_everywhere() -> None:
    evil = '<script>alert("x")</script> & co'
    svg = pareto_chart(chart_id="p", title=evil, desc=evil, categories=[(evil, 3), ("b", 1)],
                       x_label=evil, y_label="n")
    assert "<script>" not in svg
    root = parse(svg)  # still well-formed XML
    assert accessible_name(root) == (evil, evil)
    bar = root.find(".//s:rect[@class='bar']", NS)
    assert bar is not None and bar.attrib["data-label"] == evil


def test_pareto_orders_bars_and_accumulates_to_100() -> None:
    svg = pareto_chart(chart_id="p", title="Causes", desc="d",
                       categories=[("billing", 2), ("delivery", 5), ("app", 2), ("other", 1)],
                       x_label="Category", y_label="Cases")
    root = parse(svg)
    bars = root.findall(".//s:rect[@class='bar']", NS)
    assert [(b.attrib["data-label"], b.attrib["data-value"]) for b in bars] == [
        ("delivery", "5"), ("app", "2"), ("billing", "2"), ("other", "1")]
    heights = [float(b.attrib["height"]) for b in bars]
    assert heights[0] > heights[1] == heights[2] > heights[3]
    cumulative = [float(c.attrib["data-cumulative"])
                  for c in root.findall("s:g[@class='cumulative']/s:circle", NS)]
    assert cumulative == [50.0, 70.0, 90.0, 100.0]
    right = root.find("s:g[@class='axis axis-y axis-right']", NS)
    assert right is not None


def test_bar_chart_values_and_tooltips() -> None:
    root = parse(bar_chart(chart_id="b", title="Calm", desc="d",
                           bars=[("< 15 min", 3.0), ("not yet", 1.0)], x_label="t",
                           y_label="Cases"))
    bars = root.findall(".//s:rect[@class='bar']", NS)
    assert [b.find("s:title", NS).text for b in bars] == ["< 15 min: 3", "not yet: 1"]  # type: ignore[union-attr]
    assert float(bars[0].attrib["height"]) == pytest.approx(
        3 * float(bars[1].attrib["height"]), abs=0.05)


def test_rate_chart_leaves_a_gap_for_periods_without_data() -> None:
    points = [RatePoint("d1", 1.0, 2), RatePoint("d2", None, 0), RatePoint("d3", 0.5, 4),
              RatePoint("d4", 0.25, 4)]
    root = parse(rate_chart(chart_id="r", title="Kept", desc="d", points=points,
                            x_label="Due", y_label="Kept", target=0.9))
    dots = root.findall("s:g[@class='series']/s:circle", NS)
    assert [(d.attrib["data-label"], d.attrib["data-rate"], d.attrib["data-n"]) for d in dots] == [
        ("d1", "1", "2"), ("d3", "0.5", "4"), ("d4", "0.25", "4")]
    lines = root.findall("s:g[@class='series']/s:polyline", NS)
    assert len(lines) == 1 and len(lines[0].attrib["points"].split()) == 2  # d3–d4 only
    assert float(dots[0].attrib["cy"]) < float(dots[1].attrib["cy"]) < float(dots[2].attrib["cy"])
    assert "target 90 %" in ET.tostring(root, encoding="unicode")


def test_scatter_places_points_and_names_them() -> None:
    root = parse(scatter_chart(chart_id="s", title="Concessions", desc="d",
                               points=[Point(0.0, 1.0, "#1"), Point(40.0, 5.0, "#2")],
                               x_label="Value", y_label="Satisfaction", y_range=(1.0, 5.0)))
    dots = root.findall("s:g[@class='points']/s:circle", NS)
    assert [d.find("s:title", NS).text for d in dots] == ["#1: 0, 1", "#2: 40, 5"]  # type: ignore[union-attr]
    assert float(dots[0].attrib["cx"]) < float(dots[1].attrib["cx"])
    assert float(dots[0].attrib["cy"]) > float(dots[1].attrib["cy"])


@pytest.mark.parametrize("draw", [
    lambda: line_chart(chart_id="e", title="T", desc="D", series=[Series("a", [])],
                       x_label="x", y_label="y"),
    lambda: bar_chart(chart_id="e", title="T", desc="D", bars=[], x_label="x", y_label="y"),
    lambda: pareto_chart(chart_id="e", title="T", desc="D", categories=[], x_label="x",
                         y_label="y"),
    lambda: rate_chart(chart_id="e", title="T", desc="D", points=[RatePoint("a", None, 0)],
                       x_label="x", y_label="y"),
    lambda: scatter_chart(chart_id="e", title="T", desc="D", points=[], x_label="x",
                          y_label="y"),
])
def test_empty_data_says_so(draw: object) -> None:
    root = parse(draw())  # type: ignore[operator]
    assert accessible_name(root) == ("T", "D")
    assert root.find("s:text[@class='empty']", NS).text == "No data for this period"  # type: ignore[union-attr]


def test_charts_are_deterministic_and_ids_are_safe() -> None:
    def draw() -> str:
        return line_chart(chart_id='x" onload="evil', title="T", desc="D",
                          series=[Series("a", [(0.1234567, 33.333333)])], x_label="x",
                          y_label="y")

    assert draw() == draw()
    root = parse(draw())
    assert root.attrib["id"] == safe_id('x" onload="evil') == "x--onload--evil"
    assert "onload" not in root.attrib


def test_numbers_and_ticks() -> None:
    assert [num(1.0), num(2.5), num(-0.0001), num(1 / 3)] == ["1", "2.5", "0", "0.33"]
    assert [num(90.0, 0), num(100.0), num(-20.0), num(0.0)] == ["90", "100", "-20", "0"]
    assert nice_ticks(0, 7) == [0, 2, 4, 6, 8]
    assert nice_ticks(30, 100, 7) == [30, 40, 50, 60, 70, 80, 90, 100]
    assert nice_ticks(5, 5) == [5, 5.2, 5.4, 5.6, 5.8, 6]
    with pytest.raises(ValueError):
        nice_ticks(0, float("nan"))


def test_many_bands_label_every_nth_but_keep_every_mark() -> None:
    points = [RatePoint(f"2026-03-{d:02d}", 0.5, 2) for d in range(1, 31)]
    root = parse(rate_chart(chart_id="r", title="T", desc="D", points=points, x_label="Due",
                            y_label="Kept"))
    shown = [t.find("s:title", NS).text  # type: ignore[union-attr]
             for t in root.findall("s:g[@class='axis axis-x']/s:text[@class='tick']", NS)]
    assert shown == [f"2026-03-{d:02d}" for d in range(1, 31, 3)]
    assert len(root.findall("s:g[@class='series']/s:circle", NS)) == 30


def test_long_legends_wrap_and_the_chart_grows() -> None:
    series = [Series(f"#{i} a rather long case subject", [(0.0, 50.0 + i)]) for i in range(8)]
    one = parse(line_chart(chart_id="l", title="T", desc="D", series=series[:1], x_label="x",
                           y_label="y"))
    root = parse(line_chart(chart_id="l", title="T", desc="D", series=series, x_label="x",
                            y_label="y"))
    entries = root.findall("s:g[@class='legend']/s:text", NS)
    assert len(entries) == 8
    rows = sorted({float(e.attrib["y"]) for e in entries})
    assert len(rows) > 1
    assert max(rows) < float(root.attrib["height"])
    assert float(root.attrib["height"]) > float(one.attrib["height"])
    for e in entries:  # nothing runs past the right edge
        assert float(e.attrib["x"]) + 7 * len(e.text or "") <= float(root.attrib["width"])
