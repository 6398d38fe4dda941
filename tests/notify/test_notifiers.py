"""Webhooks are signed, retried with backoff and logged; e-mail goes out over SMTP."""

from __future__ import annotations

import json

from sqlalchemy import select

from kettle.db import session_factory
from kettle.notify.base import DeliveryLog, Notification
from kettle.notify.email import EmailNotifier
from kettle.notify.models import Delivery
from kettle.notify.webhooks import SIGNATURE_HEADER, WebhookNotifier, sign, verify
from tests.notify.servers import smtp_server, webhook_receiver

NOTE = Notification(
    event="promise.due",
    entity_type="promises",
    entity_id=7,
    payload={"promise": {"action": "call you back"}},
)


def test_signature_round_trip() -> None:
    body = NOTE.body()
    assert verify(body, "s3cret", sign(body, "s3cret"))
    assert not verify(body + b" ", "s3cret", sign(body, "s3cret"))
    assert not verify(body, "other", sign(body, "s3cret"))


def test_webhook_is_signed_retried_with_backoff_and_every_attempt_logged(fresh_url: str) -> None:
    sessions = session_factory(fresh_url)
    waits: list[float] = []
    with webhook_receiver(fail_first=2) as (url, got):
        notifier = WebhookNotifier(
            url,
            secret="s3cret",
            log=DeliveryLog(sessions),
            retries=3,
            backoff_s=0.25,
            sleep=waits.append,
        )
        assert notifier.send(NOTE)
    assert waits == [0.25, 0.5]
    assert len(got.bodies) == 1
    header = {k.lower(): v for k, v in got.headers[0].items()}[SIGNATURE_HEADER.lower()]
    assert verify(got.bodies[0], "s3cret", header)
    assert json.loads(got.bodies[0])["promise"]["action"] == "call you back"
    with sessions() as session:
        rows = [*session.scalars(select(Delivery).order_by(Delivery.id))]
    assert [(r.attempt, r.ok, r.status_code) for r in rows] == [
        (1, False, 500),
        (2, False, 500),
        (3, True, 204),
    ]


def test_webhook_gives_up_after_the_retries(fresh_url: str) -> None:
    sessions = session_factory(fresh_url)
    with webhook_receiver(fail_first=10) as (url, _got):
        notifier = WebhookNotifier(
            url, secret="k", log=DeliveryLog(sessions), retries=1, sleep=lambda _s: None
        )
        assert not notifier.send(NOTE)
    with sessions() as session:
        assert [r.ok for r in session.scalars(select(Delivery))] == [False, False]


def test_email_goes_out_over_smtp() -> None:
    with smtp_server() as (port, messages):
        notifier = EmailNotifier("127.0.0.1", port=port, to="lead@example.com")
        assert notifier.send(NOTE)
    assert len(messages) == 1
    assert b"To: lead@example.com" in messages[0]
    assert b"call you back" in messages[0]


def test_email_failure_is_reported_not_raised() -> None:
    notifier = EmailNotifier("127.0.0.1", port=1, to="x@example.com", timeout_s=1)
    assert not notifier.send(NOTE)


def test_every_notification_carries_a_stable_delivery_id(fresh_url: str) -> None:
    from kettle.notify.base import IDEMPOTENCY_HEADER

    assert NOTE.delivery_id == "kettle-promises-7-promise.due"  # the default
    named = Notification(event="promise.overdue", entity_type="promises", entity_id=7,
                         delivery_id="kettle-promises-7-reminder")
    sessions = session_factory(fresh_url)
    with webhook_receiver(fail_first=1) as (url, got):
        notifier = WebhookNotifier(url, secret="k", log=DeliveryLog(sessions), retries=1,
                                   sleep=lambda _s: None)
        assert notifier.send(named) and notifier.send(named)
    assert [h[IDEMPOTENCY_HEADER] for h in got.headers] == ["kettle-promises-7-reminder"] * 2
    assert {json.loads(b)["delivery_id"] for b in got.bodies} == {"kettle-promises-7-reminder"}
    with sessions() as session:
        ids = session.scalars(select(Delivery.delivery_id)).all()
    assert ids == ["kettle-promises-7-reminder"] * 3  # the failed attempt too
    mail = EmailNotifier("127.0.0.1", to="lead@example.com").build(named)
    assert mail["Message-ID"] == "<kettle-promises-7-reminder@kettle>"
    assert mail[IDEMPOTENCY_HEADER] == "kettle-promises-7-reminder"
