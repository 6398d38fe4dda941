"""The simulated customer under scripted trainees, fixed seeds: the Done-when of issue 5."""

from __future__ import annotations

import pytest

from kettle.simulator.runner import Session
from kettle.simulator.scenarios import get, library
from tests.simulator.trainees import DOUBT_AND_POLICY, METHOD


@pytest.mark.parametrize("scenario_id", sorted(METHOD))
@pytest.mark.parametrize("seed", [0, 7])
def test_following_the_method_cools_below_50_and_resolves(scenario_id: str, seed: int) -> None:
    session = Session.replay(get(scenario_id), METHOD[scenario_id], seed=seed)
    assert session.finished and session.outcome == "resolved"
    assert session.customer.state.resolution in {r.id for r in get(scenario_id).resolutions}
    assert session.temperature < 50
    assert session.curve[0] >= 70  # it started hot
    assert session.customer.state.hang_ups == 0
    assert any(e.customer.branch == "accept" for e in session.exchanges)


@pytest.mark.parametrize("scenario_id", ["shoe-return-no-box", "courier-express",
                                         "movers-late-inspection"])
def test_doubting_and_citing_policy_boils_over_and_hangs_up(scenario_id: str) -> None:
    session = Session(get(scenario_id), seed=3)
    hung_up_at = None
    for index, reply in enumerate(DOUBT_AND_POLICY):
        exchange = session.reply(reply)
        kinds = {e.kind for e in exchange.reaction.effects}
        assert kinds & {"doubt", "policy_shield"}
        if session.awaiting_callback:
            hung_up_at = index
            break
    assert hung_up_at is not None, session.curve
    assert session.temperature >= 95
    last = session.exchanges[-1]
    assert last.customer.branch == "hang_up"
    assert last.customer.text in [get(scenario_id).fill(x) for x in get(scenario_id).lines(
        "hang_up")]
    assert session.customer.state.hang_ups == 1
    assert not session.finished  # the trainee now has to call back


@pytest.mark.parametrize("scenario_id", ["courier-express", "movers-late-inspection",
                                         "double-charged"])
def test_asking_for_the_order_number_while_venting_is_penalised(scenario_id: str) -> None:
    rest = ["I'm really sorry. That sounds so frustrating and stressful.",
            "I understand, and I can help you with that."]
    premature = Session.replay(get(scenario_id), ["Can I have your order number please?", *rest])
    listened = Session.replay(get(scenario_id),
                              ["I'm so sorry, I understand how frustrating this is.", *rest])
    first = premature.exchanges[0]
    assert "premature_info_request" in {e.kind for e in first.reaction.effects}
    assert first.reaction.delta > 0
    assert first.customer.branch == "refuse_question"
    assert listened.exchanges[0].reaction.delta < 0
    assert premature.curve[1] > listened.curve[1]
    assert premature.temperature > listened.temperature


def test_same_seed_same_lines_and_seed_changes_them() -> None:
    scenario = get("movers-late-inspection")
    replies = METHOD["movers-late-inspection"]
    a = Session.replay(scenario, replies, seed=11)
    b = Session.replay(scenario, replies, seed=11)
    assert [e.customer.text for e in a.exchanges] == [e.customer.text for e in b.exchanges]
    assert a.curve == b.curve
    openings = {Session(scenario, seed=s).opening.text for s in range(12)}
    assert len(openings) == len(scenario.lines("opening")) == 2


def test_venting_customer_needs_acknowledgements_before_answering() -> None:
    scenario = get("movers-late-inspection")  # needs two acknowledgements
    assert scenario.persona.acknowledgements == 2
    session = Session(scenario)
    first = session.reply("I'm sorry, that sounds awful. What happened?")
    assert first.customer.branch == "heard"
    assert session.customer.venting
    second = session.reply("I see, that sounds so stressful. What did the confirmation say?")
    assert not session.customer.venting
    assert second.customer.branch in ("reveal", "answer")


def test_vague_promise_heats_and_asks_by_when() -> None:
    session = Session.replay(get("shoe-return-no-box"),
                             ["I'm so sorry, that sounds really unfair."])
    before = session.temperature
    exchange = session.reply("I'll look into it and get back to you soon.")
    assert "vague" in {e.kind for e in exchange.reaction.effects}
    assert exchange.customer.branch == "vague"
    assert session.temperature > before - 1  # no cooling for a plan without a time


def test_broken_promise_heats_the_customer() -> None:
    scenario = get("shoe-return-no-box")  # two simulated minutes per exchange
    session = Session.replay(scenario, [
        "I'm so sorry, that sounds really unfair.",
        "I will check the return and call you back within 2 minutes.",
    ])
    assert session.customer.state.promises[0].state == "open"
    session.reply("I understand.")
    exchange = session.reply("I see.")
    kinds = {e.kind for e in exchange.reaction.effects}
    assert "broken_promise" in kinds
    assert exchange.customer.branch == "broken_promise"
    assert session.customer.state.promises[0].state == "broken"


def test_reporting_back_keeps_the_promise() -> None:
    session = Session.replay(get("shoe-return-no-box"), [
        "I'm so sorry, that sounds really unfair.",
        "I will check the return and call you back within 10 minutes.",
    ])
    exchange = session.reply("As promised, I've checked: the return arrived on Tuesday.")
    assert "promise_kept" in {e.kind for e in exchange.reaction.effects}
    assert session.customer.state.promises[0].state == "kept"


def _hang_up(scenario_id: str) -> Session:
    session = Session(get(scenario_id), seed=1)
    for reply in DOUBT_AND_POLICY:
        session.reply(reply)
        if session.awaiting_callback:
            return session
    raise AssertionError("expected a hang-up")


def test_callback_must_open_with_acknowledgement_and_plan() -> None:
    session = _hang_up("shoe-return-no-box")
    bad = session.reply("Hello, this is customer service. Can I have your order number?")
    assert bad.callback and bad.customer.branch == "hang_up"
    assert session.awaiting_callback
    good = session.reply("I'm so sorry about earlier. I will approve your refund today and "
                         "e-mail you by 5 pm.")
    assert good.callback and good.customer.branch == "callback_ok"
    assert not session.awaiting_callback
    assert session.temperature < 95


def test_two_failed_callbacks_lose_the_customer() -> None:
    session = _hang_up("courier-express")
    session.reply("Hi, it's me again.")
    session.reply("Are you there?")
    assert session.finished and session.outcome == "lost"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("taken", [10.0, 200.0])
def test_pressure_mode_heats_slow_replies(taken: float) -> None:
    clock = FakeClock()
    session = Session(get("movers-late-inspection"), pressure_s=30, clock=clock)
    clock.now += taken
    exchange = session.reply("I'm really sorry. That sounds so stressful.")
    slow = [e for e in exchange.reaction.effects if e.kind == "slow"]
    assert exchange.elapsed_s == taken
    if taken > 30:
        assert slow and slow[0].delta > 0
    else:
        assert not slow
    timed = Session(get("movers-late-inspection"), pressure_s=30, clock=clock)
    quick = timed.reply("I'm really sorry. That sounds so stressful.", elapsed_s=5)
    assert quick.reaction.temperature <= exchange.reaction.temperature


def test_no_pressure_no_clock_heat() -> None:
    clock = FakeClock()
    session = Session(get("movers-late-inspection"), clock=clock)
    clock.now += 500
    exchange = session.reply("I'm really sorry. That sounds so stressful.")
    assert "slow" not in {e.kind for e in exchange.reaction.effects}


def test_concession_above_the_tier_limit_needs_approval() -> None:
    session = Session.replay(get("shoe-return-no-box"), ["I'm so sorry, that sounds unfair."])
    exchange = session.reply("I will credit you $500 today by 5 pm.")
    notes = [e.note for e in exchange.reaction.effects if e.kind == "over_limit"]
    assert notes and "approval" in notes[0]


def test_reply_after_the_end_and_empty_reply_are_errors() -> None:
    from kettle.simulator.errors import SessionOver, TrainingInputError

    session = Session(get("streaming-price-hike"))
    with pytest.raises(TrainingInputError):
        session.reply("   ")
    session.end()
    assert session.finished and session.outcome == "ended"
    with pytest.raises(SessionOver):
        session.reply("Hello?")


def test_every_scenario_can_be_played_to_the_end_of_its_turns() -> None:
    for scenario in library():
        session = Session(scenario, seed=2)
        while not session.finished:
            session.reply("I see.")
        assert session.outcome in ("ran_out", "lost")
        assert all(30 <= t <= 100 for t in session.curve)
