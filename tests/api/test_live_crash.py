"""Crash test against a real `kettle serve`: kill -9 during a burst of ingests.

Every message the server acknowledged (201, or 200 on a replay) must be stored
exactly once after a restart and a re-send of everything not acknowledged.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.api.live import LiveServer, create_user

CASES = 6
PER_CASE = 12
KILL_AFTER = 20


def _send(client: httpx.Client, case_id: int, key: str, n: int) -> dict[str, Any] | None:
    body = {"role": "customer", "text": f"Message {n}: where is my parcel?! I have waited "
            "all week and nobody calls me back."}
    try:
        r = client.post(f"/cases/{case_id}/messages", json=body,
                        headers={"Idempotency-Key": key})
    except httpx.HTTPError:
        return None
    if r.status_code in (200, 201):
        result: dict[str, Any] = r.json()
        return result
    return None


@pytest.mark.slow
def test_kill_9_during_ingest_loses_and_duplicates_nothing(live_url: str, tmp_path: Path) -> None:
    _, token = create_user(live_url, "agent", "Ana")
    server = LiveServer(live_url, tmp_path / "server.log").start()
    try:
        with server.client(token) as client:
            case_ids = [client.post("/cases", json={"customer": {"name": f"C{i}"}}).json()["id"]
                        for i in range(CASES)]
        jobs = [(case_ids[i % CASES], f"crash-{i}", i) for i in range(CASES * PER_CASE)]
        acked: dict[str, int] = {}
        lock = threading.Lock()

        def one(job: tuple[int, str, int], client: httpx.Client) -> None:
            result = _send(client, *job)
            if result is None:
                return
            with lock:
                acked[job[1]] = result["id"]
                if len(acked) == KILL_AFTER:
                    server.kill()

        with server.client(token) as client, ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda job: one(job, client), jobs))
        log = (tmp_path / "server.log").read_text()[-1500:]
        assert KILL_AFTER <= len(acked) < len(jobs), f"the kill must land mid-burst: {log}"
        assert server.proc is not None and server.proc.returncode == -9
    finally:
        server.stop()

    restarted = LiveServer(live_url, tmp_path / "server2.log").start()
    try:
        with restarted.client(token) as client:
            for case_id, key, n in jobs:
                result = None
                for _ in range(3):  # a client re-sends until it gets an acknowledgement
                    result = result or _send(client, case_id, key, n)
                log = (tmp_path / "server2.log").read_text()[-1500:]
                assert result is not None, f"re-send of {key} failed: {log}"
                if key in acked:
                    assert result["id"] == acked[key], f"{key} was stored again"
                acked[key] = result["id"]
    finally:
        restarted.stop()

    engine = create_engine(live_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT idempotency_key, COUNT(*) FROM messages "
                "WHERE idempotency_key LIKE 'crash-%' GROUP BY idempotency_key")).all()
            ids = dict(conn.execute(text(
                "SELECT idempotency_key, id FROM messages WHERE idempotency_key LIKE 'crash-%'"
            )).all())
    finally:
        engine.dispose()
    assert {key: count for key, count in rows} == {key: 1 for _, key, _ in jobs}
    assert ids == acked
