"""The `kettle` command end to end, in a real subprocess: output, JSON and errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

KETTLE = str(Path(sys.executable).with_name("kettle"))


def kettle(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [KETTLE, *args], input=stdin, capture_output=True, timeout=120, check=False
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]


def test_read_json_is_a_reading() -> None:
    result = kettle("read", "--json", "This is the THIRD time I'm calling!!! I want a manager.")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert 30 <= data["temperature"] <= 100
    kinds = {s["kind"] for s in data["signals"]}
    assert {"repeat_contact", "manager_demand", "repeated_punctuation"} <= kinds


def test_read_text_output_shows_gauge_and_masks_profanity() -> None:
    result = kettle("read", "--no-color", "This shit service is a joke!!!")
    assert result.returncode == 0, result.stderr
    assert "°C" in result.stdout
    assert "shit" not in result.stdout


def test_check_flags_doubt_with_rewrite() -> None:
    result = kettle("check", "--json", "Are you sure that's what happened?")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    names = [f["name"] for f in data["anti_patterns"]]
    assert "doubt" in names
    assert all(f["rewrite"] for f in data["anti_patterns"])
    assert data["verdict"] == "dont_send"


def test_check_says_it_has_not_judged_a_reply_in_another_language() -> None:
    reply = "Lo siento mucho por las molestias, le enviaremos un reembolso mañana."
    data = json.loads(kettle("check", "--json", reply).stdout)
    assert data["english"] is False and data["verdict"] == "not_checked"
    shown = kettle("check", "--no-color", reply)
    assert shown.returncode == 0, shown.stderr
    assert "not checked" in shown.stdout and "English only" in shown.stdout


def test_check_resolves_promise_in_zone(tmp_path: Path) -> None:
    result = kettle(
        "check", "--json", "--tz", "Europe/Berlin", "--now", "2026-03-02T10:15:00+01:00",
        "I'm sorry about this. I'll call you back by 5 pm today.",
    )
    assert result.returncode == 0, result.stderr
    promises = json.loads(result.stdout)["commitments"]
    assert promises and promises[0]["due"] == "2026-03-02T17:00:00+01:00"


def test_check_with_context_file(tmp_path: Path) -> None:
    context = tmp_path / "ctx.json"
    context.write_text(json.dumps([
        {"role": "customer", "text": "WHERE IS MY ORDER?! This is the third time I'm writing!!!"},
    ]), encoding="utf-8")
    result = kettle("check", "--json", "--context", str(context),
                    "Please send me your order number.")
    assert result.returncode == 0, result.stderr
    names = [f["name"] for f in json.loads(result.stdout)["anti_patterns"]]
    assert "premature_info_request" in names


def test_analyze_sample_and_file(tmp_path: Path) -> None:
    result = kettle("analyze", "--sample", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["track"]["stage"] in {"resolved", "followed_up"}
    assert len(data["track"]["temperatures"]) == 5
    conv = tmp_path / "conv.jsonl"
    conv.write_text(
        '{"role": "customer", "text": "My refund never arrived."}\n'
        '{"role": "agent", "text": "I am sorry. I will check it and email you by noon."}\n',
        encoding="utf-8",
    )
    result = kettle("analyze", "--json", "--tz", "UTC", str(conv))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["track"]["open_promises"]


def test_analyze_text_output_for_every_sample() -> None:
    for name in ("movers", "courier", "shoe_return"):
        result = kettle("analyze", "--no-color", "--sample", name)
        assert result.returncode == 0, result.stderr
        assert "next move:" in result.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "fragment"),
    [
        (("read", ""), None, "empty"),
        (("read", "-"), b"x" * 1_000_000, "limit"),
        (("read", "-"), b"caf\xe9 \xff", "not UTF-8"),
        (("check", "--tz", "Mars/Phobos", "I'll call you tomorrow."), None, "Mars/Phobos"),
        (("check", "--now", "teatime", "I'll call you tomorrow."), None, "ISO 8601"),
        (("analyze", "--sample", "nope"), None, "valid choices"),
        (("eval", "temperature"), None, "--data"),
        (("eval", "bogus", "--data", "x"), None, "invalid choice"),
    ],
)
def test_bad_input_is_one_line_and_non_zero(
    args: tuple[str, ...], stdin: bytes | None, fragment: str
) -> None:
    assert_one_line_error(kettle(*args, stdin=stdin), fragment)


def test_bad_files_are_one_line_and_non_zero(tmp_path: Path) -> None:
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'[{"role": "customer", "text": "caf\xe9"}]')
    assert_one_line_error(kettle("analyze", str(latin)), "not UTF-8")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"role": "customer", "text": "hi"}\n{"role": \n', encoding="utf-8")
    assert_one_line_error(kettle("analyze", str(broken)), ":2: malformed JSON")
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text('{"role": "robot", "text": "hi"}\n', encoding="utf-8")
    assert_one_line_error(kettle("analyze", str(wrong)), "robot")
    assert_one_line_error(kettle("check", "--context", str(latin), "hello"), "not UTF-8")
    assert_one_line_error(kettle("analyze", str(tmp_path / "missing.json")), "not found")
    bad_eval = tmp_path / "bad_eval.jsonl"
    bad_eval.write_text('{"id": 1, "text": "x"}\n{oops}\n', encoding="utf-8")
    assert_one_line_error(
        kettle("eval", "temperature", "--data", str(bad_eval)), ":2: malformed JSON"
    )
    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps([{"role": "customer", "text": "a" * 1_000_000}]), encoding="utf-8")
    assert_one_line_error(kettle("analyze", str(huge)), "limit")


def test_version() -> None:
    result = kettle("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == "0.1.0"


def test_read_accurate_tier() -> None:
    result = kettle("read", "--json", "--tier", "accurate",
                    "You charged me twice and nobody answers. I am furious.")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["hot"] > 0.5 and data["temperature"] > 60
    assert max(data["emotions"], key=data["emotions"].get) in ("anger", "frustration")


def test_files_saved_with_a_byte_order_mark_are_read(tmp_path: Path) -> None:
    bom = b"\xef\xbb\xbf"
    whole = tmp_path / "notepad.json"
    whole.write_bytes(bom + b'[{"role": "customer", "text": "Third time I am calling!"}]')
    result = kettle("analyze", str(whole), "--json")
    assert result.returncode == 0, result.stderr
    assert "repeat_contact" in result.stdout
    lines = tmp_path / "excel.jsonl"
    lines.write_bytes(bom + b'{"role": "customer", "text": "hi"}\n'
                      b'{"role": "agent", "text": "Hello!"}\n')
    assert kettle("analyze", str(lines)).returncode == 0
    context = tmp_path / "context.json"
    context.write_bytes(bom + b'[{"role": "customer", "text": "Where is my parcel?"}]')
    assert kettle("check", "--context", str(context), "Let me check.").returncode == 0


def test_a_conversation_without_turns_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    assert_one_line_error(kettle("analyze", str(empty)), "has no turns")
    archive = tmp_path / "archive.jsonl"
    archive.write_text('{"id": "a", "turns": [{"role": "customer", "text": "hi"}]}\n'
                       '{"id": "b", "turns": []}\n', encoding="utf-8")
    assert_one_line_error(kettle("analyze", str(archive)), "archive.jsonl:2: the conversation "
                                                            "has no turns")
