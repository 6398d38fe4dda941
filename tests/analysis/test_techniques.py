"""Every technique the reply coach recognises, with real sentences, positive and negative."""

from __future__ import annotations

import pytest

from kettle.analysis.coach import check
from kettle.analysis.playbook import load_playbook

HOT = [
    {
        "role": "customer",
        "text": "I needed the truck here by 1 pm to finish cleaning before the inspection "
        "and it never came! This is a disaster!",
    }
]


def names(reply: str, conversation: list[dict[str, str]] | None = None) -> set[str]:
    return {f.name for f in check(reply, conversation=conversation).techniques}


POSITIVE = [
    ("acknowledgement", "OK, I see."),
    ("acknowledgement", "I understand. Go on."),
    ("apology", "I apologise for the delay with your delivery."),
    ("apology", "We're very sorry for the mix-up."),
    ("apology", "We really messed up here."),
    ("apology", "We let you down, and I want to put that right."),
    ("empathy", "I'm really sorry to hear that. Can you tell me exactly what happened?"),
    ("empathy", "I can understand your frustration. Let me be the one to help you."),
    ("empathy", "That must have been really hard for you."),
    ("empathy", "That is not good enough, and I am going to fix it."),
    ("empathy", "Honestly, I'd be annoyed too."),
    ("empathy", "I would be furious as well, to be honest."),
    ("reflection", "It sounds like that was extremely stressful, because you needed the "
     "truck there by 1 pm to finish cleaning before the inspection."),
    ("reflection", "You must be so frustrated after waiting all morning."),
    ("reflection", "You seem really worried about the inspection."),
    ("ownership", "I can help you with that."),
    ("ownership", "Let me be the one to help you."),
    ("ownership", "I'll take care of this personally."),
    ("plan", "I will call the depot now and call you back by 5 pm today."),
    ("plan", "We'll send a replacement part to your address."),
    ("concrete_time", "I will call you back by 5 pm today."),
    ("concrete_time", "You will have the refund within 48 hours."),
    ("concrete_time", "I'll email the label by end of day."),
    ("thanks", "Thank you for your patience while I checked."),
    ("thanks", "I really appreciate you letting us know."),
    ("question_open", "What happened when the driver arrived?"),
    ("question_open", "Can you tell me more about the damage?"),
    ("question_closed", "Did the driver leave a card?"),
    ("question_closed", "Is the package still in the hallway?"),
    ("suggestion", "You could try restarting the router first."),
    ("suggestion", "Have you considered switching to the annual plan?"),
    ("suggestion", "I would suggest keeping the receipt."),
    ("suggestion", "Let yourself rest tonight, it has been a long week."),
    ("information", "The warehouse closes at six on weekdays and reopens on Monday morning."),
    ("information", "Your order was shipped on Tuesday from the Leeds depot."),
    ("apology", "I'm sincerely sorry that you've had to write to us three times."),
    ("empathy", "I totally get it, that's super frustrating."),
    ("empathy", "I get it. Nobody wants to wait in all day."),
    ("empathy", "I'm sure you'll get through this, you've been so patient."),
    ("reflection", "Being stranded with two small children must be incredibly stressful."),
    ("reflection", "Being promised call-backs that never come must be maddening."),
    ("ownership", "I'm taking ownership of this myself."),
    ("ownership", "I'm staying on it until it's fixed."),
    ("plan", "I'm rebooking you now and will send the details."),
    ("plan", "I'll sort the refund today."),
    ("concrete_time", "I'll call you back within the hour."),
    ("concrete_time", "I'll email you on Monday."),
    ("apology", "Thanks for letting us know, and sorry about the mix-up."),
    ("apology", "Apologies, that should not have happened."),
    ("empathy", "I can see that's a shock."),
    ("empathy", "Exactly, that's what I'd expect too."),
    ("plan", "I've unblocked your card now."),
    ("empathy", "That's a big jump and I can see why it's confusing."),
    # A finished action and an offer are plans too (a lead's probe, 2026-12-07).
    ("plan", "I've added your reading to the account."),
    ("plan", "I've put a note on your account and asked the billing team to correct it."),
    ("plan", "We have recorded your broadband issue and reported it to the engineers."),
    ("plan", "I can post one today."),
    ("plan", "I can send a replacement out today if you like."),
    ("plan", "Would you like me to rebook you on the 6pm?"),
    ("plan", "I'd be happy to refund the delivery charge."),
]


@pytest.mark.parametrize(("technique", "reply"), POSITIVE)
def test_technique_found(technique: str, reply: str) -> None:
    assert technique in names(reply)


NEGATIVE = [
    ("acknowledgement", "The parcel left the depot this morning."),
    ("apology", "I'm sorry to hear that."),  # empathy, not an apology for our fault
    ("apology", "The driver is on his way to you."),
    ("apology", "I made sure the driver has the right address."),
    ("empathy", "Please send us the receipt."),
    # False comfort about the very thing the customer is chasing.
    ("empathy", "I'm sure it'll turn up soon."),
    ("empathy", "I'm sure it will arrive tomorrow."),
    ("empathy", "I'm sure everything will be sorted shortly."),
    ("reflection", "It sounds like a plan."),
    ("reflection", "Your order number is on the receipt."),
    ("ownership", "That team handles refunds."),
    ("plan", "I think the depot closes early on Fridays."),
    ("concrete_time", "I'll get back to you soon."),
    ("concrete_time", "I will look into it."),
    ("thanks", "No thanks are needed for this."),
    ("thanks", "I will check the tracking."),
    ("question_open", "Did the driver ring the bell?"),
    ("question_closed", "The refund is on its way."),
    ("suggestion", "I'm sorry this happened to you."),
    ("suggestion", "Let me check that for you right now."),
    ("suggestion", "So the parcel never arrived and you could not reach anyone, is that right?"),
    ("information", "I'm so sorry you had to wait!"),
    ("information", "What happened next?"),
    ("apology", "Sorry for any inconvenience caused."),
    ("apology", "I apologise if you feel you've been ignored."),
    ("ownership", "That's not something I can help with."),
    ("empathy", "I'll get it sorted for you."),
    ("empathy", "As soon as I get that information I will forward it."),
    ("concrete_time", "I'll call you back as soon as I can."),
    ("empathy", "A manager will tell you exactly the same thing as me."),
    ("empathy", "Please don't worry, there's nothing to be concerned about."),
    ("apology", "I'm not sorry for asking."),
    ("plan", "We have paid attention to your problem."),
    ("plan", "I have asked you twice for the account number."),
    ("plan", "I have paid my mortgage first, then the car."),
    ("plan", "We can't refund opened items."),
    ("plan", "I'd be happy to talk about that."),
    ("plan", "I could have told you that."),
]


@pytest.mark.parametrize(("technique", "reply"), NEGATIVE)
def test_technique_not_found(technique: str, reply: str) -> None:
    assert technique not in names(reply)


def test_restatement_needs_the_customers_words() -> None:
    conversation = [
        {"role": "customer", "text": "The driver left my fridge outside in the rain all night."}
    ]
    reply = "So you're saying the driver left your fridge outside in the rain?"
    assert "restatement" in names(reply, conversation)
    # The same echo with nothing said before it mirrors nobody.
    assert "restatement" not in names(reply)
    unrelated = "So your account has a discount on the next order."
    assert "restatement" not in names(unrelated, conversation)


def test_restatement_by_overlap_without_a_lead_in() -> None:
    conversation = [{"role": "customer", "text": "My new washing machine leaks water everywhere."}]
    reply = "Your new washing machine leaks water everywhere."
    assert "restatement" in names(reply, conversation)
    assert "restatement" not in names("The machine ships from our warehouse.", conversation)


def test_feeling_guess_with_restatement_is_reflection_first() -> None:
    review = check(
        "It sounds like that was extremely stressful, because you needed the truck there "
        "by 1 pm to finish cleaning before the inspection.",
        conversation=HOT,
    )
    found = {f.name for f in review.techniques}
    assert {"reflection", "restatement"} <= found
    assert review.acts[0] == "reflection"


def test_technique_steps_follow_the_method() -> None:
    review = check("I can understand your frustration. I will call the depot now.")
    steps = {f.name: f.step for f in review.techniques}
    assert steps["empathy"] == 2
    assert steps["plan"] == 3


def test_organisation_can_add_a_technique_phrase() -> None:
    reply = "Consider it handled."
    assert "ownership" not in names(reply)
    org = load_playbook({"techniques": {"ownership": {"patterns": [r"\bconsider it handled\b"]}}})
    found = {f.name for f in check(reply, playbook=org).techniques}
    assert "ownership" in found
