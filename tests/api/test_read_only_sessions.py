"""Requests that only read never wait for SQLite's write lock (D11), and cannot write."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from kettle.api.app import create_app
from kettle.api.settings import ApiSettings
from kettle.config import Settings
from kettle.db import session_factory, upgrade
from kettle.users import service as users
from kettle.users.models import User
from kettle.users.schemas import UserCreate


def _token(url: str) -> str:
    with session_factory(url)() as session:
        user = users.create(session=session, user_in=UserCreate(name="Ana", role="agent"))
        return users.issue_token(session=session, user_id=user.id)


def test_analyze_answers_while_another_process_holds_the_write_lock(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite"
    url = f"sqlite:///{path}"
    upgrade(url)
    token = _token(url)
    app = create_app(Settings(), ApiSettings(database_url=url))
    writer = sqlite3.connect(path, isolation_level=None)
    with TestClient(app) as client:
        writer.execute("BEGIN IMMEDIATE")  # a writer in another connection, mid-transaction
        try:
            response = client.post(
                "/analyze/read",
                json={"text": "Where is my refund?!"},
                headers={"Authorization": f"Bearer {token}"},
            )
        finally:
            writer.execute("ROLLBACK")
            writer.close()
    assert response.status_code == 200 and 30 <= response.json()["temperature"] <= 100


def test_read_only_sessions_refuse_to_write_and_read_past_a_writer(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ro.sqlite'}"
    upgrade(url)
    writer_session = session_factory(url)()
    writer_session.execute(text("SELECT 1"))  # an IMMEDIATE transaction: holds the write lock
    reader = session_factory(url, read_only=True)()
    try:
        assert reader.execute(text("SELECT count(*) FROM users")).scalar() == 0
        reader.add(User(name="x", role="agent"))
        with pytest.raises(RuntimeError, match="read-only"):
            reader.flush()
    finally:
        reader.close()
        writer_session.close()
