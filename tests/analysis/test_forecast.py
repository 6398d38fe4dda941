"""The boil-over forecast: feature directions, calibration and the shipped model."""

from __future__ import annotations

import json
import math
from importlib import resources

from kettle.analysis.forecast import (
    BOILED,
    BOILING,
    FEATURES,
    PRIOR_WEIGHTS,
    boil_risk,
    boiled_floor,
    features,
    score,
)
from kettle.analysis.thermometer import read_many
from kettle.analysis.types import Turn


def _risk(*texts: str) -> float:
    turns = [Turn("customer", t) for t in texts]
    return boil_risk(turns, read_many(list(texts)))


CALM = (
    "Hi, I think my order may have shipped to my old address. Could you check, please?",
    "Thanks, I appreciate it. Perhaps it is still at the depot?",
)
HOT = (
    "You people lost my parcel AGAIN. This is ridiculous!!",
    "You never answer, you just lie. Useless. I'm cancelling and telling everyone on Twitter.",
)


def test_hot_accusing_conversation_is_riskier_than_a_calm_polite_one() -> None:
    assert _risk(*HOT) > _risk(*CALM) + 0.2


def test_risk_is_a_probability() -> None:
    for texts in (CALM, HOT, ("ok",)):
        r = _risk(*texts)
        assert 0.0 < r < 1.0 and not math.isnan(r)


def test_no_customer_turns_gives_a_low_risk() -> None:
    assert boil_risk([], []) < 0.2


def test_you_statements_raise_and_i_statements_lower_the_risk_features() -> None:
    you = features([Turn("other", "you are wrong and your argument is nonsense")],
                   read_many(["you are wrong and your argument is nonsense"]))
    me = features([Turn("other", "i think i was wrong about my argument")],
                  read_many(["i think i was wrong about my argument"]))
    assert you["you_focus"] > 0 > me["you_focus"]
    assert you["insults"] > me["insults"] == 0.0
    assert you["impoliteness"] > 0 > me["impoliteness"]


def test_rising_heat_has_a_positive_slope() -> None:
    texts = ["When will my order arrive?", "It's late again, this is annoying.",
             "This is RIDICULOUS, you are useless!!"]
    f = features([Turn("customer", t) for t in texts], read_many(texts))
    assert f["hot_slope"] > 0
    assert f["hot_recent"] > f["hot_mean"]


def test_each_feature_moves_the_risk_the_way_its_weight_says() -> None:
    base = dict.fromkeys(FEATURES, 0.0)
    low = score(base)
    for name in FEATURES:
        raised = score({**base, name: 1.0})
        assert (raised > low) == (PRIOR_WEIGHTS[name] > 0), name


def test_agent_turns_are_not_read_as_heat() -> None:
    turns = [Turn("customer", "Where is my parcel?"),
             Turn("agent", "You people never read our emails, this is ridiculous.")]
    f = features(turns, read_many(["Where is my parcel?"]))
    assert f["insults"] == 0.0 and f["you_focus"] <= 0.0


def test_shipped_model_is_complete_and_calibrated_on_train_ok_data() -> None:
    path = resources.files("kettle.analysis") / "data" / "models" / "forecast.json"
    model = json.loads(path.read_text(encoding="utf-8"))
    assert model["features"] == list(FEATURES)
    assert model["weights"] == PRIOR_WEIGHTS
    assert set(model["means"]) == set(model["scales"]) == set(FEATURES)
    assert all(s > 0 for s in model["scales"].values())
    assert model["scale"] > 0  # the calibration keeps the designed directions
    assert "stc3" in model["label"]


def test_hostility_head_ranks_hostile_wording_above_calm_wording() -> None:
    from kettle.analysis.forecast_hostility import hostility

    hostile = [
        "this is the stupidest argument i have ever read",
        "Are you kidding me? Stop wasting my time.",
        "I'm so sick of this garbage.",
    ]
    calm = [
        "thanks, that is a fair point and i had not considered it",
        "I love this, what a lovely idea.",
        "The meeting is on Tuesday at noon.",
    ]
    assert min(hostility(t) for t in hostile) > max(hostility(t) for t in calm)
    assert all(0.0 < hostility(t) < 1.0 for t in hostile + calm + ["", "zzzz qqqq"])


def test_shipped_hostility_head_is_a_golden_file() -> None:
    path = resources.files("kettle.analysis") / "data" / "models" / "hostility.json"
    head = json.loads(path.read_text(encoding="utf-8"))
    assert head["token_pattern"] == "[a-z']+"
    assert 5_000 < len(head["weights"]) < 20_000
    assert head["dev_auroc"] > 0.8
    # words that mark anger or annoyance weigh up; thanks and love weigh down
    assert head["weights"]["stupid"] > 0 > head["weights"]["thanks"]
    assert head["weights"]["annoying"] > 0 > head["weights"]["love"]


def _directed(*texts: str) -> float:
    return features([Turn("other", t) for t in texts], read_many(list(texts)))[
        "directed_hostility"
    ]


def test_directed_hostility_reads_hostile_sentences_addressed_to_you() -> None:
    aimed = _directed("The data is fine.\nYou are a pathetic liar and your argument is stupid.")
    # the same hostile wording about a thing, not a person, is not directed at anyone
    unaimed = _directed("The data is fine.\nThis report is pathetic and the argument is stupid.")
    polite = _directed("Thanks, you make a fair point and I appreciate it.")
    assert unaimed == 0.0
    assert aimed > polite > 0.0


def test_directed_hostility_looks_at_the_latest_turns_only() -> None:
    early = _directed("You are a pathetic liar.", "The report is due on Tuesday.",
                      "I will read the second chapter tonight.")
    late = _directed("The report is due on Tuesday.", "I will read the second chapter tonight.",
                     "You are a pathetic liar.")
    assert early == 0.0 < late


def test_a_customer_who_has_boiled_over_is_high_risk() -> None:
    # 2026-12-07 probe: a polite threat after a calm start read 0.16.
    calm = [Turn("customer", "Hello, my refund has not arrived yet."),
            Turn("agent", "Maybe you should read the manual, sir.")]
    for last, least in (("That's it. I'm going to the ombudsman.", BOILED),
                        ("I'm leaving this chat, it's pointless.", BOILED),
                        ("Cancel my contract then.", BOILING)):
        turns = [*calm, Turn("customer", last)]
        readings = read_many([t.text for t in turns if t.role == "customer"])
        assert boiled_floor(readings) == least
        assert boil_risk(turns, readings) >= least
    turns = [*calm, Turn("customer", "OK, I'll wait for the email then.")]
    readings = read_many([t.text for t in turns if t.role == "customer"])
    assert boiled_floor(readings) == 0.0
    assert boil_risk(turns, readings) == score(features(turns, readings))
