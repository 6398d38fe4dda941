"""The per-step scorecard: each step rewards what the method asks and penalises its
anti-patterns, with evidence that points at the turn and span it comes from."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import kettle
from kettle.analysis.scorecard import METHOD_STEPS, STEP_NAMES, WEIGHTS, overall_of, score
from kettle.analysis.types import Scorecard, StepScore, Turn
from kettle.errors import InvalidConversation, UnknownTimeZone

HOT = "This is the THIRD time I'm writing!!! The truck never showed up and I have an inspection at 1pm. Unbelievable."  # noqa: E501

GOOD = [
    {"role": "customer", "text": HOT, "sent_at": "2026-05-04T09:00:00+00:00"},
    {"role": "agent", "text": "I'm really sorry. It sounds like that was extremely stressful, "
     "because you needed the truck there by 1 pm.", "sent_at": "2026-05-04T09:01:00+00:00"},
    {"role": "customer", "text": "Yes exactly.", "sent_at": "2026-05-04T09:02:00+00:00"},
    {"role": "agent", "text": "I will call the depot now and call you back by 10 am.",
     "sent_at": "2026-05-04T09:03:00+00:00"},
    {"role": "customer", "text": "OK, thanks.", "sent_at": "2026-05-04T09:04:00+00:00"},
    {"role": "agent", "text": "I've spoken with the depot: the truck is on its way. "
     "Is everything OK now? Thank you for your patience.",
     "sent_at": "2026-05-04T09:50:00+00:00"},
]

BAD = [
    {"role": "customer", "text": HOT, "sent_at": "2026-05-04T09:00:00+00:00"},
    {"role": "agent", "text": "Calm down. Can you give me your order number?",
     "sent_at": "2026-05-04T09:01:00+00:00"},
    {"role": "customer", "text": "Are you kidding me? I gave it three times already!!",
     "sent_at": "2026-05-04T09:02:00+00:00"},
    {"role": "agent", "text": "That's strange, that has never happened before. "
     "It's not our policy to send trucks twice. I'll look into it by 11 am.",
     "sent_at": "2026-05-04T09:03:00+00:00"},
    {"role": "customer", "text": "Still nothing. Where is it?",
     "sent_at": "2026-05-04T14:00:00+00:00"},
]


def test_returns_a_scorecard_with_every_step_in_order() -> None:
    card = score(GOOD)
    assert isinstance(card, Scorecard)
    assert tuple(s.step for s in card.steps) == STEP_NAMES
    assert METHOD_STEPS == ("vent", "side", "plan", "action", "follow_up", "promises")
    assert (*METHOD_STEPS, "calm") == STEP_NAMES
    assert all(s.label for s in card.steps)
    assert all(s.score is None or 0.0 <= s.score <= 1.0 for s in card.steps)
    assert 0.0 <= card.overall <= 100.0


def test_a_textbook_conversation_scores_high_and_a_bad_one_low() -> None:
    good, bad = score(GOOD), score(BAD)
    assert good.overall >= 80
    assert bad.overall <= 40
    for name in ("vent", "side", "promises"):
        assert good.step(name).score is not None
        assert bad.step(name).score is not None
        assert good.step(name).score > bad.step(name).score, name  # type: ignore[operator]


def test_vent_penalises_an_information_request_while_hot() -> None:
    step = score(BAD).step("vent")
    assert step.score == 0.0
    bad = [e for e in step.evidence if not e.good]
    assert {e.text for e in bad} >= {"premature_info_request"}
    first = next(e for e in bad if e.text == "premature_info_request")
    assert first.turn == 1 and first.span is not None
    assert BAD[1]["text"][first.span.start : first.span.end] == first.span.text


def test_vent_does_not_apply_when_the_customer_was_never_hot() -> None:
    calm = [
        {"role": "customer", "text": "Hi, could you tell me when my parcel ships?"},
        {"role": "agent", "text": "It ships tomorrow."},
    ]
    assert score(calm).step("vent").score is None


def test_side_rewards_empathy_and_a_feeling_guess_and_names_triggers() -> None:
    good = score(GOOD).step("side")
    assert good.score == 1.0
    assert {e.text for e in good.evidence if e.good} >= {"apology", "reflection"}
    bad = score(BAD).step("side")
    assert bad.score is not None and bad.score < 0.4
    assert {e.text for e in bad.evidence if not e.good} >= {"calm_down", "doubt", "policy_shield"}
    assert any("trigger" in n for n in bad.notes)


def test_plan_needs_a_concrete_time() -> None:
    assert score(GOOD).step("plan").score == 1.0
    vague = [
        {"role": "customer", "text": "My refund never arrived."},
        {"role": "agent", "text": "I'm sorry. I will look into it."},
    ]
    step = score(vague).step("plan")
    assert step.score == 0.5
    assert any(not e.good for e in step.evidence)
    nothing = [
        {"role": "customer", "text": "My refund never arrived."},
        {"role": "agent", "text": "Refunds take time."},
    ]
    assert score(nothing).step("plan").score == 0.0


def test_action_and_follow_up() -> None:
    good = score(GOOD)
    assert good.step("action").score == 1.0
    assert good.step("follow_up").score == 1.0
    no_action = score(BAD)
    assert no_action.step("action").score is not None
    assert no_action.step("action").score < 1.0  # type: ignore[operator]
    # Its promise is overdue and nobody went back: the customer is left to chase (D29).
    assert no_action.step("follow_up").score == 0.0
    assert any("overdue" in n for n in no_action.step("follow_up").notes)


def test_promises_kept_versus_overdue() -> None:
    good = score(GOOD)
    assert (good.promises_made, good.promises_kept) == (1, 1)
    assert good.step("promises").score == 1.0
    bad = score(BAD)
    # "by 11 am" is past at 14:00, the last turn, and no later turn reports it done.
    assert bad.promises_made == 1 and bad.promises_kept == 0
    assert bad.step("promises").score == 0.0
    assert any("overdue" in e.text for e in bad.step("promises").evidence)


def test_now_decides_whether_an_open_promise_is_overdue() -> None:
    convo = BAD[:4]
    early = score(convo, now=datetime(2026, 5, 4, 9, 30, tzinfo=UTC))
    late = score(convo, now=datetime(2026, 5, 4, 12, 0, tzinfo=UTC))
    assert early.step("promises").score == 0.5
    assert late.step("promises").score == 0.0


def test_temperatures_and_counts() -> None:
    card = score(GOOD)
    assert card.customer_turns == 3 and card.agent_turns == 3
    assert len(card.temperatures) == 3
    assert card.temperature_start == card.temperatures[0]
    assert card.temperature_end == card.temperatures[-1]
    assert card.temperature_peak == max(card.temperatures)
    assert card.temperature_end < card.temperature_start  # type: ignore[operator]
    assert card.techniques["apology"] >= 1


def test_accepts_turn_objects_and_serialises() -> None:
    turns = [Turn(role=t["role"], text=t["text"]) for t in GOOD]  # type: ignore[arg-type]
    card = kettle.score(turns)
    data = card.to_dict()
    assert [s["step"] for s in data["steps"]] == list(STEP_NAMES)
    assert data["overall"] == round(card.overall, 1)
    assert kettle.Scorecard is Scorecard


def test_overall_is_the_weighted_mean_of_the_steps_that_applied() -> None:
    steps = (StepScore("vent", "", 1.0), StepScore("side", "", 0.0), StepScore("plan", "", None))
    assert overall_of(steps) == 50.0
    assert overall_of(steps, {"vent": 3.0, "side": 1.0}) == 75.0
    assert overall_of((StepScore("vent", "", None),)) == 0.0


STILL_HOT = [
    {"role": "customer", "text": "My order never arrived."},
    {"role": "agent", "text": "Please send your order number."},
    {"role": "customer", "text": "THIS IS RIDICULOUS!!! I have sent it THREE TIMES. "
     "I want a manager NOW or I cancel everything!!!"},
]


def test_calm_rewards_a_customer_who_cooled_down() -> None:
    good = score(GOOD).step("calm")
    assert good.score is not None and good.score > 0.5
    last = [e for e in good.evidence if e.turn == 4]
    assert last and last[0].good and "OK, thanks." in last[0].text
    assert not any("still upset" in n for n in good.notes)


def test_calm_names_the_heat_that_is_still_there() -> None:
    step = score(STILL_HOT).step("calm")
    assert step.score is not None and step.score < 0.2
    assert step.score < score(GOOD).step("calm").score  # type: ignore[operator]
    bad = [e for e in step.evidence if not e.good]
    spans = [e for e in bad if e.span is not None]
    assert spans and all(e.turn == 2 for e in spans)
    text = STILL_HOT[2]["text"]
    assert all(text[e.span.start : e.span.end] == e.span.text for e in spans)  # type: ignore[union-attr]
    assert any("still upset" in n for n in step.notes)


def test_calm_needs_the_customer_to_write_after_a_reply() -> None:
    assert score(STILL_HOT[:2]).step("calm").score is None
    assert score([{"role": "customer", "text": HOT}]).step("calm").score is None


def test_calm_counts_as_much_as_the_six_steps_together() -> None:
    assert WEIGHTS["calm"] == sum(WEIGHTS[s] for s in METHOD_STEPS)
    steps = (*tuple(StepScore(s, "", 1.0) for s in METHOD_STEPS), StepScore("calm", "", 0.0))
    assert overall_of(steps) == 50.0
    handled_badly = tuple(StepScore(s, "", 0.0) for s in METHOD_STEPS)
    assert overall_of((*handled_badly, StepScore("calm", "", 1.0))) == 50.0


def test_empty_and_customer_only_conversations() -> None:
    assert score([]).overall == 0.0
    only = score([{"role": "customer", "text": HOT}])
    assert all(s.score is None for s in only.steps)
    assert only.temperature_start is not None


def test_bad_input_raises_clear_errors() -> None:
    with pytest.raises(InvalidConversation):
        score([{"role": "boss", "text": "hi"}])
    with pytest.raises(UnknownTimeZone):
        score(GOOD, tz="Mars/Olympus")
