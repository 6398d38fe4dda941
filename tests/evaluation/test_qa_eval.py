"""`kettle eval qa`: peer discussions get alternating roles; figures come from the scorecard."""

from __future__ import annotations

from kettle.evaluation.qa import as_scored_turns, evaluate, in_even_half

HOT = "This is the THIRD time I'm writing!!! My refund never came. Unbelievable."


def test_peer_discussions_get_alternating_roles() -> None:
    turns = [{"role": "other", "text": "a"}, {"role": "other", "text": "b"},
             {"role": "other", "text": "c"}]
    assert [t["role"] for t in as_scored_turns(turns)] == ["customer", "agent", "customer"]
    mixed = [{"role": "customer", "text": "a"}, {"role": "other", "text": "b"}]
    assert [t["role"] for t in as_scored_turns(mixed)] == ["customer", "other"]


def _rows() -> list[dict[str, object]]:
    good = [{"role": "customer", "text": HOT},
            {"role": "agent", "text": "I'm so sorry. It sounds like that was really stressful. "
             "I will check with billing and email you by 3 pm today."}]
    bad = [{"role": "customer", "text": HOT},
           {"role": "agent", "text": "Calm down. What is your account number?"}]
    rows = []
    for i in range(12):
        turns = good if i % 2 else bad
        rows.append({"id": str(i), "turns": turns,
                     "outcome": {"solved": float(i % 2), "derailed": not i % 2}})
    return rows


def test_figures_follow_the_scorecard() -> None:
    result = evaluate(_rows())
    assert result["n"] == 12 and result["n_scored"] == 12
    assert result["spearman_overall_solved"] > 0.9
    assert result["auroc_derailed"] == 1.0
    assert result["n_side"] == 12
    # No customer wrote after the reply: "calm" never applied, so the overall is the method's.
    assert result["n_calm"] == 0
    assert result["spearman_method_solved"] == result["spearman_overall_solved"]
    assert "spearman_overall_solved_even" in result and "spearman_overall_solved_odd" in result


def test_md5_split_is_deterministic() -> None:
    assert [in_even_half(str(i)) for i in range(6)] == [in_even_half(str(i)) for i in range(6)]
    assert {in_even_half(str(i)) for i in range(50)} == {True, False}
