"""Importers: every sample file reads into Kettle conversations with the right roles,
internal notes are skipped, and bad input names the line and the field."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kettle.integrations.importers import FORMATS, ImportFileError, detect, read

SAMPLES = Path(__file__).resolve().parents[2] / "src/kettle/integrations/importers/samples"
BY_FORMAT = {
    "kettle-jsonl": "kettle.jsonl", "kettle-csv": "kettle.csv", "zendesk": "zendesk.jsonl",
    "freshdesk": "freshdesk.jsonl", "zammad": "zammad.jsonl", "chatwoot": "chatwoot.jsonl",
    "twitter-csv": "twitter.csv",
}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_has_a_sample_that_is_detected_and_read(name: str) -> None:
    path = SAMPLES / BY_FORMAT[name]
    assert detect(path) == name
    convs = list(read(path))
    assert convs
    for conv in convs:
        assert conv.turns[0]["role"] == "customer"
        assert any(t["role"] == "agent" for t in conv.turns)
        assert all(t["text"].strip() for t in conv.turns)
        json.dumps(conv.to_dict())


def test_internal_notes_are_skipped_and_html_is_text() -> None:
    zendesk = next(read(SAMPLES / "zendesk.jsonl"))
    assert not any("Internal" in t["text"] for t in zendesk.turns)
    zammad = next(read(SAMPLES / "zammad.jsonl"))
    assert zammad.turns[-1]["text"] == (
        "I'm sorry for the trouble.\nI will send you a corrected invoice by noon tomorrow.")
    chatwoot = next(read(SAMPLES / "chatwoot.jsonl"))
    assert [t["role"] for t in chatwoot.turns] == ["customer", "agent"]
    assert chatwoot.agent == "Chloe"
    assert chatwoot.turns[0]["sent_at"].startswith("2026-")


def test_twitter_threads_are_rebuilt_in_order_even_when_replies_come_first(
    tmp_path: Path,
) -> None:
    lines = (SAMPLES / "twitter.csv").read_text().splitlines()
    header, body = lines[0], lines[1:]
    shuffled = tmp_path / "t.csv"
    shuffled.write_text("\n".join([header, *reversed(body)]) + "\n")
    threads = {c.id: c for c in read(shuffled)}
    assert set(threads) == {"119237", "200001"}
    apple = threads["119237"]
    assert [t["role"] for t in apple.turns] == ["customer", "agent", "customer"]
    assert apple.turns[0]["text"].startswith("@AppleSupport my phone")
    assert apple.agent == "AppleSupport"


def test_errors_name_the_line_and_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "z.jsonl"
    good = (SAMPLES / "zendesk.jsonl").read_text()
    ticket = json.loads(good)
    del ticket["comments"][2]["author_id"]
    bad.write_text(good + json.dumps(ticket) + "\n")
    with pytest.raises(ImportFileError) as err:
        list(read(bad, format="zendesk"))
    assert ":2:" in str(err.value) and err.value.field == "comments[2].author_id"

    csv = tmp_path / "k.csv"
    csv.write_text("conversation_id,role,text\na,customer,hi\nb,customer,yo\na,agent,back\n")
    with pytest.raises(ImportFileError) as err:
        list(read(csv))
    assert ":4:" in str(err.value) and err.value.field == "conversation_id"

    roles = tmp_path / "r.jsonl"
    roles.write_text(json.dumps({"id": 1, "turns": [{"role": "boss", "text": "x"}]}) + "\n")
    with pytest.raises(ImportFileError) as err:
        list(read(roles))
    assert err.value.field == "turns[0].role"


def _freshdesk(ticket: dict[str, Any]) -> None:
    ticket["conversations"][2]["body_text"] = 42


def _zammad(ticket: dict[str, Any]) -> None:
    ticket["articles"][2]["sender"] = "Robot"


def _chatwoot(conv: dict[str, Any]) -> None:
    del conv["messages"][2]["message_type"]


def _chatwoot_time(conv: dict[str, Any]) -> None:
    conv["messages"][0]["created_at"] = "soon"


@pytest.mark.parametrize(("name", "breaks", "field"), [
    ("freshdesk", _freshdesk, "conversations[2].body_text"),
    ("zammad", _zammad, "articles[2].sender"),
    ("chatwoot", _chatwoot, "messages[2].message_type"),
    ("chatwoot", _chatwoot_time, "messages[0].created_at"),
])
def test_json_line_errors_name_the_line_and_the_field(
    tmp_path: Path, name: str, breaks: Callable[[dict[str, Any]], None], field: str
) -> None:
    good = (SAMPLES / BY_FORMAT[name]).read_text()
    record = json.loads(good.splitlines()[0])
    breaks(record)
    bad = tmp_path / BY_FORMAT[name]
    bad.write_text(good + json.dumps(record) + "\n")
    with pytest.raises(ImportFileError) as err:
        list(read(bad, format=name))
    assert f"{bad}:{len(good.splitlines()) + 1}: " in str(err.value)
    assert err.value.field == field and field in err.value.one_line()


@pytest.mark.parametrize(("column", "value"), [
    ("inbound", "maybe"), ("created_at", "last Tuesday"), ("tweet_id", ""),
])
def test_twitter_csv_errors_name_the_line_and_the_field(
    tmp_path: Path, column: str, value: str
) -> None:
    with (SAMPLES / "twitter.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rows[2][column] = value
    bad = tmp_path / "twitter.csv"
    _write_csv(bad, list(rows[0]), rows)
    with pytest.raises(ImportFileError) as err:
        list(read(bad, format="twitter-csv"))
    assert f"{bad}:4: " in str(err.value)  # the header is line 1
    assert err.value.field == column and column in err.value.one_line()


def test_twitter_csv_missing_column_is_named(tmp_path: Path) -> None:
    with (SAMPLES / "twitter.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    columns = [c for c in rows[0] if c != "inbound"]
    bad = tmp_path / "twitter.csv"
    _write_csv(bad, columns, [{c: r[c] for c in columns} for r in rows])
    with pytest.raises(ImportFileError) as err:
        list(read(bad, format="twitter-csv"))
    assert f"{bad}:1: " in str(err.value) and "missing column 'inbound'" in str(err.value)
    assert err.value.field == "inbound"


def _write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def test_unknown_formats_and_files_are_clear_errors(tmp_path: Path) -> None:
    odd = tmp_path / "x.csv"
    odd.write_text("a,b\n1,2\n")
    with pytest.raises(ImportFileError, match="--format"):
        detect(odd)
    with pytest.raises(ImportFileError, match="unknown format"):
        read(odd, format="salesforce")
    with pytest.raises(ImportFileError, match="no such file"):
        detect(tmp_path / "missing.jsonl")


def test_reading_is_lazy(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    row = json.dumps({"id": "x", "turns": [{"role": "customer", "text": "hi"}]})
    big.write_text((row + "\n") * 3 + "{broken\n")
    stream = read(big)
    assert next(stream).id == "x"  # the broken last line is not read yet
    with pytest.raises(ImportFileError, match=":4:"):
        list(stream)
