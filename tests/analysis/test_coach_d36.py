"""The reply coach (D36): sarcasm with no set phrase, and curt formal closers.

Sarcasm that needs no stock phrase mocks the customer for what they did ("Congratulations
on finally noticing"), talks down to them ("your confusion about how a calendar works") or
mocks the harm ("Oh dear, what a tragedy"). A closer that shuts the door ("I trust this
clarifies the situation", "Our position remains unchanged") tells a hot customer that
nothing they say will change anything: a policy shield. Each rule is tested both ways.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kettle.analysis import check

NOW = datetime(2026, 3, 4, 14, 20, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday
ANGRY = [{"role": "customer", "text": "I have now written three times about the wrong charge "
          "and nobody has done a thing. I am furious."}]


def _review(body: str):  # type: ignore[no-untyped-def]
    reply = (f"Dear Mr Cole,\n\nI am sorry for the trouble this has caused you.\n\n{body}"
             "\n\nRegards,\nAnn")
    return check(reply, conversation=ANGRY, now=NOW, tz="Europe/London")


SARCASM = [
    "Well, I'm sure you'll manage to read the manual next time.",
    "I'm sure you'll be able to check the booking date properly next time.",
    "Congratulations on finally noticing.",
    "Congrats on working it out.",
    "Well done for eventually reading the letter we sent in May.",
    "It is nice that you finally bothered to open the statement.",
    "Glad we could clear up your confusion about how a calendar works.",
    "I hope this helps with your difficulty understanding how a direct debit works.",
    "Oh dear, what a tragedy. A gate.",
    "I'm sure you'll survive.",
]

SINCERE = [
    "Congratulations on your new baby, and I'm sorry the move has started like this.",
    "Well done for spotting the duplicate payment; you were right, and I have refunded it.",
    "Thank you for noticing the error on the invoice, and I have corrected it this morning.",
    "I'm glad your parcel finally arrived, and I will still refund the delivery charge by 4pm.",
    "I'm sure you'll love the replacement, and I will call you at 10am tomorrow to check.",
    "I'm sorry for the confusion about how the new tariff works; the figures are set out below.",
    "What a disaster of a week you have had, and I am so sorry our part in it.",
]


CLOSERS = [
    "I trust this clarifies the situation.",
    "I trust the above makes our position clear.",
    "I trust that my letter fully answers your complaint.",
    "We consider this matter closed.",
    "We regard your complaint as resolved.",
    "Our position remains unchanged.",
    "Our decision on the cancellation fee has not changed.",
    "Our view of the £120 charge is the same as stated.",
    "There is nothing further we can add.",
    "We have nothing more to add.",
    "We will not be entering into further correspondence on this matter.",
    "We will not be corresponding further about this claim.",
]

OPEN_DOOR = [
    "I trust this answers your question; if not, just reply and I will ring you.",
    "I trust this helps, and let me know if anything is still unclear.",
    "Our position has changed: we will refund the fee in full today.",
    "I regard this as our mistake, not yours.",
    "There is nothing more important to us than getting this right for you.",
    "We will not be charging you for the replacement.",
    "I won't close your complaint until you tell me it is sorted.",
]


FOUND = [("sarcasm", s) for s in SARCASM] + [("policy_shield", s) for s in CLOSERS]
NOT_FOUND = [("sarcasm", s) for s in SINCERE] + [("policy_shield", s) for s in OPEN_DOOR]


@pytest.mark.parametrize(("name", "sentence"), FOUND)
def test_sarcasm_and_closers_that_shut_the_door_are_found(name: str, sentence: str) -> None:
    review = _review(f"I have refunded £20 of the charge. {sentence} I will call you by 4pm today.")
    assert name in {f.name for f in review.anti_patterns}
    assert review.verdict == "dont_send"


@pytest.mark.parametrize(("name", "sentence"), NOT_FOUND)
def test_sincere_praise_and_an_open_door_are_not(name: str, sentence: str) -> None:
    review = _review(f"I have refunded the charge. {sentence} I will call you by 4pm today.")
    assert name not in {f.name for f in review.anti_patterns}


# --- held-out misses, fixed generally ----------------------------------------------------

@pytest.mark.parametrize(("sentence", "insult"), [
    ("Anyone familiar with professional translation would understand this.", True),
    ("Anyone who has ever used a washing machine would know that.", True),
    ("Anyone experienced with boilers will appreciate why it takes time.", True),
    ("Anyone who has waited this long would be angry, and I am sorry.", False),
    ("Anyone familiar with your account can help you on 0800 555 0100.", False),
])
def test_measuring_the_customer_against_those_who_know_is_insulting(sentence: str,
                                                                     insult: bool) -> None:
    review = _review(f"{sentence} I will call you by 4pm today.")
    assert ("insulting" in {f.name for f in review.anti_patterns}) is insult


@pytest.mark.parametrize(("customer", "reply", "again"), [
    ("My daughter was hurt at your holiday club. Her member ID is HC-2291.",
     "Please provide your daughter's member ID so we can investigate.", True),
    ("I was billed twice again. Patient number 5520193.",
     "Could you send me your patient number, please?", True),
    ("My daughter was hurt at your holiday club.",
     "Please provide your daughter's member ID so we can investigate.", False),
    ("I was billed twice again. My phone number is 07700 900123.",
     "Could you send me your patient number, please?", False),
    ("My daughter was hurt at your holiday club. Her member ID is HC-2291.",
     "Thank you for her member ID; I have found her booking.", False),
])
def test_any_id_the_customer_gave_is_not_asked_for_again(customer: str, reply: str,
                                                          again: bool) -> None:
    review = check(reply, conversation=[{"role": "customer", "text": customer}], now=NOW,
                   tz="Europe/London")
    assert ("asking_again" in {f.name for f in review.anti_patterns}) is again
