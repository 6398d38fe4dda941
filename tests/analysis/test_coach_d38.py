"""The reply coach (D38): the record against the customer, blame by cause, minimising,
buck-passing in more words, and replies it cannot read.

Each rule is tested both ways, with sentences other than the blind set's
(tests/analysis/data/heldout3_email_replies.jsonl). A reply in another language is
not judged: the review says so (verdict ``not_checked``, ``english`` false).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kettle.analysis import check
from tests.analysis.test_probe_email_replies import _probe_script

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 3, 4, 9, 20, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday
ANGRY = [{"role": "customer", "text": "My washing machine broke after a week and your "
          "engineer never came. I am furious."}]


def _names(body: str) -> set[str]:
    reply = (f"Dear Mr Cole,\n\nI am sorry for the trouble this has caused you.\n\n{body}"
             "\n\nRegards,\nAnn")
    review = check(reply, conversation=ANGRY, now=NOW, tz="Europe/London")
    return {f.name for f in review.anti_patterns}


FLAGGED = [
    # The record set against the customer's word.
    ("doubt", "Our system shows no record of any complaint from you before today."),
    ("doubt", "I can see no trace of an e-mail from you in March."),
    ("doubt", "The call logs show no previous calls about this fault."),
    ("doubt", "Our records do not show any earlier contact about the boiler."),
    ("doubt", "According to our system, no meter reading was ever submitted."),
    ("doubt", "There's no record on our side of your cancellation."),
    # The cause put on the customer without "your".
    ("blame", "The damage was caused by incorrect installation."),
    ("blame", "The cracks are the result of improper use of the hob."),
    ("blame", "The engineer found the fault was down to a lack of regular maintenance."),
    ("blame", "This happened because the machine was being overloaded with towels."),
    ("blame", "The screen failed due to the phone being charged with a non-approved cable."),
    ("blame", "The order was held because the billing address was incomplete."),
    # Not covered, and nothing instead.
    ("policy_shield", "The damage was caused by a power surge, which is not covered."),
    ("policy_shield", "Cosmetic damage isn't covered by the guarantee."),
    # Playing it down.
    ("minimising", "It's only a two-day delay, and the parcel is on its way."),
    ("minimising", "Your parcel is only a day late."),
    ("minimising", "The delay should be only a couple of days."),
    ("minimising", "It will just be a few more days."),
    ("minimising", "I realise it's a minor inconvenience."),
    ("minimising", "Honestly, it's not a big deal."),
    ("minimising", "At least the replacement arrived in the end."),
    ("minimising", "On the bright side, you get to keep the old one."),
    # Handed on.
    ("passing_the_buck", "That's a matter for the manufacturer."),
    ("passing_the_buck", "Returns are a question for the seller."),
    ("passing_the_buck", "Please raise it with the courier directly."),
    ("passing_the_buck", "So take it up with your installer."),
    ("passing_the_buck", "The courier is responsible for the delay, not us."),
    ("passing_the_buck", "Your warranty provider is the one to speak to about this."),
    ("passing_the_buck", "You'd be best contacting Whirlpool about a repair."),
    ("passing_the_buck", "You'll want to get in touch with them directly."),
]


@pytest.mark.parametrize(("name", "sentence"), FLAGGED)
def test_each_miss_is_now_flagged(name: str, sentence: str) -> None:
    assert name in _names(sentence)


CLEAN = [
    # "only" and "at least" as plain words.
    "I've only just seen your message, and I'll call you by 11am today.",
    "The only way I can fix this today is to send a new machine, and I'll book it by noon.",
    "At least one engineer is kept free for you until it is fixed.",
    "Refunds take at least three working days to show, so I'll check it on Friday.",
    "You only need to send me the rough amount.",
    "It was only when I read your second message that I saw what had gone wrong.",
    "At least two of your calls should have been answered, and I'm sorry they weren't.",
    # The record on the customer's side.
    "Our records show we received your complaint on 3 March, and I'm sorry it took so long.",
    "Our system shows no payment was taken, so you have not been charged twice.",
    "There is no record of your call, which is our mistake, and I've logged it now.",
    "If the record shows no payment, I'll refund you straight away.",
    # The cause on our side.
    "The fault was caused by a faulty part we supplied.",
    "The leak was caused by incorrect installation by our engineer, and we'll pay for it.",
    "The delay was caused by a conveyor fault at our depot.",
    "The parcel was damaged because of rough handling in transit.",
    # Not covered, with what we do instead; or as a condition.
    "This isn't covered by the warranty, but I've arranged a free repair anyway.",
    "If your area is not covered by our engineers, I'll send a local firm at our cost.",
    # Not minimising.
    "This isn't a small glitch for you, and I'm sorry.",
    "I know this is a big deal for you, with a wedding on Saturday.",
    "It's a huge inconvenience, and I'm so sorry.",
    # Handed on, with ownership kept.
    "That's a matter for the manufacturer, so I've contacted them for you.",
    "The courier is responsible for the delay. I've chased them myself and I'll call you.",
    "Please raise it with us at any time.",
    "I've raised it with the courier myself, so there's nothing you need to chase.",
]


@pytest.mark.parametrize("sentence", CLEAN)
def test_good_sentences_stay_clean(sentence: str) -> None:
    new = {"doubt", "blame", "policy_shield", "minimising", "passing_the_buck"}
    assert not _names(sentence) & new


def test_the_rewrites_are_concrete() -> None:
    reply = ("That's a matter for the manufacturer. It's only a two-day delay. "
             "The damage was caused by incorrect installation.")
    review = check(reply, conversation=ANGRY, now=NOW, tz="Europe/London")
    rewrites = {f.name: f.rewrite for f in review.anti_patterns}
    assert rewrites["passing_the_buck"] == (
        "I'll contact the right team for you and come back to you with their answer.")
    assert rewrites["minimising"] == (
        "I know this matters to you, and I'm sorry it has happened.")
    assert rewrites["blame"] == "Let's focus on putting this right for you."


OTHER = [
    "Lo siento mucho por las molestias, le enviaremos un reembolso mañana.",
    "Bonjour Madame, je suis vraiment désolée pour ce retard. Je vous rappelle demain "
    "avant midi avec une solution.",
    "Es tut mir sehr leid, dass der Techniker nicht gekommen ist. Ich rufe Sie heute "
    "bis 17 Uhr an.",
    "Pedimos desculpa pelo incómodo. Vamos enviar um técnico amanhã de manhã e "
    "ligamos para confirmar a sua marcação. Muito obrigado pela paciência.",
]


@pytest.mark.parametrize("reply", OTHER)
def test_a_reply_in_another_language_is_not_judged(reply: str) -> None:
    review = check(reply, conversation=ANGRY, now=NOW, tz="Europe/London")
    assert review.english is False
    assert review.verdict == "not_checked"
    assert "English only" in review.reason and "English only" in review.advice
    assert not (review.techniques or review.anti_patterns or review.missing
                or review.commitments)
    data = review.to_dict()
    assert data["english"] is False and data["verdict"] == "not_checked"


def test_an_english_reply_keeps_its_shape_and_says_it_is_english() -> None:
    review = check("I'm so sorry. I'll call you by 5pm today.", conversation=ANGRY,
                   now=NOW, tz="Europe/London")
    assert review.english is True and review.verdict != "not_checked"
    assert set(review.to_dict()) == {"verdict", "reason", "advice", "techniques",
                                     "anti_patterns", "missing", "commitments", "acts",
                                     "english"}


def test_an_english_reply_with_a_spanish_name_is_english() -> None:
    review = check("Dear Señora de la Fuente, I'm so sorry the parcel is late. I'll call "
                   "you by 5pm today with the new delivery date.", conversation=ANGRY,
                   now=NOW, tz="Europe/London")
    assert review.english is True


#: The blind set's figures at the end of the change (before it: 12, 0, 0, 0 of 4).
FINAL = {"verdict_right": 30, "flawed_caught": 14, "good_flagged": 0, "other_marked": 4}


def test_the_blind_set_scores_at_least_what_it_ended_with() -> None:
    probe = _probe_script()
    figures = probe.measure(ROOT / "tests" / "analysis" / "data"
                            / "heldout3_email_replies.jsonl")
    assert figures["items"] == 30 and figures["other"] == 4
    assert figures["verdict_right"] >= FINAL["verdict_right"]
    assert figures["flawed_caught"] >= FINAL["flawed_caught"]
    assert figures["good_flagged"] <= FINAL["good_flagged"]
    assert figures["other_marked"] >= FINAL["other_marked"]


def test_bad_input_is_an_error_whatever_the_replys_language() -> None:
    from kettle.errors import UnknownTimeZone

    with pytest.raises(UnknownTimeZone):
        check("Lo siento mucho por las molestias, le enviaremos un reembolso mañana.",
              conversation=[], tz="Mars/Olympus")
