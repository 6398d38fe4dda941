"""Tracking and scoring fixes from a blind probe of 40 whole conversations by a QA lead
(2026-12-07, D29): a scornful last turn, booked actions, promises still to come and the
promised call itself."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kettle.analysis import score, track
from kettle.analysis.conversation import as_turns
from kettle.analysis.forecast import SEETHING, boiled_floor
from kettle.analysis.stage_evidence import agent_evidence
from kettle.analysis.stage_promises import open_promises
from kettle.analysis.thermometer import read_many
from kettle.analysis.types import Turn

SARCASTIC_END = [
    {"role": "customer", "text": "My internet has been down for three days. I work from home!"},
    {"role": "agent", "text": "Sorry about that. The team is working on it and we will be in "
                              "touch once we have an update."},
    {"role": "customer", "text": "So I'm supposed to just sit here and wait. Great. Thanks for "
                                 "nothing."},
]


def test_thanks_for_nothing_is_no_thanks_and_a_risk() -> None:
    result = track(SARCASTIC_END)
    assert result.stage == "venting"  # was "resolved": the "thanks" had closed the case
    assert result.risk >= SEETHING


def test_a_plain_thanks_still_resolves() -> None:
    calm = [*SARCASTIC_END[:2], {"role": "customer", "text": "It's back on now, thanks!"}]
    assert track(calm).stage in ("resolved", "followed_up")
    assert track(calm).risk < SEETHING


@pytest.mark.parametrize(("text", "floor"), [
    ("So I'm supposed to just sit here and wait. Great. Thanks for nothing.", SEETHING),
    ("Nobody called back. We're evaluating other vendors.", 0.6),
    ("Thanks for sorting it so quickly.", 0.0),
])
def test_the_last_turn_sets_a_floor(text: str, floor: float) -> None:
    assert boiled_floor(read_many([text])) == floor


@pytest.mark.parametrize("text", [
    "Engineer booked, arrives by 3:15.",
    "I've removed the £135 roaming charges now.",
    "Refund issued.",
])
def test_actions_in_note_form_are_reported(text: str) -> None:
    assert agent_evidence(Turn("agent", text)).reports_action


@pytest.mark.parametrize("text", ["Fixed. I've set it to 10 seats.", "All sorted!"])
def test_fixed_said_first_is_a_resolution(text: str) -> None:
    assert agent_evidence(Turn("agent", text)).claims_resolved


@pytest.mark.parametrize("text", ["Engineer booked?", "I have not set anything up yet.",
                                  "Could you reset it yourself?"])
def test_no_action_reported(text: str) -> None:
    ev = agent_evidence(Turn("agent", text))
    assert not (ev.claims_resolved or ev.reports_action)


def _steps(conv: list[dict[str, object]], now: datetime) -> dict[str, float | None]:
    return {s.step: s.score for s in score(conv, now=now, tz="Europe/London").steps}


def test_a_booked_action_with_its_time_is_a_plan() -> None:
    conv = [{"role": "customer", "text": "No power since 9am. Sort it out."},
            {"role": "agent", "text": "Engineer booked, arrives by 3:15."}]
    assert _steps(conv, datetime(2026, 3, 2, 12, 0, tzinfo=UTC))["plan"] == 1.0


def _callback(last: str) -> list[dict[str, object]]:
    return [
        {"role": "customer", "text": "The power's been off since this morning.",
         "sent_at": "2026-03-02T14:00:00+00:00"},
        {"role": "agent", "text": "I'm sorry. The crew is on it; I'll call you at 3:30 to make "
                                  "sure the power's back.",
         "sent_at": "2026-03-02T14:05:00+00:00"},
        {"role": "agent", "text": last, "sent_at": "2026-03-02T15:30:00+00:00"},
    ]


def test_the_promised_call_keeps_the_promise() -> None:
    conv = _callback("Hi, it's Sam from Power calling back. Is your power back on?")
    assert open_promises(as_turns(conv)) == ()


def test_a_question_alone_keeps_no_callback() -> None:
    conv = _callback("Is there anything else I can help with?")
    assert len(open_promises(as_turns(conv))) == 1


def test_follow_up_waits_for_a_promise_not_yet_due() -> None:
    conv = _callback("")[:2]
    steps = _steps(conv, datetime(2026, 3, 2, 15, 15, tzinfo=UTC))  # the call is due at 15:30
    assert steps["follow_up"] is None
    late = _steps(conv, datetime(2026, 3, 2, 17, 0, tzinfo=UTC))  # now it is overdue
    assert late["follow_up"] == 0.0
