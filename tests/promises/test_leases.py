"""Reminder leases: a killed worker's reminder goes out once after its lease, failures retry.

Real worker processes are killed with SIGKILL; the clock is injected (``now``)
so a lease expires without waiting for it.
"""

from __future__ import annotations

import json
import multiprocessing
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kettle.cases.models import Case, Customer
from kettle.cases.settings import WorkflowSettings
from kettle.db import session_factory
from kettle.notify.base import IDEMPOTENCY_HEADER, DeliveryLog, Notification
from kettle.notify.models import Delivery
from kettle.notify.webhooks import WebhookNotifier
from kettle.promises import claims, worker
from kettle.promises.models import FollowUp, Promise
from tests.notify.servers import Received, webhook_receiver

NOW = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
LEASE_S = 120.0
SETTINGS = WorkflowSettings(
    worker_lease_s=LEASE_S, worker_max_attempts=3, worker_retry_backoff_s=60.0
)
AFTER_LEASE = NOW + timedelta(seconds=LEASE_S + 1)


def _seed(url: str, promises: int = 1, follow_ups: int = 0) -> list[int]:
    with session_factory(url)() as session:
        case = Case(customer=Customer(name="C", tz="UTC"), subject="s", stage="in_progress")
        session.add(case)
        session.flush()
        rows: list[Promise | FollowUp] = [
            Promise(case_id=case.id, action=f"call back {i}", due_at=NOW, state="open")
            for i in range(promises)
        ]
        rows += [
            FollowUp(case_id=case.id, kind="progress", due_at=NOW - timedelta(hours=1))
            for _ in range(follow_ups)
        ]
        session.add_all(rows)
        session.commit()
        return [row.id for row in rows]


def _promise(url: str, promise_id: int) -> Promise:
    with session_factory(url)() as session:
        row = session.get(Promise, promise_id)
        assert row is not None
        return row


class _Hang:
    """Signals through a file that the worker is sending, then never returns."""

    channel = "hang"

    def __init__(self, marker: str, inner: WebhookNotifier | None = None) -> None:
        self.marker, self.inner = marker, inner

    def send(self, notification: Notification) -> bool:
        if self.inner is not None:
            self.inner.send(notification)  # it went out; the worker dies before marking it
        Path(self.marker).write_text(notification.delivery_id, encoding="utf-8")
        time.sleep(600)
        return True


def _hanging_worker(url: str, marker: str, hook: str | None) -> None:
    sessions = session_factory(url)
    inner = WebhookNotifier(hook, secret="k", retries=0) if hook else None
    worker.run_once(sessions=sessions, notifiers=[_Hang(marker, inner)], settings=SETTINGS, now=NOW)


def _kill_while_sending(url: str, tmp_path: Path, hook: str | None = None) -> str:
    """Run a worker process until it is inside send, then SIGKILL it; the delivery id it had."""
    marker = tmp_path / f"sending-{time.monotonic_ns()}"
    proc = multiprocessing.get_context("spawn").Process(
        target=_hanging_worker, args=(url, str(marker), hook)
    )
    proc.start()
    deadline = time.monotonic() + 120
    while not marker.exists() and proc.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), f"worker never reached send (exit code {proc.exitcode})"
    proc.kill()
    proc.join(timeout=30)
    assert proc.exitcode == -9
    return marker.read_text(encoding="utf-8")


def _pass(url: str, hook: str, now: datetime) -> worker.PassResult:
    sessions = session_factory(url)
    notifier = WebhookNotifier(hook, secret="k", log=DeliveryLog(sessions), retries=0)
    return worker.run_once(sessions=sessions, notifiers=[notifier], settings=SETTINGS, now=now)


def _keys(got: Received) -> list[str]:
    return [headers[IDEMPOTENCY_HEADER] for headers in got.headers]


def test_killed_before_send_is_sent_once_after_the_lease(fresh_url: str, tmp_path: Path) -> None:
    [pid] = _seed(fresh_url)
    delivery = _kill_while_sending(fresh_url, tmp_path)
    assert delivery == f"kettle-promises-{pid}-reminder"
    held = _promise(fresh_url, pid)
    assert held.reminded_at is None and held.attempts == 1
    assert held.claimed_until == NOW + timedelta(seconds=LEASE_S)
    with webhook_receiver() as (hook, got):
        during = _pass(fresh_url, hook, NOW + timedelta(seconds=LEASE_S - 1))
        assert during.promise_reminders == 0 and got.bodies == []  # the lease still holds
        after = _pass(fresh_url, hook, AFTER_LEASE)
        again = _pass(fresh_url, hook, AFTER_LEASE + timedelta(hours=1))
    assert (after.promise_reminders, again.promise_reminders) == (1, 0)
    assert [json.loads(body)["entity_id"] for body in got.bodies] == [pid]
    assert _keys(got) == [delivery]
    sent = _promise(fresh_url, pid)
    assert sent.reminded_at == AFTER_LEASE and sent.claimed_until is None and sent.attempts == 2


def test_killed_after_send_repeats_with_the_same_delivery_id(
    fresh_url: str, tmp_path: Path
) -> None:
    [pid] = _seed(fresh_url)
    with webhook_receiver() as (hook, got):
        delivery = _kill_while_sending(fresh_url, tmp_path, hook=hook)
        assert len(got.bodies) == 1  # delivered, but never marked
        assert _pass(fresh_url, hook, AFTER_LEASE).promise_reminders == 1
    assert _keys(got) == [delivery, delivery]
    assert {json.loads(body)["delivery_id"] for body in got.bodies} == {delivery}
    assert len(set(_keys(got))) == 1  # a receiver keeping the keys it saw acts once
    assert _promise(fresh_url, pid).reminded_at == AFTER_LEASE


def test_failed_send_is_retried_on_a_later_pass(fresh_url: str) -> None:
    [pid, fid] = _seed(fresh_url, promises=1, follow_ups=1)
    with webhook_receiver(fail_first=2) as (hook, got):
        first = _pass(fresh_url, hook, NOW)
        too_soon = _pass(fresh_url, hook, NOW + timedelta(seconds=30))
        later = _pass(fresh_url, hook, NOW + timedelta(seconds=61))
    assert (first.failed, first.promise_reminders, first.follow_ups) == (2, 0, 0)
    assert (too_soon.promise_reminders, too_soon.follow_ups, got.calls - len(got.bodies)) == (
        0,
        0,
        2,
    )
    assert (later.promise_reminders, later.follow_ups, later.failed) == (1, 1, 0)
    assert sorted(_keys(got)) == [
        f"kettle-follow_ups-{fid}-progress",
        f"kettle-promises-{pid}-reminder",
    ]
    sent = _promise(fresh_url, pid)
    assert sent.attempts == 2 and sent.last_error is None and sent.retry_at is None
    with session_factory(fresh_url)() as session:
        follow_up = session.get(FollowUp, fid)
        assert follow_up is not None and follow_up.state == "sent"
        keys = session.scalars(select(Delivery.delivery_id).where(Delivery.ok.is_(False)))
        assert sorted(keys) == sorted(_keys(got))  # failed attempts carry the same ids


def test_reminder_is_recorded_failed_after_the_last_attempt(fresh_url: str) -> None:
    [pid] = _seed(fresh_url)
    with webhook_receiver(fail_first=10**6) as (hook, got):
        passes = [_pass(fresh_url, hook, NOW + timedelta(hours=h)) for h in range(5)]
    assert [p.failed for p in passes] == [1, 1, 1, 0, 0]  # max_attempts = 3
    assert [p.given_up for p in passes] == [0, 0, 1, 0, 0]
    assert got.calls == 3
    failed = _promise(fresh_url, pid)
    assert failed.failed_at == NOW + timedelta(hours=2) and failed.reminded_at is None
    assert failed.last_error is not None and "webhook" in failed.last_error
    sessions = session_factory(fresh_url)
    with sessions() as session:
        assert [row.id for row in claims.get_failed(session=session)] == [pid]
        claims.retry_failed(session=session, rows=claims.get_failed(session=session))
    with webhook_receiver() as (hook, got):
        assert _pass(fresh_url, hook, NOW + timedelta(hours=6)).promise_reminders == 1
    with sessions() as session:
        assert claims.get_failed(session=session) == []


def test_abandoned_last_attempt_is_recorded_failed(fresh_url: str) -> None:
    [pid] = _seed(fresh_url)
    policy = claims.Policy(lease=timedelta(minutes=1), max_attempts=1)
    with session_factory(fresh_url)() as session:
        claim = claims.claim_promise_reminders(session=session, now=NOW, policy=policy)
        assert [row.id for row in claim.rows] == [pid]
        # the worker dies; once the lease is over, the pass gives up on it
        early = claims.give_up_exhausted(session=session, now=NOW, policy=policy)
        late = claims.give_up_exhausted(
            session=session, now=NOW + timedelta(minutes=2), policy=policy
        )
        assert (early, late) == (0, 1)
        assert [row.id for row in claims.get_failed(session=session)] == [pid]


def test_a_lost_lease_is_not_marked_by_its_old_holder(fresh_url: str) -> None:
    [pid] = _seed(fresh_url)
    policy = claims.Policy(lease=timedelta(minutes=1))
    sessions = session_factory(fresh_url)
    with sessions() as one, sessions() as two:
        first = claims.claim_promise_reminders(session=one, now=NOW, policy=policy)
        blocked = claims.claim_promise_reminders(session=two, now=NOW, policy=policy)
        later = NOW + timedelta(minutes=2)
        second = claims.claim_promise_reminders(session=two, now=later, policy=policy)
        assert ([r.id for r in first.rows], blocked.rows, [r.id for r in second.rows]) == (
            [pid],
            [],
            [pid],
        )
        assert not claims.mark_sent(session=one, row=first.rows[0], token=first.token, now=later)
        assert claims.mark_sent(session=two, row=second.rows[0], token=second.token, now=later)
        assert not claims.mark_sent(session=two, row=second.rows[0], token=second.token, now=later)


class _Slow:
    channel = "slow"

    def __init__(self) -> None:
        self.sent: list[str] = []

    def send(self, notification: Notification) -> bool:
        time.sleep(0.3)  # longer than half the lease below
        self.sent.append(notification.delivery_id)
        return True


def test_no_send_starts_once_half_the_lease_is_gone(fresh_url: str) -> None:
    ids = _seed(fresh_url, promises=3)
    slow = _Slow()
    short = WorkflowSettings(worker_lease_s=0.4)  # a pass sends until 0.2 s in
    sessions = session_factory(fresh_url)
    passes: list[worker.PassResult] = []
    while len(slow.sent) < 3 and len(passes) < 50:
        later = NOW + timedelta(seconds=len(passes))
        passes.append(
            worker.run_once(sessions=sessions, notifiers=[slow], settings=short, now=later)
        )
    assert slow.sent == [f"kettle-promises-{i}-reminder" for i in ids]  # each once, in order
    assert sum(p.promise_reminders for p in passes) == 3
    assert all(p.promise_reminders <= 1 for p in passes)  # nothing sent after the deadline
    assert sum(p.released for p in passes) >= 2  # the rest of a batch went back unsent
    assert [_promise(fresh_url, i).attempts for i in ids] == [1, 1, 1]  # hand-backs not counted


@pytest.mark.parametrize("raises", [True, False])
def test_a_notifier_error_is_a_failed_send(fresh_url: str, raises: bool) -> None:
    [pid] = _seed(fresh_url)

    class Broken:
        channel = "broken"

        def send(self, notification: Notification) -> bool:
            if raises:
                raise ValueError("bug")
            return False

    result = worker.run_once(
        sessions=session_factory(fresh_url), notifiers=[Broken()], settings=SETTINGS, now=NOW
    )
    assert (result.failed, result.promise_reminders) == (1, 0)
    error = _promise(fresh_url, pid).last_error or ""
    assert error.startswith("broken: ") and (("ValueError: bug" in error) == raises)
