"""Agents report what was done in many wordings; each one moves the case on.

Written 2026-12-07 by trying a dozen everyday reports on the stage evidence: done by a
third party ("the finance team has now released the refund"), said of the thing
("your replacement was dispatched this morning", "your new card is in the post", "the
refund has gone back to your card"), and in the passive ("your account has been
unlocked"). Questions and mishaps in the same words are not reports.
"""

from __future__ import annotations

import pytest

from kettle.analysis import track
from kettle.analysis.stage_evidence import agent_evidence
from kettle.analysis.types import Turn

REPORTS = [
    "The finance team has now released the refund.",
    "Your replacement was dispatched this morning, tracking number to follow.",
    "Your new card is in the post.",
    "The refund has gone back to your card today.",
    "Your account has been unlocked.",
]
ON_THE_WAY = REPORTS[1:3]

NOT_REPORTS = [
    "Was your parcel dispatched yet?",
    "Your account was locked after three failed attempts.",
    "Is the card in the post yet?",
    "We're looking into it.",
]


@pytest.mark.parametrize("text", REPORTS)
def test_a_report_of_what_was_done_is_an_action(text: str) -> None:
    assert agent_evidence(Turn(role="agent", text=text)).reports_action


@pytest.mark.parametrize("text", ON_THE_WAY)
def test_a_thing_in_the_post_is_on_its_way_not_done(text: str) -> None:
    assert not agent_evidence(Turn(role="agent", text=text)).completes


@pytest.mark.parametrize("text", NOT_REPORTS)
def test_questions_and_mishaps_are_not_reports(text: str) -> None:
    assert not agent_evidence(Turn(role="agent", text=text)).reports_action


def test_the_reported_refund_moves_the_case_into_progress() -> None:
    conversation = [
        {"role": "customer", "text": "My refund still hasn't arrived after three weeks."},
        {"role": "agent", "text": "I'm sorry about that. I'll chase the finance team today."},
        {"role": "agent", "text": "The finance team has now released the refund."},
    ]
    assert track(conversation).stage == "in_progress"
