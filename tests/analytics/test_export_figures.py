"""CSV export (redacted, formula-safe) and the dashboard's figures."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from sqlalchemy.orm import Session

from kettle.analytics import service
from kettle.analytics.export import KINDS, UnknownExport, export_csv
from kettle.analytics.figures import FIGURES, figures
from kettle.analytics.period import Period
from tests.analytics.factories import NOW, heated_case, promise, root_cause

WEEK = Period(date(2026, 3, 8), date(2026, 3, 14))
NS = {"s": "http://www.w3.org/2000/svg"}


@pytest.fixture
def board(session: Session) -> object:
    hot = heated_case(session, [(0, 90), (1, 50)], subject="=HYPERLINK(\"x\") from a@b.co")
    heated_case(session, [(0, 40)], subject="Calm one")
    promise(session, hot, due_hours=-2, action="ring 0170 1234567")
    promise(session, hot, due_hours=-30, state="kept", closed_hours=-31)
    root_cause(session, hot, "delivery")
    return service.dashboard(session=session, period=WEEK, now=NOW)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_every_kind_exports_with_its_header(board: object) -> None:
    for kind, (columns, _) in KINDS.items():
        text = export_csv(board=board, kind=kind)  # type: ignore[arg-type]
        assert text.splitlines()[0] == ",".join(columns)


def test_export_is_redacted_and_formula_safe(board: object) -> None:
    cases = rows(export_csv(board=board, kind="cases"))  # type: ignore[arg-type]
    assert [c["subject"] for c in cases] == ["'=HYPERLINK(\"x\") from [email]", "Calm one"]
    assert [c["hot"] for c in cases] == ["false", "false"]
    overdue = rows(export_csv(board=board, kind="overdue"))  # type: ignore[arg-type]
    assert [o["action"] for o in overdue] == ["ring [phone]"]
    assert overdue[0]["overdue_minutes"] == "120"
    curves = rows(export_csv(board=board, kind="temperatures"))  # type: ignore[arg-type]
    assert [(c["hours"], c["temperature"]) for c in curves[:2]] == [("0.0", "90.0"),
                                                                   ("1.0", "50.0")]
    rate = rows(export_csv(board=board, kind="promise_rate"))  # type: ignore[arg-type]
    judged = [(r["label"], r["rate"], r["overdue"]) for r in rate if r["judged"] != "0"]
    assert judged == [("2026-03-09", "1.0", "0"), ("2026-03-10", "0.0", "1")]
    calm = rows(export_csv(board=board, kind="time_to_calm"))  # type: ignore[arg-type]
    assert calm[0]["minutes"] == "60.0"


def test_unknown_kind_lists_the_choices(board: object) -> None:
    with pytest.raises(UnknownExport) as err:
        export_csv(board=board, kind="everything")  # type: ignore[arg-type]
    assert err.value.field == "kind" and "root_causes" in err.value.choices


def test_figures_draw_the_board(board: object) -> None:
    drawn = figures(board)  # type: ignore[arg-type]
    assert tuple(drawn) == FIGURES
    temperature = ET.fromstring(drawn["temperature"])
    dots = temperature.findall(".//s:g[@class='series']/s:circle", NS)
    assert [d.attrib["data-y"] for d in dots[:2]] == ["90", "50"]
    calm = ET.fromstring(drawn["time_to_calm"])
    values = {b.attrib["data-label"]: b.attrib["data-value"]
              for b in calm.findall(".//s:rect[@class='bar']", NS)}
    assert values["1–4 h"] == "1" and values["< 15 min"] == "0"
    pareto = ET.fromstring(drawn["root_causes"])
    assert pareto.find(".//s:rect[@class='bar']", NS).attrib["data-label"] == "delivery"  # type: ignore[union-attr]
    # No concession data: the chart says so instead of drawing empty axes.
    concessions = ET.fromstring(drawn["concessions"])
    assert concessions.find("s:text[@class='empty']", NS) is not None
