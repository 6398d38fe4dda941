"""Grouped and stacked bars: one mark per group and series, placed where its value says."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from kettle.charts.grouped import BarGroup, grouped_bar_chart

NS = {"s": "http://www.w3.org/2000/svg"}
SERIES = ("apology", "plan")
GROUPS = [BarGroup("ana", [1.0, 0.5]), BarGroup("ben <&>", [0.0, 2.0])]


def chart(*, stacked: bool, groups: list[BarGroup] = GROUPS) -> ET.Element:
    return ET.fromstring(grouped_bar_chart(
        chart_id="g", title="Techniques", desc="per agent", series=SERIES, groups=groups,
        x_label="agent", y_label="uses", stacked=stacked))


def bars(root: ET.Element) -> list[ET.Element]:
    return root.findall(".//s:rect[@class='bar']", NS)


def test_grouped_bars_sit_side_by_side_with_titles_naming_group_and_series() -> None:
    root = chart(stacked=False)
    assert root.attrib["role"] == "img" and root.attrib["class"] == "chart chart-grouped"
    found = bars(root)
    assert [(b.attrib["data-group"], b.attrib["data-series"], b.attrib["data-value"])
            for b in found] == [("ana", "apology", "1"), ("ana", "plan", "0.5"),
                                ("ben <&>", "apology", "0"), ("ben <&>", "plan", "2")]
    assert found[0].findtext("s:title", namespaces=NS) == "ana · apology: 1"
    xs = [float(b.attrib["x"]) for b in found]
    assert xs == sorted(xs)
    heights = [float(b.attrib["height"]) for b in found]
    assert heights[0] == pytest.approx(2 * heights[1]) and heights[3] == max(heights)
    legend = [t.text for t in root.findall("s:g[@class='legend']/s:text", NS)]
    assert legend == list(SERIES)


def test_stacked_bars_pile_up_to_the_group_total() -> None:
    found = bars(chart(stacked=True))
    ana = [b for b in found if b.attrib["data-group"] == "ana"]
    assert len({b.attrib["x"] for b in ana}) == 1
    bottom, top = ana
    assert float(top.attrib["y"]) + float(top.attrib["height"]) == pytest.approx(
        float(bottom.attrib["y"]))


def test_nothing_to_draw_says_so_and_bad_shapes_are_refused() -> None:
    empty = chart(stacked=False, groups=[BarGroup("ana", [0.0, 0.0])])
    assert not bars(empty) and empty.find("s:text[@class='empty']", NS) is not None
    assert not bars(chart(stacked=True, groups=[]))
    with pytest.raises(ValueError, match="ana"):
        chart(stacked=False, groups=[BarGroup("ana", [1.0])])
