"""``kettle worker``: mark late promises, lease due reminders, send them, mark them sent.

Each pass: (1) promises past due become ``late``; reminders whose last attempt
was abandoned are recorded as failed; (2) promises due within the reminder lead
time are leased and a ``promise.due`` (or ``promise.overdue``) notification goes
out; (3) due follow-ups are leased, a ``follow_up.due`` notification goes out
and they move to ``sent``; (4) open cases whose progress update went out (or
was done) get the next one. A reminder is marked only after every notifier
reported success, and a failed one is handed back for a later pass
(:mod:`kettle.promises.claims`). Each notification carries a stable
``delivery_id`` (the ``Idempotency-Key``) so a receiver can drop the repeat a
crash between sending and marking can cause.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kettle.cases.models import Case
from kettle.cases.settings import WorkflowSettings
from kettle.db.base import utcnow
from kettle.notify.base import DeliveryLog, Notification, Notifier
from kettle.promises import claims, scheduled
from kettle.promises.models import FollowUp, Promise

log = logging.getLogger("kettle.worker")


@dataclass(slots=True)
class PassResult:
    """What one worker pass did.

    ``promise_reminders`` and ``follow_ups`` count reminders delivered and
    marked; ``failed`` failed sends (handed back or, at the last attempt,
    ``given_up``); ``released`` reminders handed back unsent because the lease
    was running out; ``lost`` reminders sent after another worker took the
    expired lease over (it sends them again, with the same delivery id);
    ``progress_scheduled`` next progress updates of cases still open.
    """

    late: int = 0
    promise_reminders: int = 0
    follow_ups: int = 0
    failed: int = 0
    given_up: int = 0
    released: int = 0
    lost: int = 0
    progress_scheduled: int = 0


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
    policy = claims.Policy.from_settings(conf)
    when = now or utcnow()
    result = PassResult()
    # The leases below start at ``when``: stop sending once half of one has gone by.
    deadline = time.monotonic() + policy.lease.total_seconds() / 2
    timing = (when, policy, deadline)
    with sessions() as session:
        result.late = scheduled.mark_late(session=session, now=when)
        result.given_up = claims.give_up_exhausted(session=session, now=when, policy=policy)
        while time.monotonic() < deadline:
            promised = claims.claim_promise_reminders(
                session=session,
                now=when,
                lead_minutes=conf.reminder_lead_minutes,
                limit=batch,
                policy=policy,
            )
            notes = [_promise_note(session, promise, when) for promise in promised.rows]
            result.promise_reminders += _deliver(
                session, promised, notes, notifiers, timing, result
            )
            if len(promised.rows) < batch:
                break
        while time.monotonic() < deadline:
            due = claims.claim_follow_ups(session=session, now=when, limit=batch, policy=policy)
            notes = [_follow_up_note(session, row) for row in due.rows]
            result.follow_ups += _deliver(session, due, notes, notifiers, timing, result)
            if len(due.rows) < batch:
                break
        result.progress_scheduled = scheduled.schedule_progress_updates(
            session=session, settings=conf
        )
    return result


def _deliver(
    session: Session,
    claim: claims.Claim[Any],
    notes: Sequence[Notification],
    notifiers: Sequence[Notifier],
    timing: tuple[datetime, claims.Policy, float],
    result: PassResult,
) -> int:
    """Send each claimed reminder, then mark it (or hand it back); returns how many were marked.

    ``timing`` is the pass's ``now``, its policy and its monotonic deadline: no
    send starts after the deadline (half a lease into the pass, whatever ``now``
    says); the rest are handed back unsent, for the next pass.
    """
    now, policy, deadline = timing
    session.commit()  # hold no transaction (SQLite: no lock) while sending
    marked = 0
    rows: list[claims.Reminder] = claim.rows
    for row, note in zip(rows, notes, strict=True):
        if time.monotonic() >= deadline:
            claims.release(session=session, row=row, token=claim.token, now=now, error=None)
            result.released += 1
            continue
        error = _send(notifiers, note)
        if error is None:
            if claims.mark_sent(session=session, row=row, token=claim.token, now=now):
                marked += 1
            else:
                result.lost += 1
            continue
        result.failed += 1
        outcome = claims.release(
            session=session, row=row, token=claim.token, now=now, error=error, policy=policy
        )
        result.given_up += outcome == "failed"
        log.warning("reminder %s %s: %s (%s)", note.entity_type, note.entity_id, error, outcome)
    return marked


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


def _send(notifiers: Sequence[Notifier], note: Notification) -> str | None:
    """Send through every notifier; None when all delivered, else what failed."""
    failed: list[str] = []
    for notifier in notifiers:
        try:
            ok = notifier.send(note)
        except Exception as exc:  # a notifier bug must not lose the reminder: retry it later
            log.exception("notifier %s raised", notifier.channel)
            failed.append(f"{notifier.channel}: {type(exc).__name__}: {exc}")
            continue
        if not ok:
            failed.append(f"{notifier.channel}: not delivered (see deliveries)")
    return "; ".join(failed) or None


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
        delivery_id=delivery_id(promise),
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
        delivery_id=delivery_id(row),
    )


def delivery_id(row: Promise | FollowUp) -> str:
    """The reminder's stable id: the same on every attempt, whichever worker sends it.

    ``kettle-promises-<id>-reminder`` (a promise is reminded once, whether the
    event says due or overdue) and ``kettle-follow_ups-<id>-<kind>``.
    """
    if isinstance(row, Promise):
        return f"kettle-promises-{row.id}-reminder"
    return f"kettle-follow_ups-{row.id}-{row.kind}"
