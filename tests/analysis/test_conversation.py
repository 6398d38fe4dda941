from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kettle.analysis.conversation import as_turns, clean_text, last_customer_turn, parse_time
from kettle.analysis.types import Turn
from kettle.errors import EmptyText, InvalidConversation, InvalidTime, TextTooLong


def test_plain_dicts_and_turns_are_both_accepted() -> None:
    turns = as_turns([
        {"role": "customer", "text": "Where is my parcel?", "sent_at": "2026-03-02T10:15:00Z"},
        Turn(role="agent", text="Let me check."),
    ])
    assert turns[0].sent_at == datetime(2026, 3, 2, 10, 15, tzinfo=UTC)
    assert turns[1].role == "agent"
    assert last_customer_turn(turns) == turns[0]
    assert as_turns(None) == ()


@pytest.mark.parametrize(
    ("conversation", "field"),
    [
        ([{"role": "robot", "text": "x"}], "turns[0].role"),
        ([{"role": "agent"}], "turns[0].text"),
        (["just a string"], "turns[0]"),
        ("a whole string", "conversation"),
        ({"turns": []}, "conversation"),
        ([{"role": "agent", "text": "x", "sent_at": "yesterday"}], "turns[0].sent_at"),
    ],
)
def test_bad_conversations_name_the_field(conversation: object, field: str) -> None:
    with pytest.raises((InvalidConversation, InvalidTime)) as err:
        as_turns(conversation)  # type: ignore[arg-type]
    assert err.value.field == field


def test_clean_text_limits() -> None:
    assert clean_text("hello") == "hello"
    with pytest.raises(EmptyText):
        clean_text("   \n")
    with pytest.raises(TextTooLong, match="1,000,000 characters"):
        clean_text("x" * 1_000_000)
    with pytest.raises(InvalidConversation):
        clean_text(42)


def test_parse_time() -> None:
    assert parse_time(None) is None
    assert parse_time("2026-03-02T10:15:00+01:00") is not None
    with pytest.raises(InvalidTime, match="not an ISO 8601 time"):
        parse_time("5pm")
