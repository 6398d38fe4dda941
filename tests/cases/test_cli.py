"""The workflow commands, end to end on a SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kettle.cli.main import main

DATA = Path(__file__).parent / "data" / "conversations.jsonl"


@pytest.fixture()
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite'}"


def test_upgrade_import_list_show_due_worker(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade", "--url", url]) == 0
    assert main(["import", str(DATA), "--tz", "Europe/Berlin", "--url", url]) == 0
    assert "cases: 2 new" in capsys.readouterr().out
    assert main(["import", str(DATA), "--url", url]) == 0
    assert "cases: 0 new, 2 already there; messages: 0 new, 4 already there" in (
        capsys.readouterr().out
    )
    assert main(["cases", "list", "--json", "--url", url]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["id"] for r in rows) == [1, 2]
    assert main(["cases", "show", "1", "--url", url]) == 0
    shown = capsys.readouterr().out
    assert "two weeks late" in shown and "promise #" in shown
    assert main(["promises", "due", "--url", url]) == 0
    assert "overdue:" in capsys.readouterr().out
    assert main(["worker", "--once", "--print", "--url", url]) == 0
    printed = [
        json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")
    ]
    assert any(p["event"].startswith("promise.") for p in printed)


def test_import_error_names_line_and_field(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["db", "upgrade", "--url", url])
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "a", "turns": [{"role": "customer", "text": "hi"}]}\n'
        '{"id": "b", "turns": [{"role": "customer"}]}\n',
        encoding="utf-8",
    )
    assert main(["import", str(bad), "--url", url]) == 2
    err = capsys.readouterr().err
    assert "line 2" in err and "turns[0].text" in err


def test_worker_without_notifier_is_refused(
    url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("KETTLE_WEBHOOK_URL", "KETTLE_SMTP_HOST"):
        monkeypatch.delenv(name, raising=False)
    main(["db", "upgrade", "--url", url])
    assert main(["worker", "--once", "--url", url]) == 2
    assert "no notifier configured" in capsys.readouterr().err


def test_unknown_case_is_one_line_error(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["db", "upgrade", "--url", url])
    assert main(["cases", "show", "99", "--url", url]) == 2
    assert "E601" in capsys.readouterr().err


def test_unmigrated_database_says_to_upgrade(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cases", "list", "--url", url]) == 3
    err = capsys.readouterr().err
    assert "E606" in err and "kettle db upgrade" in err


def test_import_uses_each_conversations_own_time_zone(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "zoned.jsonl"
    data.write_text(json.dumps({"id": "z1", "tz": "America/Chicago", "turns": [
        {"role": "customer", "text": "The movers are late!",
         "sent_at": "2026-03-02T11:02:00-06:00"},
        {"role": "agent", "text": "I'm sorry. I will call you back by 5 pm today.",
         "sent_at": "2026-03-02T11:05:00-06:00"},
    ]}) + "\n", encoding="utf-8")
    assert main(["db", "upgrade", "--url", url]) == 0
    assert main(["import", str(data), "--tz", "Europe/Berlin", "--url", url]) == 0
    capsys.readouterr()
    assert main(["cases", "show", "1", "--url", url]) == 0
    shown = capsys.readouterr().out
    # 5 pm in Chicago on 2 March is 23:00 UTC: the row's zone wins over --tz.
    assert "2026-03-02T23:00:00" in shown or "2026-03-02T17:00:00-06:00" in shown, shown
    bad = tmp_path / "badzone.jsonl"
    bad.write_text(json.dumps({"id": "z2", "tz": "Mars/Phobos", "turns": [
        {"role": "customer", "text": "hi"}]}) + "\n", encoding="utf-8")
    assert main(["import", str(bad), "--url", url]) == 2
    assert "line 1: unknown time zone 'Mars/Phobos'" in capsys.readouterr().err


def test_promises_failed_lists_and_requeues(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime

    from kettle.cases.models import Case, Customer
    from kettle.db import session_factory
    from kettle.promises import claims
    from kettle.promises.models import Promise

    main(["db", "upgrade", "--url", url])
    now = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
    with session_factory(url)() as session:
        case = Case(customer=Customer(name="C", tz="UTC"), subject="s", stage="in_progress")
        session.add(case)
        session.flush()
        session.add(Promise(case_id=case.id, action="call back", due_at=now))
        session.commit()
        policy = claims.Policy(max_attempts=1)
        [row] = claims.claim_promise_reminders(session=session, now=now, policy=policy).rows
        token = row.claimed_by or ""
        error = "webhook: not delivered (mail carla@example.com)"
        outcome = claims.release(
            session=session, row=row, token=token, now=now, error=error, policy=policy
        )
        assert outcome == "failed"
    assert main(["promises", "failed", "--url", url]) == 0
    out = capsys.readouterr().out
    assert "failed reminders: 1" in out and f"promise #{row.id}" in out and "attempts 1" in out
    assert "[email]" in out and "carla@" not in out  # redacted
    assert main(["promises", "failed", "--retry", "--url", url]) == 0
    assert "queued again: 1" in capsys.readouterr().out
    assert main(["promises", "failed", "--url", url]) == 0
    assert "failed reminders: 0" in capsys.readouterr().out
    with session_factory(url)() as session:
        again = session.get(Promise, row.id)
        assert again is not None and again.attempts == 0 and again.failed_at is None
