"""Ingest one message: run the engine, store its judgement, update the case.

Customer turns are read (temperature, signals); agent turns are checked (reply
coaching, commitments with due times in the customer's zone). The whole
conversation is then tracked to move the stage and to see which promises were
kept. Ingest is idempotent on the message's external id (per case) and on an
idempotency key (global): a replay returns the stored message unchanged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kettle.audit import service as audit
from kettle.cases import flows
from kettle.cases.errors import Conflict, NotFound, WorkflowInputError
from kettle.cases.models import Case, Message, TemperaturePoint
from kettle.cases.settings import WorkflowSettings
from kettle.db.base import utcnow
from kettle.db.engine import is_postgres
from kettle.promises import scheduled
from kettle.promises.models import Promise

ROLES: tuple[str, ...] = ("customer", "agent", "system")


def find_message(
    *,
    session: Session,
    case_id: int,
    external_id: str | None = None,
    idempotency_key: str | None = None,
) -> Message | None:
    """The message already stored under this idempotency key or (case, external id), if any.

    Raises :class:`Conflict` when the key was used for another case.
    """
    if idempotency_key is not None:
        found = session.scalar(select(Message).where(Message.idempotency_key == idempotency_key))
        if found is not None:
            if found.case_id != case_id:
                raise Conflict(
                    "idempotency key already used for another case", field="idempotency_key"
                )
            return found
    if external_id is not None:
        query = select(Message).where(
            Message.case_id == case_id, Message.external_id == external_id
        )
        return session.scalar(query)
    return None


def ingest_message(
    *,
    session: Session,
    case_id: int,
    role: str,
    text: str,
    sent_at: datetime | None,
    external_id: str | None = None,
    idempotency_key: str | None = None,
    now: datetime | None = None,
    settings: WorkflowSettings | None = None,
    actor_id: int | None = None,
) -> Message:
    """Store a message of ``role`` (customer, agent, system) and update its case.

    ``sent_at`` naive means wall time in the customer's zone; None means ``now``.
    Creates engine promises and follow-ups, moves the stage, records the
    temperature. Returns the stored message (the earlier one on a replay, see
    :func:`find_message`). Commits.
    """
    if role not in ROLES:
        raise WorkflowInputError(f"unknown role {role!r}", field="role", choices=ROLES)
    case = _locked_case(session, case_id)
    existing = find_message(
        session=session, case_id=case_id, external_id=external_id, idempotency_key=idempotency_key
    )
    if existing is not None:
        return existing
    conf = settings if settings is not None else WorkflowSettings()
    tz = case.customer.tz or conf.default_tz
    when = _aware(sent_at or now or utcnow(), tz)
    history = _turns(session, case.id)
    analysis, temperature = _analyse(role, text, history, when, tz)
    message = Message(
        case_id=case.id,
        role=role,
        text=text,
        sent_at=when,
        external_id=external_id,
        idempotency_key=idempotency_key,
        analysis=analysis,
        temperature=temperature,
    )
    stored = _insert(session, message)
    if stored is not message:
        return stored
    _update_case(session, case, message, history, analysis, conf, tz)
    audit.record(
        session=session,
        action="ingest",
        entity=message,
        actor_id=actor_id,
        after={"case_id": case.id, "role": role, "external_id": external_id},
    )
    session.commit()
    return message


def _insert(session: Session, message: Message) -> Message:
    """Insert ``message``; if a concurrent ingest stored it first, return that one instead."""
    try:
        with session.begin_nested():
            session.add(message)
    except IntegrityError:
        again = find_message(
            session=session,
            case_id=message.case_id,
            external_id=message.external_id,
            idempotency_key=message.idempotency_key,
        )
        if again is None:
            raise
        return again
    return message


def _locked_case(session: Session, case_id: int) -> Case:
    query = select(Case).where(Case.id == case_id)
    if is_postgres(session):
        query = query.with_for_update()
    case = session.scalar(query)
    if case is None:
        raise NotFound(f"no case {case_id}", field="case_id")
    return case


def _aware(value: datetime, tz: str) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=ZoneInfo(tz))
    return value


def _turns(session: Session, case_id: int) -> list[dict[str, Any]]:
    query = select(Message).where(Message.case_id == case_id)
    rows = session.scalars(query.order_by(Message.sent_at, Message.id))
    return [{"role": m.role, "text": m.text, "sent_at": m.sent_at} for m in rows]


def _analyse(
    role: str, text: str, history: list[dict[str, Any]], when: datetime, tz: str
) -> tuple[dict[str, Any] | None, float | None]:
    from kettle import analysis

    if role == "customer":
        reading = analysis.read(text, context=history or None)
        return {"kind": "reading", **reading.to_dict()}, round(reading.temperature, 1)
    if role == "agent":
        review = analysis.check(text, conversation=history or None, now=when, tz=tz)
        return {"kind": "review", **review.to_dict()}, None
    if not text.strip():
        raise WorkflowInputError("a message needs text", field="text")
    return None, None


def _update_case(
    session: Session,
    case: Case,
    message: Message,
    history: list[dict[str, Any]],
    analysis: dict[str, Any] | None,
    conf: WorkflowSettings,
    tz: str,
) -> None:
    from kettle import analysis as engine

    if message.temperature is not None:
        case.temperature = message.temperature
        session.add(
            TemperaturePoint(
                case_id=case.id,
                message_id=message.id,
                temperature=message.temperature,
                at=message.sent_at,
            )
        )
    turns = [*history, {"role": message.role, "text": message.text, "sent_at": message.sent_at}]
    track = engine.track(turns, now=message.sent_at, tz=tz)
    if track.stage != case.stage and flows.can_move(case.stage, track.stage):
        flows.transition(
            session=session,
            case=case,
            to=track.stage,
            actor="engine",
            reason=f"message {message.id}",
            at=message.sent_at,
        )
    if analysis is not None and analysis["kind"] == "review":
        _promises_from(session, case, message, analysis)
    _keep_reported(session, case, track.open_promises, message.sent_at)
    scheduled.after_message(
        session=session,
        case=case,
        message=message,
        settings=conf,
        signals=_signals(analysis),
        next_move=track.next_move,
    )


def _promises_from(
    session: Session, case: Case, message: Message, analysis: dict[str, Any]
) -> None:
    for item in analysis.get("commitments", []):
        due = datetime.fromisoformat(item["due"]) if item.get("due") else None
        promise = Promise(
            case_id=case.id,
            message_id=message.id,
            owner_id=case.owner_id,
            action=item["action"],
            due_at=due,
            due_phrase=item.get("due_phrase"),
            source="engine",
            state="open",
        )
        session.add(promise)
        session.flush()
        audit.record(
            session=session,
            action="create",
            entity=promise,
            actor="engine",
            after={"action": promise.action, "due_at": due},
        )


def _keep_reported(session: Session, case: Case, still_open: tuple[Any, ...], at: datetime) -> None:
    """Engine promises the tracker no longer lists as open were reported kept."""
    from kettle.promises.flows import transition_promise

    open_keys = {
        (c.action, c.due.astimezone(ZoneInfo("UTC")) if c.due else None) for c in still_open
    }
    query = select(Promise).where(
        Promise.case_id == case.id, Promise.source == "engine", Promise.state.in_(("open", "late"))
    )
    for promise in [*session.scalars(query)]:
        if (promise.action, promise.due_at) not in open_keys:
            transition_promise(session=session, promise=promise, to="kept", actor="engine", at=at)


def _signals(analysis: dict[str, Any] | None) -> frozenset[str]:
    if analysis is None or analysis["kind"] != "reading":
        return frozenset()
    return frozenset(s["kind"] for s in analysis.get("signals", []))
