"""The thermometer: temperature, hot probability, emotions, mode, context."""

from __future__ import annotations

import json
import math
from importlib import resources

import numpy as np
import pytest

from kettle.analysis import read, read_many
from kettle.analysis.coach_context import HOT_C
from kettle.analysis.features import DENSE
from kettle.analysis.signals import detect
from kettle.analysis.thermo_model import heads
from kettle.analysis.thermometer import (
    MILD_C,
    THREAT_C,
    heat_scale,
    said_mildly,
    temperature_of,
)
from kettle.analysis.types import EMOTIONS, Tier
from kettle.errors import EmptyText, InvalidConversation, TextTooLong

CALM = "Hi, could you tell me when my order 48213 will be delivered?"
RANT = (
    "THIS IS THE THIRD TIME I'M CALLING!!! Your service is a bloody joke. "
    "Cancel my account NOW or I'm calling my lawyer."
)


def test_calm_question_is_cooler_than_an_angry_rant() -> None:
    calm, rant = read(CALM), read(RANT)
    assert calm.temperature < 50 < rant.temperature
    assert rant.temperature - calm.temperature > 30
    assert calm.hot < 0.3 < rant.hot


@pytest.mark.parametrize(
    ("cooler", "hotter"),
    [
        ("Thanks so much, that fixed it!", "This is ridiculous, nothing you sent works."),
        ("The parcel arrived today, all good.", "The parcel arrived smashed. Unbelievable."),
        ("I'm a bit annoyed that it is late.", "I am absolutely furious, this is disgusting!!!"),
    ],
)
def test_hotter_messages_read_hotter(cooler: str, hotter: str) -> None:
    assert read(cooler).temperature < read(hotter).temperature


def test_range_and_probabilities() -> None:
    for reading in read_many([CALM, RANT, "ok", "😡😡😡", "why?" * 50, "a" * 5000]):
        assert 30.0 <= reading.temperature <= 100.0
        assert 0.0 <= reading.hot <= 1.0
        assert 0.0 <= reading.venting <= 1.0
        assert tuple(reading.emotions) == EMOTIONS
        assert math.isclose(sum(reading.emotions.values()), 1.0, abs_tol=1e-4)
        assert all(0.0 <= p <= 1.0 for p in reading.emotions.values())


@pytest.mark.parametrize(
    ("text", "emotion"),
    [
        ("I'm so worried my package is lost, I need it for my daughter's surgery.", "anxiety"),
        ("I don't understand what this charge on my bill means?", "confusion"),
        ("Thank you so much, that's a huge relief!", "relief"),
        ("What the hell is wrong with you people? This is disgusting.", "anger"),
    ],
)
def test_dominant_emotion(text: str, emotion: str) -> None:
    assert read(text).dominant_emotion == emotion


def test_signals_reach_the_reading_and_profanity_stays_masked() -> None:
    reading = read("This is fucking ridiculous, I want to speak to a manager!!!")
    kinds = {s.kind for s in reading.signals}
    assert {"profanity", "manager_demand", "repeated_punctuation"} <= kinds
    assert "fuck" not in json.dumps(reading.to_dict()).lower()


def test_signals_raise_the_temperature() -> None:
    plain = read("The parcel did not arrive.")
    threat = read("The parcel did not arrive. I'm cancelling my account and suing you.")
    assert threat.temperature > plain.temperature + 5


@pytest.mark.parametrize(
    "text",
    ["Thanks for nothing.", "Oh great, just what I needed.", "What a joke.", "Unbelievable.",
     "Wow, great customer service... not.", "Fine. Whatever."],
)
def test_mock_praise_and_exasperation_read_warm_not_relieved(text: str) -> None:
    # The model reads "thanks" and "great" at face value; sarcasm turns them round.
    reading = read(text)
    assert "sarcasm" in {s.kind for s in reading.signals}
    assert reading.temperature >= 55
    assert reading.hot >= 0.3
    assert reading.emotions["relief"] == 0.0
    assert reading.dominant_emotion != "relief"


@pytest.mark.parametrize(
    "text",
    ["Oh great, thanks so much for sorting that!", "I love that you called me back so quickly.",
     "Perfect, just what I needed. Thank you!", "Thank you so much for making this so easy."],
)
def test_sincere_praise_reads_calm(text: str) -> None:
    reading = read(text)
    assert reading.temperature < 45
    assert reading.dominant_emotion == "relief"


def test_sarcasm_only_raises_the_reading() -> None:
    # The same complaint with mock praise is never cooler than without it.
    plain = read("The engineer didn't turn up.")
    mock = read("Brilliant. The engineer didn't turn up.")
    assert mock.temperature >= plain.temperature
    assert mock.hot >= plain.hot


@pytest.mark.parametrize("tier", ["fast", "accurate"])
@pytest.mark.parametrize(("text", "bare"), [
    ("Not a big deal but a bit annoying.", "It is annoying."),
    ("It's a bit annoying that the app logs me out.", "It's annoying that the app logs me out."),
    ("Slightly annoying that the parcel is 2 days late, no rush though.",
     "Annoying that the parcel is 2 days late."),
])
def test_a_mild_annoyance_reads_no_hotter_than_mild(text: str, bare: str, tier: Tier) -> None:
    reading = read(text, tier=tier)
    assert reading.temperature <= MILD_C
    assert reading.hot <= 0.15
    assert reading.dominant_emotion == "frustration"
    # Without the softener the same complaint reads hotter: the softener is what is read.
    assert read(bare, tier=tier).temperature > MILD_C


@pytest.mark.parametrize("text", [
    "This may not be a big deal to you but it is to me!",
    "This is not a minor issue.",
    "A bit annoying that it's the THIRD time I'm calling!!!",
])
def test_mild_words_said_against_the_grain_are_not_mild(text: str) -> None:
    assert not said_mildly(text, detect(text))


@pytest.mark.parametrize("tier", ["fast", "accurate"])
@pytest.mark.parametrize(("text", "bare"), [
    ("My solicitor will be in touch.", "I will be in touch."),
    ("I'll be taking this to the ombudsman.", "I'll be taking this to the shop."),
    ("I will be leaving a one star review.", "I will be leaving at noon."),
    ("I'm going to post this all over Twitter and Trustpilot.", "I'm going to post this."),
])
def test_a_legal_or_public_threat_reads_hot_however_politely_put(text: str, bare: str,
                                                                 tier: Tier) -> None:
    reading = read(text, tier=tier)
    assert reading.temperature >= THREAT_C > HOT_C
    # The threat is what is read: the same words without it read cooler.
    assert read(bare, tier=tier).temperature < THREAT_C


@pytest.mark.parametrize(("text", "blamed"), [
    ("I need to cancel order #55102, I ordered the wrong size by mistake. Sorry!",
     "I need to cancel order #55102, you sent the wrong size. Sorry!"),
    ("Sorry, my fault, I typed the wrong email address. Can you update it?",
     "Sorry, you typed the wrong email address. Can you update it?"),
    ("I've just realised I put the wrong postcode. Sorry about that!",
     "I've just realised you put the wrong postcode. Sorry about that!"),
])
def test_the_customers_own_slip_reads_mild(text: str, blamed: str) -> None:
    assert read(text).temperature <= MILD_C
    assert read(blamed).temperature > MILD_C


@pytest.mark.parametrize("text", [
    "I was charged twice by mistake.",  # our mistake, told in the passive
    "It's always my fault isn't it",
    "He said it's my fault for buying it.",
    "I ordered the wrong size and your size guide is useless.",
])
def test_a_slip_that_is_not_the_customers_own_is_not_mild(text: str) -> None:
    assert not said_mildly(text, detect(text))


def test_a_threat_in_an_earlier_turn_carries_its_floor() -> None:
    text = "Any news?"
    threat = [{"role": "customer", "text": "My solicitor will be in touch."}]
    plain = [{"role": "customer", "text": "I will be in touch."}]
    assert read(text, context=threat).temperature > read(text, context=plain).temperature


def test_a_mild_message_carries_its_capped_heat() -> None:
    # What an earlier turn carries is what it read, ceiling included.
    text = "Any news?"
    mild = [{"role": "customer", "text": "Not a big deal but a bit annoying."}]
    bare = [{"role": "customer", "text": "It is annoying."}]
    assert read(text, context=mild).temperature < read(text, context=bare).temperature


def test_mode_venting_versus_information() -> None:
    assert read(RANT).mode == "venting"
    assert read("My order number is 48213 and the postcode is SW1A 1AA.").mode == "information"


def test_context_carries_heat() -> None:
    text = "Still nothing. When will it be sorted?"
    context = [
        {"role": "customer", "text": "Where is my refund?! You promised it last week!!!"},
        {"role": "agent", "text": "I'm checking now."},
        {"role": "customer", "text": "This is a disgrace, I've called four times."},
    ]
    assert read(text, context=context).temperature > read(text).temperature + 3
    calm_context = [{"role": "agent", "text": "Hello, how can I help?"}]
    assert read(text, context=calm_context).temperature == pytest.approx(read(text).temperature)


def test_read_many_matches_read() -> None:
    texts = [CALM, RANT, "I'm disappointed with the update."]
    for one, many in zip([read(t) for t in texts], read_many(texts), strict=True):
        assert one.temperature == pytest.approx(many.temperature, abs=1e-3)
        assert one.signals == many.signals


@pytest.mark.parametrize("tier", ["fast", "accurate"])
def test_temperature_map_is_monotone(tier: Tier) -> None:
    scale = heat_scale(tier)

    def temp(*args: float) -> float:
        return temperature_of(*args, scale=scale)

    grid = np.linspace(0, 1, 11)
    for n in (-1.0, 0.0, 1.0):
        for g in (0.01, 0.3, 0.9):
            for a in grid:
                temps = [temp(h, n, g, a) for h in grid]
                assert temps == sorted(temps)
            for h in grid:
                temps = [temp(h, n, g, a) for a in grid]
                assert temps == sorted(temps)
                temps = [temp(h, n, g, 0.5, c) for c in grid]
                assert temps == sorted(temps)
                temps = [temp(h, n, x) for x in grid]
                assert temps == sorted(temps)
    for h in grid:
        temps = [temp(h, n, 0.1) for n in np.linspace(-1, 1, 11)]
        assert temps == sorted(temps)
    assert 30.0 <= temp(0.0, -1.0, 0.0) < 32.0
    assert 98.0 < temp(1.0, 1.0, 1.0, 1.0, 1.0) <= 100.0


def test_anger_weighs_in_the_accurate_tier_only() -> None:
    # D20: the accurate tier's heat score adds the anger emotion's logit (anger
    # rather than annoyance reads hotter); the default tier gives it no weight.
    assert heat_scale("fast")[6] == 0.0
    assert heat_scale("accurate")[6] == 1.0
    for tier in ("fast", "accurate"):
        scale = heat_scale(tier)
        calm, angry = (temperature_of(0.6, 0.3, g, scale=scale) for g in (0.05, 0.9))
        assert (angry > calm + 1.0) if tier == "accurate" else angry == calm
    annoyed = "This is a bit annoying, the app logged me out again."
    raging = "I am FURIOUS. You people are disgusting liars."
    assert read(raging, tier="accurate").emotions["anger"] > read(
        annoyed, tier="accurate").emotions["anger"]


@pytest.mark.parametrize("bad", ["", "   \n"])
def test_empty_text_is_an_error(bad: str) -> None:
    with pytest.raises(EmptyText):
        read(bad)


def test_too_long_text_is_an_error() -> None:
    with pytest.raises(TextTooLong):
        read("angry " * 10_000)
    with pytest.raises(TextTooLong):
        read_many(["fine", "x" * 1_000_000])


def test_bad_context_is_an_error() -> None:
    with pytest.raises(InvalidConversation):
        read("hello", context=[{"role": "boss", "text": "hi"}])
    assert read_many([]) == []


def test_shipped_model_files_golden() -> None:
    folder = resources.files("kettle.analysis") / "data" / "models"
    meta = json.loads((folder / "thermometer.json").read_text(encoding="utf-8"))
    assert meta["heads"] == ["hot", *EMOTIONS]
    assert tuple(meta["dense"]) == DENSE
    model = heads()
    assert model.terms.shape == (len(meta["vocab"]), 8)
    assert model.dense.shape == (len(DENSE), 8)
    assert model.vectors.shape[0] == len(meta["words"]) == model.weight.shape[0]
    assert model.static.shape == (model.vectors.shape[1], 8)
    assert np.isfinite(model.terms).all() and np.isfinite(model.vectors).all()
    assert model.slope > 0.0
    hot = model.vocab["ridiculous"]
    thanks = model.vocab["thanks"]
    assert model.terms[hot, 0] > 0 > model.terms[thanks, 0]
    assert read("You people are useless and pathetic.").hot > 0.7
    assert read("Thank you, have a lovely day!").hot < 0.1


# 2026-12-07: a probe by a support lead of e-mails, short answers and vulnerable customers.

QUOTED = """Hi,

Just to let you know the replacement arrived this morning and everything works. Thanks!

Best,
Jo

On Mon, 3 Jun 2026 at 10:02, Jo Bloggs <jo@example.com> wrote:
> THIS IS THE THIRD TIME I AM WRITING!!! I want to cancel my account NOW!!!
> Absolutely useless."""


def test_quoted_history_is_not_the_customers_words() -> None:
    reading = read(QUOTED)
    assert reading.signals == () and reading.temperature < 45
    angry = QUOTED.split("On Mon")[1].split("\n", 1)[1].replace("> ", "")
    assert read(angry).temperature > 80


def test_a_footer_is_not_the_customers_words() -> None:
    body = "Please cancel order #55120 - I ordered the wrong size by mistake.\n\nThanks,\nSam"
    footer = ("\n\nYou are receiving this email because you signed up to our newsletter. "
              "To unsubscribe click here.")
    assert read(body + footer).temperature == read(body).temperature


POLITE = """Dear Sir or Madam,

I hope this email finds you well. I am writing regarding order 44120, placed on 2 May.

This is now the fourth delivery date you have missed. Each time I have taken a day off work and \
each time nobody came. It is frankly unacceptable and I am sick of chasing you.

I would be grateful if you could let me know when the order will actually arrive.

Thank you for your help.

Kind regards,
Margaret Hill"""


def test_a_long_email_reads_as_hot_as_its_hottest_paragraph() -> None:
    complaint = POLITE.split("\n\n")[2]
    whole = read(POLITE)
    # The pleasantries do not cool the complaint (D28); how hard the letter presses sets
    # how hot it reads at most (D37): named anger and "frankly unacceptable" in a polite
    # letter is very hot, not the boiling its paragraph reads alone.
    assert read(complaint).temperature > 88
    assert 75 <= whole.temperature < 88
    assert read("Dear Sir or Madam,\n\nThank you for your help.\n\nKind regards,\nMargaret"
                ).temperature < 45


ASKED_FIX = [{"role": "customer", "text": "My refund still has not come through."},
             {"role": "agent", "text": "Sorry about that. Has the refund arrived now?"}]
ASKED_ELSE = [{"role": "customer", "text": "Thanks, that sorted it."},
              {"role": "agent", "text": "Great! Anything else I can help with?"}]


@pytest.mark.parametrize("answer", ["no", "No.", "nope", "not yet",
                                    "nope. same error.", "No, it hasn't."])
def test_a_bare_no_reads_by_the_question_it_answers(answer: str) -> None:
    alone, fix = read(answer), read(answer, context=ASKED_FIX)
    done = read(answer, context=ASKED_ELSE)
    assert alone.temperature < 45 and done.temperature < 45
    assert fix.temperature >= 50
    assert max(fix.emotions, key=fix.emotions.__getitem__) == "frustration"


def test_a_bare_yes_or_thanks_is_calm_after_any_question() -> None:
    for answer in ("ok", "no thanks, that's all", "No, that's everything, thanks"):
        assert read(answer, context=ASKED_FIX).temperature < 50
    assert read("no. useless").temperature > 80  # not bare: the model reads it


def test_a_polite_threat_is_not_relief() -> None:
    reading = read("Thank you for your reply. I have now raised a chargeback with my bank.")
    assert reading.temperature >= 72
    assert max(reading.emotions, key=reading.emotions.__getitem__) == "frustration"


@pytest.mark.parametrize("text", [
    "My mother is 87 and has had no heating since Friday. It is minus 4 tonight.",
    "£4,200 was taken overnight. That was my rent. There is £3 left.",
    "My dad has dementia and your engineer left the front door open. Dad walked out.",
])
def test_a_vulnerable_customer_reads_worried_and_warm(text: str) -> None:
    reading = read(text)
    assert reading.temperature >= 58 and "vulnerability" in {s.kind for s in reading.signals}
    assert max(reading.emotions, key=reading.emotions.__getitem__) == "anxiety"


def test_a_vulnerable_person_only_mentioned_is_no_signal() -> None:
    reading = read("My 5 month old baby is amazing and she's sleeping great!")
    assert reading.signals == () and reading.temperature < 45


def test_british_understatement_reads_warm_not_hot() -> None:
    assert 45 <= read("I must say I'm rather disappointed.").temperature <= 52
    assert read("I'm rather disappointed and I'm cancelling my contract.").temperature > 60


@pytest.mark.parametrize("text", [
    "Quick question before I order: what's your refund policy if the shoes don't fit?",
    "Bit annoying - the app logs me out every time I switch apps. Is that a known thing?",
    "My parcel was due yesterday. No massive rush, just wondering if there's an update?",
    "Nope, all good :)",
])
def test_ordinary_questions_read_at_most_warm(text: str) -> None:
    assert read(text).temperature <= 52
    assert read("Quick question: why the HELL was I charged twice?!").temperature > 80


@pytest.mark.parametrize("text", [
    "It's a bit annoying.", "Rather disappointed, to be honest.", "Not a big deal.",
    "No massive rush.", "No hurry!", "A minor issue with the app.", "Quick question: when?",
    "Just curious about the fee.", "Just wondering.", "Just checking in.",
    "Out of curiosity, why?", "Bit of a pain - the app logs me out.", "Bit frustrating.",
    "I'm slightly irritated.", "kinda peeved tbh", "This is FURIOUSLY bad.", "Where is my order?",
])
def test_the_mild_words_gate_never_changes_what_is_found(text: str) -> None:
    from kettle.analysis.thermo_mild import _MILD, _said_mild_words

    assert _said_mild_words(text) == bool(_MILD.search(text))
