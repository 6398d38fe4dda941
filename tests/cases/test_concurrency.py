"""Concurrent ingests of the same message store it once (several connections, real commits)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from sqlalchemy import func, select

from kettle.cases import service
from kettle.cases.models import Message
from kettle.cases.schemas import CaseCreate, CustomerIn
from kettle.db import session_factory


def test_parallel_replays_store_one_message(fresh_url: str) -> None:
    sessions = session_factory(fresh_url)
    with sessions() as s:
        case_id = service.create(
            session=s, case_in=CaseCreate(customer=CustomerIn(name="P", tz="UTC"))
        ).id
    ids: list[int] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(6)

    def ingest(n: int) -> None:
        try:
            barrier.wait()
            with sessions() as s:
                msg = service.ingest_message(
                    session=s,
                    case_id=case_id,
                    role="customer",
                    text=f"where is it?! ({n})",
                    sent_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
                    idempotency_key="same",
                )
                ids.append(msg.id)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=ingest, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(set(ids)) == 1 and len(ids) == 6
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Message)) == 1
