"""The reply coach: sarcasm with no set phrase in an agent's reply (coach6).

A mock "because" after mock agreement, mock delight ("that's just wonderful for you"),
mock luck, charm, wonder and service, and mock motives. Each rule is tested both ways:
real-looking sarcastic replies must be found, sincere replies that share their words
(a reason given after "Yes, because", real delight, real sympathy) must stay clean.
"""

from __future__ import annotations

import pytest

from kettle.analysis import check

CUSTOMER = [{"role": "customer", "text": "My parcel is three days late and nobody has "
             "told me anything. This is ridiculous."}]

SARCASM = [
    # the task's examples
    "Wow, what a surprise, another customer who can't read the instructions.",
    "Sure, because we have nothing better to do.",
    "Well, that's just wonderful for you.",
    # mock "because"
    "Right, because we clearly lose parcels for fun.",
    "Oh sure, because the depot is obviously run by us personally.",
    "Yes, because we really enjoy reading the same complaint five times.",
    "Because apparently the courier answers to you now.",
    "Of course, because checking the tracking link is too much to ask.",
    "I suppose you think we have nothing better to do.",
    # mock delight
    "That's just perfect, I'm so happy for you.",
    "Well, isn't that lovely.",
    "Well, that's just super.",
    "That's just great, isn't it?",
    "Oh how exciting, another refund request.",
    "Wonderful, yet another question about the same order.",
    # mock luck, charm, wonder, service
    "Lucky us, a fourth email today.",
    "Aren't you a little ray of sunshine this morning.",
    "How fascinating.",
    "How surprising, a customer who wants it yesterday.",
    "Wow, no one has ever complained about that before.",
    "We live purely to serve you, obviously.",
    "Please, tell me how to do my job.",
    # mock motives, wisdom and fault
    "The driver went to the wrong house purely to spite you, I'm sure.",
    "Of course the customer always knows best.",
    "So now it's our fault your neighbour took it in?",
    "I'll add it to the other hundred complaints on my desk.",
    "I can't pull a new sofa out of thin air.",
    "Good of you to eventually reply to our emails.",
]

SINCERE = [
    "Sure, I can do that for you today.",
    "Yes, because the order was split, the second box comes tomorrow.",
    "Right, because your card expired, the payment failed; I've sent you a new link.",
    "Because your parcel was damaged, I've sent a replacement by next-day delivery.",
    "Of course, because it's your first order, the delivery is free.",
    "We love hearing from you, and I'm sorry this went wrong.",
    "That's wonderful news, I'm so glad it arrived.",
    "Well, that's great news about the refund.",
    "That's great, thank you for confirming.",
    "Well, I'm so sorry, that's just not good enough from us.",
    "How lovely to hear from you again.",
    "Lucky you caught it before it was sent; I've cancelled it.",
    "How awful for you, and I'm so sorry.",
    "Wow, thank you so much for your patience.",
    "No one should ever have to wait this long, and I'm sorry.",
    "We're here to help you, so I've booked the engineer for 9am tomorrow.",
    "Please tell me how the new router is doing.",
    "I'm sorry it's our fault, and I'll put it right today.",
    "Thank you for getting back to us, and I've refunded the fee.",
    "It was kind of you to send the photos so quickly.",
    "Nice to finally have some good news for you: the parcel is at your depot.",
    "I can see the other parcel is already out for delivery.",
]


@pytest.mark.parametrize("reply", SARCASM)
def test_sarcasm_without_a_set_phrase_is_found(reply: str) -> None:
    review = check(reply, conversation=CUSTOMER)
    assert "sarcasm" in {f.name for f in review.anti_patterns}
    assert review.verdict == "dont_send"


@pytest.mark.parametrize("reply", SINCERE)
def test_sincere_replies_with_the_same_words_stay_clean(reply: str) -> None:
    review = check(reply, conversation=CUSTOMER)
    assert "sarcasm" not in {f.name for f in review.anti_patterns}
