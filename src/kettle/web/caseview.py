"""What the agent view shows: the queue, and one case with its thread, plan and panels.

Every list is scoped with :func:`kettle.api.access.case_scope` and every case
is fetched with :func:`kettle.api.access.visible_case`, as in the REST API.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import Request
from sqlalchemy.orm import Session

from kettle.api.access import case_scope, visible_case
from kettle.db.base import utcnow
from kettle.errors import KettleError
from kettle.users.models import User
from kettle.web.views import (
    STAGE_LABELS,
    Gauge,
    due_key,
    local_time,
    message_view,
    relative,
)

_LIVE_PROMISES = ("open", "late")
_BAND_RANK = {"boiling": 3, "hot": 2, "warm": 1, "calm": 0}


def playbook(request: Request) -> Any:
    from kettle.api.routers.analyze import playbook_of

    return playbook_of(request)


def turns_of(messages: list[Any]) -> list[dict[str, Any]]:
    """The case's conversation as the engine reads it (same shape as ingest uses)."""
    return [{"role": m.role, "text": m.text, "sent_at": m.sent_at} for m in messages]


def messages_of(session: Session, case_id: int) -> list[Any]:
    from kettle.cases import service as cases

    return cases.get_messages(session=session, case_id=case_id)


def queue(session: Session, user: User, now: datetime | None = None) -> list[dict[str, Any]]:
    """The user's open cases (agent: own; lead: team), hottest first, then soonest due."""
    from kettle.cases import service as cases
    from kettle.promises import service as promises

    owner_id, team = case_scope(user, owner_id=None, team=None)
    found = cases.get_all(session=session, owner_id=owner_id, team=team, open_only=True,
                          limit=500)
    due: dict[int, datetime] = {}
    rows: list[Any] = []
    for state in _LIVE_PROMISES:
        rows += promises.get_all(session=session, owner_id=owner_id, team=team, state=state,
                                 limit=1000)
    rows += promises.get_follow_ups(session=session, state="open", owner_id=owner_id, team=team)
    for row in rows:
        if row.due_at is not None and (row.case_id not in due or row.due_at < due[row.case_id]):
            due[row.case_id] = row.due_at
    items = [_queue_item(c, due.get(c.id), now) for c in found]
    items.sort(key=lambda i: (-_BAND_RANK[i["band"]], due_key(i["due_at"]), -i["heat"]))
    return items


def _queue_item(case: Any, due_at: datetime | None, now: datetime | None) -> dict[str, Any]:
    gauge = Gauge.of(case.temperature)
    tz = case.customer.tz
    overdue = due_at is not None and due_at < (now or utcnow())
    return {
        "id": case.id, "subject": case.subject or f"Case {case.id}", "customer": case.customer.name,
        "stage": STAGE_LABELS.get(case.stage, case.stage), "gauge": gauge,
        "band": gauge.band if gauge else "calm", "heat": gauge.value if gauge else 0.0,
        "due_at": due_at, "due": local_time(due_at, tz) if due_at else "",
        "due_relative": relative(due_at, now), "overdue": overdue,
    }


def case_page(request: Request, session: Session, user: User, case_id: int) -> dict[str, Any]:
    """Everything the case page renders (raises 404/403 like the API)."""
    from kettle import analysis

    case = visible_case(session=session, case_id=case_id, user=user)
    tz = case.customer.tz
    now = utcnow()
    messages = messages_of(session, case.id)
    turns = turns_of(messages)
    book = playbook(request)
    track = analysis.track(turns, playbook=book, now=now, tz=tz) if turns else None
    suggestions = analysis.suggest(turns, playbook=book, now=now, tz=tz) if turns else []
    return {
        "case": case, "tz": tz, "case_gauge": Gauge.of(case.temperature),
        "messages": [message_view(m, tz) for m in messages],
        "stage": STAGE_LABELS.get(case.stage, case.stage),
        "next_move": track.next_move if track else "Greet the customer and let them tell it.",
        "risk": round(track.risk * 100) if track else 0,
        "suggestions": [s.to_dict() for s in suggestions],
        **panels(request, session, case, now),
    }


def panels(request: Request, session: Session, case: Any, now: datetime) -> dict[str, Any]:
    """Promises, follow-ups, escalations, concessions, root causes of ``case``."""
    from kettle.cases import concessions, escalations, root_causes
    from kettle.promises import service as promises

    tz = case.customer.tz

    def when(row: Any) -> dict[str, Any]:
        return {"row": row, "due": local_time(row.due_at, tz), "in": relative(row.due_at, now)}

    return {
        "promises": [when(p) for p in promises.get_all(session=session, case_id=case.id)],
        "follow_ups": [when(f) for f in promises.get_follow_ups(session=session, case_id=case.id)],
        "escalations": escalations.get_all(session=session, case_id=case.id),
        "concessions": concessions.get_all(session=session, case_id=case.id),
        "root_causes": root_causes.get_all(session=session, case_id=case.id),
        "proposal": _proposal(request, session, case.id),
    }


def _proposal(request: Request, session: Session, case_id: int) -> Any:
    from kettle.api.routers.concessions import policy_of
    from kettle.cases import concessions

    try:
        return concessions.propose(session=session, case_id=case_id, policy=policy_of(request))
    except KettleError:
        return None  # a tier or severity the policy does not know: no proposal to show


def check_reply(request: Request, session: Session, user: User, case_id: int,
                reply: str) -> dict[str, Any]:
    """The reply coach on a draft, in the case's context, time zone and now."""
    from kettle import analysis

    case = visible_case(session=session, case_id=case_id, user=user)
    tz = case.customer.tz
    now = utcnow()
    turns = turns_of(messages_of(session, case.id))
    review = analysis.check(reply, conversation=turns or None,
                            playbook=playbook(request), now=now, tz=tz)
    result = review.to_dict()
    for item, commitment in zip(result["commitments"], review.commitments, strict=True):
        due = commitment.due
        item["due_local"] = local_time(due, tz) if due else None
        item["due_relative"] = relative(due, now) if due else None
        item["past"] = bool(due and due < now)
    result["tz"] = tz
    return result


def referral_targets(session: Session, user: User, case: Any) -> list[tuple[str, str]]:
    """Where the case can be referred: the team's leads, then the team itself."""
    from kettle.users import service as users

    leads = [u for u in users.get_all(session=session, team=case.team)
             if u.role in ("lead", "admin") and u.active and u.id != user.id]
    targets = [(f"user:{u.id}", f"{u.name} ({u.role})") for u in leads]
    if case.team:
        targets.append((f"team:{case.team}", f"Team {case.team}"))
    return targets
