"""`kettle serve` and `kettle users create`: argument errors are one line, exit non-zero."""

from __future__ import annotations

from pathlib import Path

import pytest

from kettle.cli.main import main


def test_serve_rejects_a_bad_port(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "70000"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--port" in err


def test_serve_rejects_zero_workers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--workers", "0"]) == 2
    assert "--workers" in capsys.readouterr().err


def test_users_create_prints_a_working_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kettle.db import session_factory, upgrade
    from kettle.users import service as users

    url = f"sqlite:///{tmp_path / 'k.sqlite'}"
    upgrade(url)
    assert main(["users", "create", "--role", "admin", "--name", "Boss",
                 "--database-url", url]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    sessions = session_factory(url)
    with sessions() as session:
        user = users.get_user_by_token(session=session, token=token)
        assert user is not None and user.role == "admin" and user.name == "Boss"
    sessions.kw["bind"].dispose()


def test_users_create_rejects_an_empty_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'k.sqlite'}"
    assert main(["users", "create", "--name", "", "--database-url", url]) == 2
    assert "--name" in capsys.readouterr().err
