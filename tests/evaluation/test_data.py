from __future__ import annotations

from pathlib import Path

import pytest

from kettle.errors import DataFileError
from kettle.evaluation.data import iter_jsonl, load_rows


def test_reads_rows_and_skips_blank_lines(tmp_path: Path) -> None:
    f = tmp_path / "t.jsonl"
    f.write_text('{"id": "a", "text": "hi"}\n\n{"id": "b", "text": "yo"}\n', encoding="utf-8")
    assert [n for n, _ in iter_jsonl(f)] == [1, 3]
    assert [r["id"] for r in load_rows(f, "temperature")] == ["a", "b"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"id": "a", "text": "x"}\n{"id": "b", "text": \n', ":2: malformed JSON"),
        (b'{"id": "a", "text": "\xff\xfe"}\n', ":1: not UTF-8"),
        (b'["a list"]\n', ":1: each line must be a JSON object"),
        (b'{"id": "a"}\n', ":1: missing field 'text'"),
        (b"\n\n", "no rows"),
    ],
)
def test_bad_files_name_the_line(tmp_path: Path, content: bytes, message: str) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_bytes(content)
    with pytest.raises(DataFileError) as err:
        load_rows(f, "temperature")
    assert message in str(err.value)


def test_missing_file_and_unknown_kind(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such file"):
        load_rows(tmp_path / "nope.jsonl", "temperature")
    f = tmp_path / "t.jsonl"
    f.write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="valid choices: temperature"):
        load_rows(f, "bogus")
