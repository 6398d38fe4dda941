"""Importers: every sample file reads into Kettle conversations with the right roles,
internal notes are skipped, and bad input names the line and the field."""

from __future__ import annotations

import json
from pathlib import Path

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
