"""`kettle demo`: the shipped sample data, the seeding, and the command's errors."""

from __future__ import annotations

import json
import socket
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from kettle.cli.main import main
from tests.api.live import free_port


def test_stc3_subset_ships_with_attribution() -> None:
    from kettle.web.demo_data import stc3_dialogues

    dialogues = stc3_dialogues()
    assert 20 <= len(dialogues) <= 40
    for dialogue in dialogues:
        assert "CC BY 4.0" in dialogue["licence"] and "STC-3" in dialogue["licence"]
        assert dialogue["turns"][-1]["role"] == "customer"
        assert all(t["text"].strip() for t in dialogue["turns"])
    raw = (resources.files("kettle.samples") / "stc3_demo.jsonl").read_text(encoding="utf-8")
    assert len(raw.splitlines()) == len(dialogues)


def test_stc3_subset_comes_from_the_shared_set(shared_data: Path) -> None:
    from kettle.web.demo_data import stc3_dialogues

    source = shared_data / "eval" / "conversations" / "stc3_dch1.jsonl"
    ids = {f"stc3-{json.loads(line)['id']}" for line in source.open(encoding="utf-8")}
    assert {d["id"] for d in stc3_dialogues()} <= ids


def test_seed_creates_users_a_hot_case_and_live_work(session: Session, seeded: Any) -> None:
    from kettle.cases import service as cases
    from kettle.promises import service as promises

    assert {u.role for u in seeded.users.values()} == {"agent", "lead"}
    hot = cases.get(session=session, case_id=seeded.stories["shoe_return"])
    assert hot.temperature is not None and hot.temperature >= 85
    assert hot.customer.tz == "America/New_York"
    assert len(seeded.dialogues) == 32
    assert promises.list_overdue(session=session)  # the dashboard has something to show
    states = {p.state for p in promises.get_all(session=session, limit=1000)}
    assert {"open", "kept", "late"} <= states


def test_demo_refuses_a_busy_port(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = main(["demo", "--no-browser", "--port", str(port)])
    assert code != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"127.0.0.1:{port}" in err


def test_demo_refuses_an_existing_database(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    existing = tmp_path / "taken.sqlite"
    existing.write_bytes(b"")
    code = main(["demo", "--no-browser", "--port", "0", "--database", str(existing)])
    assert code != 0
    assert "port 0 is out of range" in capsys.readouterr().err
    code = main(["demo", "--no-browser", "--port", str(free_port()), "--database",
                 str(existing)])
    assert code != 0
    assert "already exists" in capsys.readouterr().err
