"""Seed a database for ``kettle demo``: demo users, the method's stories, STC-3 dialogues.

Everything goes through the services (users, cases, ingest, concessions,
escalations, root causes), so the demo shows exactly what production would
store: temperatures, stages, promises with due times, follow-ups. Timestamps
are placed just before ``now`` so the queue, the clocks and the dashboard look
live. The STC-3 DCH-1 dialogues (CC BY 4.0) ship in
``kettle/samples/stc3_demo.jsonl`` (see ``scripts/curate_stc3_demo.py``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from importlib import resources
from typing import Any

from sqlalchemy.orm import Session

from kettle.db.base import utcnow

TEAM = "support"
#: (name, role, e-mail) of the demo users; the first agent owns the stories.
USERS: tuple[tuple[str, str, str], ...] = (
    ("Alex Rivera", "agent", "alex@example.com"),
    ("Sam Okafor", "agent", "sam@example.com"),
    ("Morgan Lee", "lead", "morgan@example.com"),
)
#: Root-cause categories by keyword in the first customer message (first match wins).
CATEGORIES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("billing", ("bill", "fee", "charge", "pay", "yuan", "deduct"),
     "tariff changes are not explained before they are charged"),
    ("network", ("signal", "internet", "network", "3g", "4g", "traffic", "broadband"),
     "outage information does not reach the helpdesk"),
    ("orders", ("order", "deliver", "parcel", "refund", "return"),
     "order status is not visible to the customer"),
    ("staff", ("staff", "attitude", "arrogant", "rude", "service hall", "business hall"),
     "front-desk staff lack authority to fix simple problems"),
    ("product quality", ("phone", "screen", "battery", "broken", "version", "app"),
     "known defects are not published with a workaround"),
)


@dataclass
class Seeded:
    """What :func:`seed` created: users with their tokens, cases by kind."""

    users: dict[str, Any] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    stories: dict[str, int] = field(default_factory=dict)
    dialogues: list[int] = field(default_factory=list)


def stc3_dialogues() -> list[dict[str, Any]]:
    """The curated STC-3 DCH-1 dialogues shipped with Kettle (CC BY 4.0)."""
    text = (resources.files("kettle.samples") / "stc3_demo.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def seed(session: Session, now: datetime | None = None) -> Seeded:
    """Fill an empty, migrated database with the demo; returns what was created."""
    when = now or utcnow()
    done = Seeded()
    _users(session, done)
    _stories(session, done, when)
    _dialogues(session, done, when)
    _aftercare(session, done, when)
    from kettle.promises import scheduled

    scheduled.mark_late(session=session, now=when)
    session.commit()
    return done


def _users(session: Session, done: Seeded) -> None:
    from kettle.users import service as users
    from kettle.users.schemas import UserCreate

    for name, role, email in USERS:
        user = users.create(session=session, user_in=UserCreate(
            name=name, role=role, team=TEAM, email=email))  # type: ignore[arg-type]
        done.users[role if role not in done.users else f"{role}2"] = user
        done.tokens[name] = users.issue_token(session=session, user_id=user.id)


def _open_case(session: Session, owner: Any, *, customer: str, tz: str, subject: str,
               severity: str = "medium", tier: str = "standard", channel: str = "chat",
               external_id: str | None = None) -> int:
    from kettle.cases import service as cases
    from kettle.cases.schemas import CaseCreate, CustomerIn

    case = cases.create(session=session, case_in=CaseCreate(
        customer=CustomerIn(name=customer, tz=tz, value_tier=tier), subject=subject,
        owner_id=owner.id, severity=severity, channel=channel,  # type: ignore[arg-type]
        external_id=external_id), actor_id=owner.id)
    return case.id


def _ingest(session: Session, case_id: int, turns: list[dict[str, Any]], last_at: datetime,
            gap: timedelta = timedelta(minutes=2)) -> None:
    """Ingest ``turns`` in order, the last one at ``last_at``, ``gap`` apart."""
    from kettle.cases import service as cases

    for i, turn in enumerate(turns):
        sent = last_at - gap * (len(turns) - 1 - i)
        cases.ingest_message(session=session, case_id=case_id, role=turn["role"],
                             text=turn["text"], sent_at=sent, now=sent)


def _stories(session: Session, done: Seeded, now: datetime) -> None:
    """The method's stories: one boiling, one mid-way, one carried through to the end."""
    from kettle import samples

    alex = done.users["agent"]
    plan = (  # (sample, turns to ingest, last message this long ago, severity)
        ("shoe_return", None, timedelta(minutes=4), "high"),
        ("courier", 3, timedelta(minutes=12), "high"),
        ("movers", None, timedelta(days=1, hours=2), "medium"),
    )
    customers = {"shoe_return": "Jordan Blake", "courier": "Priya Natarajan",
                 "movers": "Chris Walker"}
    for name, upto, ago, severity in plan:
        story = samples.load(name)
        case_id = _open_case(session, alex, customer=customers[name], tz=story["tz"],
                             subject=story["title"], severity=severity,
                             external_id=f"demo-{name}")
        _ingest(session, case_id, story["turns"][:upto], now - ago)
        done.stories[name] = case_id


def _dialogues(session: Session, done: Seeded, now: datetime) -> None:
    """STC-3 helpdesk dialogues, alternately owned by the two agents, a few minutes apart."""
    owners = (done.users["agent"], done.users["agent2"])
    for i, dialogue in enumerate(stc3_dialogues()):
        first = dialogue["turns"][0]["text"]
        case_id = _open_case(session, owners[i % 2], customer=f"Weibo customer {i + 1}",
                             tz="Asia/Shanghai", subject=_subject(first), channel="social",
                             external_id=dialogue["id"])
        _ingest(session, case_id, dialogue["turns"], now - timedelta(minutes=7 + 23 * i))
        done.dialogues.append(case_id)


_NOISE = re.compile(
    r"【[^】]*】|#[^#]*#|@\s?(?:[\w.]+\s){0,6}?(?:Customer Service(?: Center)?|Official)"
    r"(?:\s(?:in|of)\s\w+)?|@\s?\S+"
)


def _subject(text: str, limit: int = 60) -> str:
    """A short subject line from the first message (mentions and hashtags dropped)."""
    clean = " ".join(_NOISE.sub(" ", text).split()).lstrip(",.:;!? ") or text
    return clean if len(clean) <= limit else clean[: limit - 1].rsplit(" ", 1)[0] + "…"


def category_of(text: str) -> tuple[str, str]:
    """The root-cause category and a typical underlying cause for a complaint."""
    lower = text.lower()
    for name, words, underlying in CATEGORIES:
        if any(w in lower for w in words):
            return name, underlying
    return "process", "the complaint channel has no owner for follow-ups"


PROMISE_REPLY = ("I'm sorry about all of this. I will check it with the team in charge and "
                 "get back to you within 1 hour.")


def _aftercare(session: Session, done: Seeded, now: datetime) -> None:
    """Escalations, promises, root causes, resolutions, concessions and ratings."""
    from kettle.cases import escalations
    from kettle.cases.schemas import EscalationCreate

    lead, alex = done.users["lead"], done.users["agent"]
    escalations.create(session=session, case_id=done.stories["courier"], actor_id=alex.id,
                       escalation_in=EscalationCreate(
                           to_user_id=lead.id,
                           reason="Customer asked for a manager; express parcel missed a meeting"))
    _late_promises(session, done, now)
    for case_id in [done.stories["movers"], *done.dialogues[::2]]:
        _root_cause(session, case_id, alex.id)
    resolved = [done.stories["movers"], *done.dialogues[-8:]]
    for i, case_id in enumerate(resolved):
        _resolve(session, case_id, alex.id, score=(5, 4, 2, 5, 3, 4, 1, 5, 4)[i % 9],
                 concession=i % 3 == 0, now=now - timedelta(hours=6 - i % 4))


def _late_promises(session: Session, done: Seeded, now: datetime) -> None:
    """Replies with a one-hour promise on older dialogues: some kept, some now overdue."""
    from kettle.cases import service as cases
    from kettle.promises import service as promises

    for n, case_id in enumerate(done.dialogues[8:20:3]):
        last = cases.get_messages(session=session, case_id=case_id)[-1].sent_at
        message = cases.ingest_message(session=session, case_id=case_id, role="agent",
                                       text=PROMISE_REPLY, sent_at=last + timedelta(minutes=3),
                                       now=last + timedelta(minutes=3))
        if n % 2:
            for promise in promises.get_all(session=session, case_id=case_id, state="open"):
                if promise.message_id == message.id:
                    promises.set_state(session=session, promise_id=promise.id, state="kept")


def _root_cause(session: Session, case_id: int, actor_id: int) -> None:
    from kettle.cases import root_causes
    from kettle.cases import service as cases
    from kettle.cases.schemas import RootCauseCreate

    case = cases.get(session=session, case_id=case_id)
    first = next(m.text for m in case.messages if m.role == "customer")
    category, underlying = category_of(first)
    root_causes.create(session=session, case_id=case_id, actor_id=actor_id,
                       root_cause_in=RootCauseCreate(category=category, surface=case.subject,
                                                     underlying=underlying))


def _resolve(session: Session, case_id: int, actor_id: int, *, score: int, concession: bool,
             now: datetime) -> None:
    from kettle.cases import concessions
    from kettle.cases import service as cases
    from kettle.cases.schemas import ConcessionCreate

    if concession:
        offer = concessions.propose(session=session, case_id=case_id)
        concessions.create(session=session, case_id=case_id, actor_id=actor_id,
                           concession_in=ConcessionCreate(kind="credit", value=offer.proposed,
                                                          description=offer.text))
    case = cases.get(session=session, case_id=case_id)
    if case.stage not in ("resolved", "followed_up", "closed"):
        cases.resolve(session=session, case_id=case_id, actor_id=actor_id, now=now,
                      resolution="Fixed and confirmed with the customer.")
    cases.record_satisfaction(session=session, case_id=case_id, score=score, actor_id=actor_id,
                              now=now + timedelta(hours=1))
