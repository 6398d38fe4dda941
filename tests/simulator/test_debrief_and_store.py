"""Debrief (the QA scorecard on the session) and saved sessions in a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

from kettle.db import session_factory, upgrade
from kettle.simulator import store
from kettle.simulator.runner import Session
from kettle.simulator.scenarios import get
from tests.simulator.trainees import DOUBT_AND_POLICY, METHOD

STORY = "shoe-return-no-box"  # touchy: the doubt heats, the policy shield boils over


def _method() -> Session:
    return Session.replay(get(STORY), METHOD[STORY], seed=0, trainee="ana")


def _doubter() -> Session:
    return Session.replay(get(STORY), DOUBT_AND_POLICY[:2], seed=0, trainee="ben")


def test_debrief_scores_the_method_above_doubt_and_policy() -> None:
    from kettle.analysis.scorecard import STEP_NAMES, score

    good, bad = _method().debrief(), _doubter().debrief()
    assert good.outcome == "resolved" and good.resolution == "refund-now"
    assert good.overall is not None and bad.overall is not None
    assert good.overall > bad.overall
    session = _method()
    expected = score(session.transcript(), now=session.turns[-1].sent_at, tz="America/New_York")
    assert good.overall == round(expected.overall, 1)
    steps = [s["step"] for s in good.scorecard["steps"]]
    assert steps == list(STEP_NAMES) and steps == [s.step for s in expected.steps]


def test_debrief_curve_best_and_worst_replies_with_rewrites() -> None:
    session = _doubter()
    report = session.debrief()
    assert list(report.curve) == session.curve
    assert report.peak >= 95 and report.hang_ups == 1
    assert report.worst is not None and report.worst.delta > 0
    assert set(report.worst.anti_patterns) & {"doubt", "policy_shield"}
    assert report.worst.rewrites and all(r for r in report.worst.rewrites)
    assert report.best is None  # nothing cooled this customer
    good = _method().debrief()
    assert good.best is not None and good.best.delta < 0
    assert good.underlying_found
    json.dumps(good.to_dict())


def test_sessions_are_saved_and_listed_per_trainee(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'train.sqlite'}"
    upgrade(url)
    sessions = session_factory(url)
    with sessions() as db:
        first = store.create(session=db, training=_doubter())
        store.create(session=db, training=_method())
        store.create(session=db, training=Session.replay(
            get(STORY), METHOD[STORY], trainee="ben"))
        assert first.id is not None
    with sessions() as db:
        everyone = store.get_all(session=db)
        ben = store.get_all(session=db, trainee="ben")
        row = store.get(session=db, training_id=first.id)
    assert len(everyone) == 3 and [r.trainee for r in ben] == ["ben", "ben"]
    assert row is not None and row.outcome == "hung_up" and row.hang_ups == 1
    assert row.transcript[0]["role"] == "customer"
    assert row.debrief["worst"]["rewrites"]
    progress = {p.trainee: p for p in store.progress(ben)}
    assert progress["ben"].sessions == 2 and progress["ben"].resolved == 1
    assert progress["ben"].last_score is not None and progress["ben"].first_score is not None
    assert progress["ben"].last_score > progress["ben"].first_score
