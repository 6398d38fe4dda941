"""The worker sends each due reminder exactly once, also with four workers on PostgreSQL."""

from __future__ import annotations

import json
import multiprocessing
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from kettle.cases.models import Case, Customer
from kettle.db import session_factory, upgrade
from kettle.notify.base import DeliveryLog
from kettle.notify.models import Delivery
from kettle.notify.webhooks import WebhookNotifier
from kettle.promises import worker
from kettle.promises.models import FollowUp, Promise
from tests.fixtures_db import fresh_pg_database
from tests.notify.servers import webhook_receiver

NOW = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)


def _seed(url: str, promises: int, follow_ups: int = 0) -> None:
    sessions = session_factory(url)
    with sessions() as session:
        case = Case(customer=Customer(name="C", tz="UTC"), subject="s", stage="in_progress")
        session.add(case)
        session.flush()
        for i in range(promises):
            due = NOW + timedelta(minutes=10) if i % 2 else NOW - timedelta(minutes=i % 50)
            session.add(Promise(case_id=case.id, action=f"do {i}", due_at=due, state="open"))
        session.add(Promise(case_id=case.id, action="later", due_at=NOW + timedelta(days=1)))
        for i in range(follow_ups):
            session.add(
                FollowUp(
                    case_id=case.id,
                    kind="progress",
                    due_at=NOW - timedelta(hours=1),
                    context=f"f{i}",
                )
            )
        session.commit()


def test_one_pass_reminds_due_promises_and_follow_ups_once(fresh_url: str) -> None:
    _seed(fresh_url, promises=6, follow_ups=2)
    sessions = session_factory(fresh_url)
    with webhook_receiver() as (url, got):
        notifier = WebhookNotifier(url, secret="k", log=DeliveryLog(sessions))
        first = worker.run_once(sessions=sessions, notifiers=[notifier], now=NOW)
        second = worker.run_once(sessions=sessions, notifiers=[notifier], now=NOW)
    assert (first.promise_reminders, first.follow_ups, first.failed) == (6, 2, 0)
    assert first.late == 2  # i = 2, 4; i = 0 is due exactly now, not late
    assert (second.promise_reminders, second.follow_ups) == (0, 0)
    events = sorted(json.loads(b)["event"] for b in got.bodies)
    assert events == ["follow_up.due"] * 2 + ["promise.due"] * 4 + ["promise.overdue"] * 2
    with sessions() as session:
        assert session.scalar(select(func.count()).where(FollowUp.state == "sent")) == 2
        assert session.scalar(select(func.count()).where(Promise.state == "late")) == 2
        later = session.scalar(select(Promise).where(Promise.action == "later"))
        assert later is not None and later.reminded_at is None


def _work(url: str, hook: str) -> None:
    sessions = session_factory(url)
    notifier = WebhookNotifier(hook, secret="k", log=DeliveryLog(sessions))
    while worker.run_once(
        sessions=sessions, notifiers=[notifier], now=NOW, batch=25
    ).promise_reminders:
        pass


@pytest.mark.slow
@pytest.mark.postgres
def test_four_workers_send_each_of_1000_reminders_exactly_once() -> None:
    for url in fresh_pg_database():
        upgrade(url)
        _seed(url, promises=1000)
        with webhook_receiver() as (hook, got):
            ctx = multiprocessing.get_context("spawn")
            procs = [ctx.Process(target=_work, args=(url, hook)) for _ in range(4)]
            for proc in procs:
                proc.start()
            for proc in procs:
                proc.join(timeout=300)
            assert [p.exitcode for p in procs] == [0, 0, 0, 0]
        ids = [json.loads(b)["entity_id"] for b in got.bodies]
        assert len(ids) == 1000 and len(set(ids)) == 1000
        sessions = session_factory(url)
        with sessions() as session:
            rows = session.execute(select(Delivery.entity_id, Delivery.ok)).all()
            claimers = session.scalar(select(func.count(func.distinct(Promise.claimed_by))))
        assert len(rows) == 1000 and all(ok for _id, ok in rows)
        assert len({entity_id for entity_id, _ok in rows}) == 1000
        assert claimers is not None and claimers > 4  # many claims, spread over the workers
        sessions.kw["bind"].dispose()
