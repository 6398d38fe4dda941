"""An agent's check-back after the case is resolved moves it to ``followed_up``.

The wordings were written for this test before the rules were looked at again
(2026-12-07): check-backs a support agent sends a day after a fix, and, as
negatives, other agent turns sent after a resolution that check nothing.
"""

from __future__ import annotations

import pytest

from kettle.analysis import track

_RESOLVED = [
    {"role": "customer", "text": "My washing machine has been broken for a week and the "
                                 "engineer never came. I'm fed up."},
    {"role": "agent", "text": "I'm so sorry, a week without a washing machine is awful. I've "
                              "booked an engineer for tomorrow between 8am and 12pm."},
    {"role": "customer", "text": "OK, thank you."},
    {"role": "customer", "text": "The engineer came and the machine works now. Thanks for "
                                 "sorting it."},
]

CHECK_BACKS = [
    "Great to hear! Is everything still working well today?",
    "Hi Sam, just touching base to make sure the machine is behaving.",
    "Good morning, I wanted to make sure the repair has held up.",
    "Hello again! How's the washing machine running since the repair?",
    "Just a quick note to see whether everything is still OK.",
    "Happy to hear that! Let me know if anything else comes up.",
    "Are things working as they should now?",
    "Did the engineer fix everything in the end?",
    "Has everything been okay since the engineer's visit?",
    "Is the machine still running smoothly?",
]

NOT_CHECK_BACKS = [
    "Your reference number is 4412.",
    "I have closed the ticket.",
    "The invoice will be e-mailed to you.",
    "Is your phone number still 07700 900123?",
]


def _after(agent_text: str) -> str:
    conversation = [*_RESOLVED, {"role": "agent", "text": agent_text}]
    return track(conversation).stage


def test_the_conversation_is_resolved_before_the_agent_writes_again() -> None:
    assert track(_RESOLVED).stage == "resolved"


@pytest.mark.parametrize("text", CHECK_BACKS)
def test_a_check_back_after_the_fix_is_a_follow_up(text: str) -> None:
    assert _after(text) == "followed_up"


@pytest.mark.parametrize("text", NOT_CHECK_BACKS)
def test_a_turn_that_checks_nothing_is_not_a_follow_up(text: str) -> None:
    assert _after(text) == "resolved"


def test_the_same_words_before_the_fix_troubleshoot_and_do_not_follow_up() -> None:
    conversation = [
        {"role": "customer", "text": "My broadband keeps dropping every ten minutes, it's "
                                     "driving me mad."},
        {"role": "agent", "text": "I'm sorry, that sounds really frustrating. Please restart "
                                  "the router and check whether the light is working. Is "
                                  "the router working now?"},
        {"role": "customer", "text": "Yes, it works now, thanks."},
    ]
    assert track(conversation).stage == "resolved"
