"""The reply coach's sentence splitter: every word stays in a sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kettle.analysis.coach import check
from kettle.analysis.coach_text import STRAIGHT_QUOTES, sentences, straight_quotes
from kettle.analysis.signals import straight_apostrophes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your refund of £24.99 will arrive by Friday. Sorry!",
         ["Your refund of £24.99 will arrive by Friday.", "Sorry!"]),
        ("I am sorry, version 2.1 broke it.", ["I am sorry, version 2.1 broke it."]),
        ("Please refer to section 7.3 of your T&Cs.",
         ["Please refer to section 7.3 of your T&Cs."]),
        ("See www.example.com for details.", ["See www.example.com for details."]),
        ("Hi!!! Really?? ok... fine.", ["Hi!!!", "Really??", "ok...", "fine."]),
        ("Wait...what?", ["Wait...what?"]),
        ("First line\nsecond line", ["First line", "second line"]),
    ],
)
def test_sentences_keep_every_word(text: str, expected: list[str]) -> None:
    found = sentences(text)
    assert [s.text for s in found] == expected
    for s in found:
        assert text[s.start:s.end] == s.text


def test_a_stop_inside_a_number_no_longer_hides_the_apology() -> None:
    review = check("I am sorry, version 2.1 broke it.")
    assert "apology" in {f.name for f in review.techniques}


def test_a_long_run_of_stops_is_split_quickly() -> None:
    # No catastrophic backtracking: each of these is one linear scan.
    assert len(sentences("." * 100_000 + " x")) == 1
    assert len(sentences("a." * 50_000)) == 1


@given(st.text(alphabet=st.sampled_from("ab '\u2019\u2018\u02bc\u00b4é😡.")))
def test_straight_quotes_is_the_translation(text: str) -> None:
    # The fast path must give exactly what the translation gives, offsets included.
    assert straight_quotes(text) == text.translate(STRAIGHT_QUOTES)
    assert straight_apostrophes(text) == text.translate(
        str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"}))
