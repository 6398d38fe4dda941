"""``kettle worker``: mark late promises, claim due reminders, send them exactly once.

Each pass: (1) promises past due become ``late``; (2) promises due within the
reminder lead time are claimed and a ``promise.due`` (or ``promise.overdue``)
notification goes out; (3) due follow-ups are claimed, moved to ``sent`` and a
``follow_up.due`` notification goes out. Claims commit before sending, so a
reminder is never sent twice, even with several workers.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kettle.cases.models import Case
from kettle.cases.settings import WorkflowSettings
from kettle.db.base import utcnow
from kettle.notify.base import DeliveryLog, Notification, Notifier
from kettle.promises import scheduled
from kettle.promises.models import FollowUp, Promise

log = logging.getLogger("kettle.worker")


@dataclass(slots=True)
class PassResult:
    """What one worker pass did."""

    late: int = 0
    promise_reminders: int = 0
    follow_ups: int = 0
    failed: int = 0


class PrintNotifier:
    """Prints each notification as one JSON line with customer data redacted (development)."""

    channel = "print"

    def send(self, notification: Notification) -> bool:
        from kettle.redaction import redact

        print(redact(notification.body().decode("utf-8")), flush=True)
        return True


def notifiers_from(settings: WorkflowSettings, sessions: sessionmaker[Session]) -> list[Notifier]:
    """The notifiers the settings configure (webhook and/or e-mail)."""
    from kettle.notify.email import EmailNotifier
    from kettle.notify.webhooks import WebhookNotifier

    deliveries = DeliveryLog(sessions)
    found: list[Notifier] = []
    if settings.webhook_url:
        found.append(
            WebhookNotifier(
                settings.webhook_url,
                secret=settings.webhook_secret or "",
                log=deliveries,
                retries=settings.webhook_retries,
                backoff_s=settings.webhook_backoff_s,
            )
        )
    if settings.smtp_host and settings.smtp_to:
        found.append(
            EmailNotifier(
                settings.smtp_host,
                port=settings.smtp_port,
                sender=settings.smtp_from,
                to=settings.smtp_to,
                log=deliveries,
            )
        )
    return found


def run_once(
    *,
    sessions: sessionmaker[Session],
    notifiers: Sequence[Notifier],
    settings: WorkflowSettings | None = None,
    now: datetime | None = None,
    batch: int = 100,
) -> PassResult:
    """One pass over everything due at ``now``; returns the counts."""
    conf = settings if settings is not None else WorkflowSettings()
    when = now or utcnow()
    result = PassResult()
    with sessions() as session:
        result.late = scheduled.mark_late(session=session, now=when)
        while True:
            claimed = scheduled.claim_promise_reminders(
                session=session, now=when, lead_minutes=conf.reminder_lead_minutes, limit=batch
            )
            notes = [_promise_note(session, promise, when) for promise in claimed]
            session.commit()  # hold no transaction (SQLite: no lock) while sending
            for note in notes:
                sent = _send(notifiers, note)
                result.promise_reminders += 1
                result.failed += 0 if sent else 1
            if len(claimed) < batch:
                break
        while True:
            follow_ups = scheduled.claim_follow_ups(session=session, now=when, limit=batch)
            notes = [_follow_up_note(session, row) for row in follow_ups]
            session.commit()
            for note in notes:
                sent = _send(notifiers, note)
                result.follow_ups += 1
                result.failed += 0 if sent else 1
            if len(follow_ups) < batch:
                break
    return result


def run(
    *,
    sessions: sessionmaker[Session],
    notifiers: Sequence[Notifier],
    settings: WorkflowSettings | None = None,
    interval_s: float = 30.0,
    once: bool = False,
    clock: Callable[[], datetime] = utcnow,
) -> PassResult:
    """Run passes every ``interval_s`` seconds (or one with ``once``); returns the last."""
    while True:
        try:
            result = run_once(
                sessions=sessions, notifiers=notifiers, settings=settings, now=clock()
            )
            log.info("worker pass: %s", result)
        except OperationalError as exc:  # SQLite busy under contention: try again next pass
            log.warning("worker pass skipped: %s", exc)
            result = PassResult()
        if once:
            return result
        time.sleep(interval_s)


def _send(notifiers: Sequence[Notifier], note: Notification) -> bool:
    results = [notifier.send(note) for notifier in notifiers]
    return all(results)


def _case_summary(session: Session, case_id: int) -> dict[str, object]:
    case = session.get(Case, case_id)
    if case is None:
        return {"id": case_id}
    return {
        "id": case.id,
        "subject": case.subject,
        "owner_id": case.owner_id,
        "team": case.team,
        "stage": case.stage,
        "customer_tz": case.customer.tz,
    }


def _promise_note(session: Session, promise: Promise, now: datetime) -> Notification:
    overdue = promise.due_at is not None and promise.due_at < now
    event = "promise.overdue" if overdue else "promise.due"
    payload = {
        "promise": {
            "id": promise.id,
            "action": promise.action,
            "state": promise.state,
            "due_at": promise.due_at,
            "owner_id": promise.owner_id,
        },
        "case": _case_summary(session, promise.case_id),
    }
    return Notification(
        event=event,
        entity_type="promises",
        entity_id=promise.id,
        payload=payload,
        subject=f"Promise due: {promise.action}",
    )


def _follow_up_note(session: Session, row: FollowUp) -> Notification:
    payload = {
        "follow_up": {"id": row.id, "kind": row.kind, "due_at": row.due_at, "context": row.context},
        "case": _case_summary(session, row.case_id),
    }
    return Notification(
        event="follow_up.due",
        entity_type="follow_ups",
        entity_id=row.id,
        payload=payload,
        subject=f"Follow-up due: {row.kind}",
    )
