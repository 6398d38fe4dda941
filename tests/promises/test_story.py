"""A story of the method through the services and the worker, every step asserted."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from kettle.cases import service as cases
from kettle.cases.schemas import CaseCreate, CustomerIn
from kettle.cases.settings import WorkflowSettings
from kettle.db import session_factory
from kettle.notify.base import DeliveryLog
from kettle.notify.webhooks import WebhookNotifier
from kettle.promises import service as promises
from kettle.promises import worker
from tests.notify.servers import webhook_receiver

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # 10:00 in Berlin
CONF = WorkflowSettings(
    reminder_lead_minutes=30, satisfaction_delay_hours=1, progress_every_hours=48
)


def test_vent_promise_remind_keep_resolve_check(fresh_url: str) -> None:
    sessions = session_factory(fresh_url)
    with sessions() as s, webhook_receiver() as (hook, got):
        notifier = WebhookNotifier(hook, secret="k", log=DeliveryLog(sessions))

        def tick(at: datetime) -> list[dict[str, object]]:
            before = len(got.bodies)
            s.commit()  # like an API request, end the transaction before the worker runs
            worker.run_once(sessions=sessions, notifiers=[notifier], settings=CONF, now=at)
            return [json.loads(b) for b in got.bodies[before:]]

        case = cases.create(
            session=s,
            case_in=CaseCreate(
                customer=CustomerIn(name="Carla", tz="Europe/Berlin"), subject="Leaking kettle"
            ),
        )
        cases.ingest_message(
            session=s,
            case_id=case.id,
            role="customer",
            sent_at=T0,
            settings=CONF,
            text="Third week and it still leaks!!! Nobody ever calls me back. Unbelievable.",
        )
        assert cases.get(session=s, case_id=case.id).stage == "venting"
        cases.ingest_message(
            session=s,
            case_id=case.id,
            role="agent",
            settings=CONF,
            sent_at=T0 + timedelta(minutes=3),
            text="I'm so sorry, three weeks of a leaking kettle is really "
            "frustrating. I will call you back by 5 pm today.",
        )
        stage = cases.get(session=s, case_id=case.id).stage
        assert stage not in ("new", "venting")
        [promise] = promises.get_all(session=s, case_id=case.id)
        assert promise.due_at == datetime(2026, 3, 2, 16, 0, tzinfo=UTC)

        # Progress update is due before the promise (16:00 UTC - 60 min).
        notes = tick(datetime(2026, 3, 2, 15, 0, tzinfo=UTC))
        assert [n["event"] for n in notes] == ["follow_up.due"]
        assert tick(datetime(2026, 3, 2, 15, 10, tzinfo=UTC)) == []  # not yet within 30 min
        notes = tick(datetime(2026, 3, 2, 15, 31, tzinfo=UTC))
        assert [(n["event"], n["entity_id"]) for n in notes] == [("promise.due", promise.id)]
        assert tick(datetime(2026, 3, 2, 15, 45, tzinfo=UTC)) == []  # exactly once

        cases.ingest_message(
            session=s,
            case_id=case.id,
            role="agent",
            settings=CONF,
            sent_at=datetime(2026, 3, 2, 15, 50, tzinfo=UTC),
            text="As promised I'm calling you back: a new kettle ships today.",
        )
        assert promises.get(session=s, promise_id=promise.id).state == "kept"
        resolved_at = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
        cases.resolve(
            session=s,
            case_id=case.id,
            resolution="replacement shipped",
            settings=CONF,
            now=resolved_at,
        )
        notes = tick(resolved_at + timedelta(hours=1))
        assert [
            (n["event"], n["follow_up"]["kind"])
            for n in notes  # type: ignore[index]
        ] == [("follow_up.due", "satisfaction")]
        final = cases.record_satisfaction(
            session=s, case_id=case.id, score=5, settings=CONF, now=resolved_at + timedelta(hours=2)
        )
        assert final.stage == "followed_up"
