"""Progress updates recur while a case is open, once each, and come before every promise."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kettle.cases import service as cases
from kettle.cases.models import Case, Customer
from kettle.cases.settings import WorkflowSettings
from kettle.db import session_factory
from kettle.notify.base import Notification
from kettle.promises import scheduled, worker
from kettle.promises import service as promises
from kettle.promises.models import FollowUp, Promise
from kettle.promises.schemas import PromiseCreate
from tests.fixtures_db import make_case

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CONF = WorkflowSettings(progress_every_hours=6, progress_margin_minutes=60)


class Collect:
    """A notifier that keeps what it was sent (thread-safe, always delivers)."""

    channel = "test"

    def __init__(self) -> None:
        self.sent: list[Notification] = []
        self._lock = threading.Lock()

    def send(self, notification: Notification) -> bool:
        with self._lock:
            self.sent.append(notification)
        return True


def _seed(url: str, cases_: int = 1, promise_in: timedelta | None = None) -> list[int]:
    """Open cases, each with one progress update due an hour ago (and maybe a promise)."""
    with session_factory(url)() as session:
        ids = []
        for _ in range(cases_):
            case = Case(customer=Customer(name="C", tz="UTC"), subject="s", stage="in_progress")
            session.add(case)
            session.flush()
            due = NOW - timedelta(hours=1)
            session.add(FollowUp(case_id=case.id, kind="progress", due_at=due))
            if promise_in is not None:
                session.add(Promise(case_id=case.id, action="call", due_at=NOW + promise_in))
            ids.append(case.id)
        session.commit()
        return ids


def _only_progress(session: Session, case_id: int) -> FollowUp:
    query = select(FollowUp).where(FollowUp.case_id == case_id, FollowUp.kind == "progress")
    return session.scalars(query).one()


def _progress(session: Session, case_id: int) -> list[tuple[str, datetime]]:
    query = select(FollowUp).where(FollowUp.case_id == case_id, FollowUp.kind == "progress")
    rows = session.scalars(query.order_by(FollowUp.id).execution_options(populate_existing=True))
    return [(row.state, row.due_at) for row in rows]


def _pass(url: str, at: datetime, notifier: Collect) -> worker.PassResult:
    sessions = session_factory(url)
    return worker.run_once(sessions=sessions, notifiers=[notifier], settings=CONF, now=at)


def test_a_silent_case_gets_an_update_every_n_hours(fresh_url: str) -> None:
    [case_id] = _seed(fresh_url)
    notifier = Collect()
    first = _pass(fresh_url, NOW, notifier)
    assert (first.follow_ups, first.progress_scheduled) == (1, 1)
    again = _pass(fresh_url, NOW + timedelta(minutes=1), notifier)  # a re-run adds nothing
    assert (again.follow_ups, again.progress_scheduled) == (0, 0)
    later = _pass(fresh_url, NOW + timedelta(hours=6), notifier)
    assert (later.follow_ups, later.progress_scheduled) == (1, 1)
    with session_factory(fresh_url)() as session:
        assert _progress(session, case_id) == [
            ("sent", NOW - timedelta(hours=1)),
            ("sent", NOW + timedelta(hours=6)),  # N hours after the first went out
            ("open", NOW + timedelta(hours=12)),
        ]
    assert len(notifier.sent) == 2


def test_the_next_update_comes_before_an_open_promise_falls_due(fresh_url: str) -> None:
    [case_id] = _seed(fresh_url, promise_in=timedelta(hours=3))
    notifier = Collect()
    _pass(fresh_url, NOW, notifier)
    with session_factory(fresh_url)() as session:
        assert _progress(session, case_id)[-1] == ("open", NOW + timedelta(hours=2))
    # Sent inside the promise's margin, the update told about it: the next one is N hours on,
    # not "now" again on every pass until the promise falls due.
    _pass(fresh_url, NOW + timedelta(hours=2), notifier)
    follow_up = _pass(fresh_url, NOW + timedelta(hours=2, minutes=1), notifier)
    assert (follow_up.follow_ups, follow_up.progress_scheduled) == (0, 0)
    with session_factory(fresh_url)() as session:
        assert _progress(session, case_id)[-1] == ("open", NOW + timedelta(hours=8))


def test_no_next_update_once_the_case_left_the_open_stages(fresh_url: str) -> None:
    [case_id] = _seed(fresh_url)
    sessions = session_factory(fresh_url)
    with sessions() as session:
        _only_progress(session, case_id).state = "sent"
        session.get_one(Case, case_id).stage = "resolved"
        session.commit()
        assert scheduled.schedule_progress_updates(session=session, settings=CONF) == 0
        assert _progress(session, case_id) == [("sent", NOW - timedelta(hours=1))]


def test_workers_racing_schedule_the_next_update_once(fresh_url: str) -> None:
    """The second worker waits on the case lock, then sees the first one's update."""
    [case_id] = _seed(fresh_url)
    sessions = session_factory(fresh_url)
    with sessions() as first:
        row = _only_progress(first, case_id)
        row.state, row.sent_at = "sent", NOW
        first.commit()
        case = scheduled.lock_case(session=first, case_id=case_id)
        assert scheduled.next_progress(session=first, case=case, settings=CONF) is not None
        made: list[int] = []

        def second() -> None:
            with sessions() as other:
                made.append(scheduled.schedule_progress_updates(session=other, settings=CONF))

        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.5)
        assert thread.is_alive()  # blocked by the first worker's lock
        first.commit()
        thread.join(timeout=30)
        assert made == [0]
        assert [s for s, _ in _progress(first, case_id)] == ["sent", "open"]


def test_an_update_still_open_means_no_next_one(session: Session) -> None:
    """An older update still waits (made by hand, due later) after a newer one went out."""
    case = make_case(session)
    session.add(FollowUp(case_id=case.id, kind="progress", due_at=NOW + timedelta(days=3)))
    session.flush()
    session.add(FollowUp(case_id=case.id, kind="progress", due_at=NOW, state="sent", sent_at=NOW))
    session.flush()
    assert scheduled.next_progress(session=session, case=case, settings=CONF) is None
    assert len(_progress(session, case.id)) == 2


def test_four_workers_send_each_update_once_and_schedule_one_next(fresh_url: str) -> None:
    ids = _seed(fresh_url, cases_=12)
    notifier = Collect()
    results: list[worker.PassResult] = []
    threads = [
        threading.Thread(target=lambda: results.append(_pass(fresh_url, NOW, notifier)))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sum(r.follow_ups for r in results) == 12 and len(notifier.sent) == 12
    assert sum(r.progress_scheduled for r in results) == 12
    with session_factory(fresh_url)() as session:
        opened = select(func.count()).where(FollowUp.state == "open", FollowUp.case_id.in_(ids))
        assert session.scalar(opened) == 12


def test_marking_an_update_done_schedules_the_next_once(session: Session) -> None:
    case = make_case(session)
    cases.move(session=session, case_id=case.id, stage="in_progress", settings=CONF, now=NOW)
    [(_, due)] = _progress(session, case.id)
    [row] = promises.get_follow_ups(session=session, case_id=case.id, kind="progress")
    done_at = NOW + timedelta(hours=1)
    promises.set_follow_up_state(
        session=session, follow_up_id=row.id, state="done", settings=CONF, now=done_at
    )
    assert _progress(session, case.id) == [("done", due), ("open", done_at + timedelta(hours=6))]
    [_, nxt] = promises.get_follow_ups(session=session, case_id=case.id, kind="progress")
    promises.set_follow_up_state(session=session, follow_up_id=nxt.id, state="cancelled")
    assert [s for s, _ in _progress(session, case.id)] == ["done", "cancelled"]  # stopped


def test_a_promise_made_by_hand_brings_the_update_forward(session: Session) -> None:
    case = make_case(session)
    cases.move(session=session, case_id=case.id, stage="in_progress", settings=CONF, now=NOW)
    regular = NOW + timedelta(hours=6)
    assert _progress(session, case.id) == [("open", regular)]

    far = PromiseCreate(action="send the form", due_at=NOW + timedelta(days=3))
    promises.create(session=session, case_id=case.id, promise_in=far, settings=CONF, now=NOW)
    assert _progress(session, case.id) == [("open", regular)]  # never later

    soon = PromiseCreate(action="call back", due_at=NOW + timedelta(hours=3))
    promises.create(session=session, case_id=case.id, promise_in=soon, settings=CONF, now=NOW)
    assert _progress(session, case.id) == [
        ("cancelled", regular),
        ("open", NOW + timedelta(hours=2)),  # the margin before the promise falls due
    ]


def test_a_promise_by_hand_on_a_case_without_updates_starts_them(session: Session) -> None:
    fresh = make_case(session)
    closed = make_case(session)
    cases.move(session=session, case_id=closed.id, stage="closed", settings=CONF, now=NOW)
    soon = PromiseCreate(action="call back", due_at=NOW + timedelta(minutes=30))
    for case in (fresh, closed):
        promises.create(session=session, case_id=case.id, promise_in=soon, settings=CONF, now=NOW)
    assert _progress(session, fresh.id) == [("open", NOW)]  # already inside the margin
    assert _progress(session, closed.id) == []
