"""Agents' e-mail replies: what a blind probe of 80 long, formal replies found (2026-12-07).

Each rule is tested with sentences other than the probe's, both ways; the probe itself
(tests/analysis/data/probe_email_replies.jsonl, scored by scripts/probe_email_replies.py)
must not score below the figures it ended with.
"""

from __future__ import annotations

import importlib.util
from datetime import datetime
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest

from kettle.analysis import check
from kettle.analysis.advice import SEVERITY, by_severity
from kettle.analysis.coach_gate import coach_gate
from kettle.analysis.playbook import default_playbook
from kettle.analysis.types import ANTI_PATTERNS, Finding, Span
from kettle.simulator.rules import HEAT

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 3, 4, 14, 20, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday
ANGRY = [{"role": "customer", "text": "This is the second time I've had to write to you about "
          "this and I am really fed up. Nobody has done anything."}]


def _email(body: str) -> str:
    return (f"Dear Ms Lee,\n\nI am sorry for the trouble this has caused you.\n\n{body}"
            "\n\nKind regards,\nAnn")


def _names(reply: str, conversation: list[dict[str, str]] | None = None) -> set[str]:
    review = check(reply, conversation=conversation or ANGRY, now=NOW, tz="Europe/London")
    return {f.name for f in review.anti_patterns}


FLAGGED = [
    # Formal refusals with nothing instead, the ruling, the clause quoted.
    ("policy_shield", "Unfortunately, we are unable to refund the delivery charge."),
    ("policy_shield", "I'm afraid we are not able to waive the cancellation fee."),
    ("policy_shield", "We are not in a position to reimburse the hotel costs."),
    ("policy_shield", "Having reviewed your appeal, our decision is final."),
    ("policy_shield", "We must therefore decline your request for a goodwill payment."),
    ("policy_shield", "In accordance with clause 9 of our terms, the deposit is non-refundable."),
    ("policy_shield", "The cancellation charge is clearly stated in your contract."),
    # Told you so, in e-mail words.
    ("scolding", "As we explained in our last letter, the account was closed in May."),
    ("scolding", "As I have already advised you, the warranty has expired."),
    # Handed on, formally.
    ("passing_the_buck", "I would advise you to contact your card issuer about the payment."),
    ("passing_the_buck", "We suggest that you raise this with the retailer."),
    ("passing_the_buck", "You may wish to take the matter up with the installer."),
    ("passing_the_buck", "Refund disputes fall under the remit of the billing department."),
    # The cause put on the customer.
    ("blame", "The failed payment was due to the wrong card number you entered."),
    ("blame", "The parcel was returned because of the incomplete address you provided."),
    ("blame", "This was caused by your own error when booking."),
    ("blame", "Regarding your claim that the driver never knocked, he did."),
    # Guarantees that depend on someone else.
    ("false_promise", "You have my word that the technician will arrive by 9."),
    ("false_promise", "I can assure you that this will not happen again."),
    # Mockery and insults.
    ("sarcasm", "Thank you for your lengthy essay about our delivery drivers."),
    ("sarcasm", "Thanks for your rather colourful choice of words."),
    ("sarcasm", "I'm sure the engineers will be delighted to hear your opinion of their work."),
    ("insulting", "Asking for a full refund after a year of use is an absurd request."),
    ("insulting", "Any sensible customer would have kept the packaging."),
    ("insulting", "Even a child could follow the setup guide."),
    ("insulting", "Honestly, it really isn't that hard to find the settings page."),
    ("insulting", "Maybe if you had checked the size chart, you would not need to return it."),
    ("insulting", "Some customers simply can't be pleased, it seems."),
    ("insulting", "Frankly, that's a stupid question."),
    ("insulting", "We cannot be expected to read your mind about delivery times."),
    # Canned lines.
    ("canned_phrase", "We sincerely apologise for any inconvenience this may have caused."),
    ("canned_phrase", "We regret any disruption this has caused."),
    ("canned_phrase", "Rest assured that we take all feedback very seriously."),
    ("canned_phrase", "We always strive to provide the highest level of customer service."),
    ("canned_phrase", "Your enquiry is important to us."),
    # Second round, wordings beyond the probe.
    ("policy_shield", "We regret to inform you that your claim cannot be accepted."),
    ("policy_shield", "Your appeal has not been upheld."),
    ("policy_shield", "Delivery can take up to ten days, as set out in our terms of sale."),
    ("policy_shield", "Your refund is still within our stated timeframe."),
    ("policy_shield", "We now consider this complaint closed."),
    ("scolding", "As confirmed in my earlier email, the booking was for Tuesday."),
    ("scolding", "As you have already been told, the offer ended in May."),
    ("scolding", "Your language in this email is completely unacceptable."),
    ("passing_the_buck", "You will need to contact the hotel directly about the deposit."),
    ("passing_the_buck", "Please address any further complaints to the customer relations "
     "team."),
    ("passing_the_buck", "Your email has been passed to the appropriate team."),
    ("blame", "The order was cancelled because you never activated your account."),
    ("blame", "Had you told us about the move, the bills would have gone to the right "
     "address."),
    ("doubt", "I cannot understand why you would be so upset about a small delay."),
    ("defensiveness", "We deal with thousands of requests every week."),
    ("defensiveness", "It's hardly my fault that the courier was late."),
    # Third round: belittling, the agent's side defended, guarantees, stock lines.
    ("insulting", "You obviously think we have nothing better to do than chase your parcel."),
    ("insulting", "We are not made of money, you know."),
    ("insulting", "Your expectations are frankly unrealistic."),
    ("insulting", "That's a little rich coming from someone who cancelled twice."),
    ("insulting", "I don't understand why you're making such a fuss about a late pizza."),
    ("defensiveness", "I'm sure the driver did not scratch it deliberately."),
    ("policy_shield", "I don't know what else you expect me to do."),
    ("false_promise", "I will guarantee that the replacement arrives in perfect condition."),
    ("false_promise", "Please rest assured that it won't be repeated."),
    ("canned_phrase", "We truly value your business."),
    ("canned_phrase", "Customer satisfaction is always our top priority."),
    ("canned_phrase", "Thank you for your continued patience and understanding."),
    ("canned_phrase", "We are sorry for the inconvenience and frustration caused."),
    # Fourth round: the record against the customer's word, hedging, a wait imposed.
    ("doubt", "Our system indicates that your order was collected on Monday."),
    ("doubt", "The driver has supplied proof of delivery."),
    ("doubt", "According to our records, the package was left in your porch."),
    ("doubt", "Please check again with the other people at your address."),
    ("hedging", "We'll try and get an engineer out to you when we have a moment."),
    ("hedging", "Hopefully it will be fixed eventually."),
    ("hedging", "I'll have to see what I can do, but no promises."),
    ("hedging", "The refund might possibly be delayed."),
    ("policy_shield", "You will need to wait five working days before we can open a claim."),
    ("policy_shield", "I'm sorry, but we don't refund opened items."),
    ("policy_shield", "We cannot exchange sale goods."),
]


@pytest.mark.parametrize(("name", "sentence"), FLAGGED)
def test_e_mail_anti_patterns_are_found(name: str, sentence: str) -> None:
    assert name in _names(_email(sentence))


CLEAN = [
    # A refusal with what we do instead; good news under the terms.
    "Unfortunately we are unable to deliver on Sundays, so I have booked you the first slot on "
    "Monday at 8am.",
    "I'm afraid we can't offer a cash refund, but I have added £40 credit to your account.",
    "In accordance with our terms you are entitled to a full refund, which I have issued today.",
    # An insurance claim is not a disputed claim.
    "I am sorry for the confusion about your claim, and I will call you by 4pm today.",
    # Our own word on our own action.
    "You have my word that I will call you by 4pm today.",
    # Sincere thanks, a request defended, the agent's own silly question.
    "Thank you for your detailed email, it helped me find the problem straight away.",
    "That is not an unreasonable request at all, and I have arranged it.",
    "I know this may be a silly question, but is the router plugged in?",
    "There's no such thing as a silly question, and I'm glad you asked.",
    "The setup isn't that hard once you know where to look, so I will call you by 4pm today to "
    "walk you through it.",
    # Our own failure, said plainly.
    "Unfortunately the engineer did not turn up, which is our fault. I will call you by 4pm today.",
    # A specific apology, not a canned one.
    "I am sorry for the inconvenience of taking a day off work for nothing.",
    # Second round: a refusal with an alternative; ours to contact; our own escalation kept.
    "I'm afraid we can't refund the fee, but I have credited £10 to your account.",
    "Please contact me directly on 0161 555 0100 if anything else comes up.",
    "Your case has been escalated to the relevant team, and I will call you by 4pm today with "
    "their answer.",
    "If you did not include the form, please don't worry: I will print one here.",
    "We don't normally refund opened items. However, as the fault is ours, I have refunded you "
    "in full today.",
    # Third round.
    "I'm sorry you had to make such a fuss to get this sorted. I will call you by 4pm today.",
    "We'll fit the new gate without any fuss on Monday, and I'll call you by 4pm today.",
    "I will personally make sure the carpenter calls you by 4pm today.",
    "Thank you for your patience while I looked into this; I will call you by 4pm today.",
    # Fourth round: the record shown wrong, or not held against the customer; a firm try.
    "Our tracking shows the parcel went to the wrong address, and I will call you by 4pm today.",
    "The courier has confirmed delivery, so I have opened an investigation with them and I will "
    "call you by 4pm today.",
    "The tracking says it was delivered, but you never got it, so I will call you by 4pm today.",
    "I will try to call you before 4pm today, and I will email you by 5pm either way.",
]


@pytest.mark.parametrize("sentence", CLEAN)
def test_good_e_mail_sentences_are_not_flagged(sentence: str) -> None:
    assert not _names(_email(sentence))


def test_a_canned_line_and_an_insult_set_the_verdict() -> None:
    canned = check(_email("We apologise for any inconvenience caused. I will call you by 4pm "
                          "today."), conversation=ANGRY, now=NOW, tz="Europe/London")
    assert canned.verdict == "improve"
    rude = check(_email("Frankly, that is a ridiculous demand. I will call you by 4pm today."),
                 conversation=ANGRY, now=NOW, tz="Europe/London")
    assert rude.verdict == "dont_send" and "insulting" in rude.reason


GIVEN = [{"role": "customer", "text": "Order 77120 arrived smashed. I've attached photos of the "
          "box and the receipt, and my address is 3 Mill Lane, Hove."}]


@pytest.mark.parametrize("sentence", [
    "Could you please send us your order number so that we can look into this?",
    "Please reply with photos of the damaged item.",
    "We will need your delivery address before we can send a replacement.",
    "Kindly resend the receipt and we will process the refund.",
])
def test_asking_for_what_the_customer_gave_is_flagged(sentence: str) -> None:
    review = check(_email(sentence), conversation=GIVEN, now=NOW, tz="Europe/London")
    assert "asking_again" in {f.name for f in review.anti_patterns}
    assert review.verdict != "send"


@pytest.mark.parametrize(("customer", "sentence"), [
    # Not given: the customer named no order number and sent no photos.
    ("My parcel arrived smashed and I am fuming.",
     "Could you please send us your order number and photos of the damage?"),
    # Given, and the reply says so.
    (GIVEN[0]["text"], "Thank you for the photos; there is no need to send anything else."),
    (GIVEN[0]["text"], "I have received your photos and the receipt, and I will call you by 4pm "
     "today."),
    # Not asked for again: kept handy, quoted in future.
    (GIVEN[0]["text"], "Please keep your order number handy in case the courier calls."),
    (GIVEN[0]["text"], "Please quote your order number if you write to us again."),
    # Given, and something else asked for.
    (GIVEN[0]["text"], "Could you tell me whether the outer box was damaged too?"),
])
def test_asking_for_what_was_not_given_is_not_asking_again(customer: str, sentence: str) -> None:
    conversation = [{"role": "customer", "text": customer}]
    assert "asking_again" not in _names(_email(sentence), conversation)


def test_the_rewrite_thanks_for_what_was_sent() -> None:
    review = check(_email("Please send us your order number."), conversation=GIVEN, now=NOW,
                   tz="Europe/London")
    again = next(f for f in review.anti_patterns if f.name == "asking_again")
    assert again.span.text.lower().startswith("your order number") or "order" in again.span.text
    assert again.rewrite is not None and "Thank you" in again.rewrite


@pytest.mark.parametrize("sentence", [
    "Your complaint will be reviewed by the relevant team in due course.",
    "The matter has been escalated and will be dealt with as soon as possible.",
    "A decision will be issued at the earliest opportunity.",
])
def test_a_passive_timeline_needs_a_time(sentence: str) -> None:
    review = check(_email(sentence), conversation=ANGRY, now=NOW, tz="Europe/London")
    assert "concrete_time" in review.missing and review.verdict == "improve"


def test_a_passive_timeline_beside_a_timed_promise_is_fine() -> None:
    review = check(_email("Your complaint will be reviewed in due course, and I will call you "
                          "by 4pm today with what I find."), conversation=ANGRY, now=NOW,
                   tz="Europe/London")
    assert "concrete_time" not in review.missing and review.verdict == "send"


def test_the_most_serious_finding_comes_first() -> None:
    # Text order: a canned line, then the buck passed, then an insult.
    reply = _email("We apologise for any inconvenience caused. You will need to contact your "
                   "bank. Frankly, that is a ridiculous demand.")
    review = check(reply, conversation=ANGRY, now=NOW, tz="Europe/London")
    assert review.reason.startswith("insulting")
    advice = review.advice
    assert advice.index("ridiculous demand") < advice.index("contact your bank") < advice.index(
        "any inconvenience")


def test_by_severity_keeps_text_order_within_a_kind_and_puts_unknown_kinds_last() -> None:
    def finding(name: str, start: int) -> Finding:
        return Finding("anti_pattern", name, Span(start, start + 1, "x"))

    ordered = by_severity((finding("jargon", 0), finding("custom", 1), finding("blame", 9),
                           finding("blame", 5)))
    assert [(f.name, f.span.start) for f in ordered] == [
        ("blame", 5), ("blame", 9), ("jargon", 0), ("custom", 1)]


def test_every_anti_pattern_is_ranked_heated_and_in_the_playbook() -> None:
    book = default_playbook()
    assert set(SEVERITY) == set(ANTI_PATTERNS)
    assert set(HEAT) == set(ANTI_PATTERNS)
    # forbidden_phrase and jargon come from word lists, not rules.
    assert set(book.anti_patterns) == set(ANTI_PATTERNS) - {"jargon", "forbidden_phrase"}
    for name, step in (("insulting", 2), ("canned_phrase", 2), ("asking_again", 2),
                       ("hedging", 3)):
        rule = book.anti_patterns[name]
        assert rule.step == step and rule.message and rule.rewrite


def test_every_anti_pattern_phrase_has_a_literal_gate() -> None:
    gate = coach_gate(default_playbook())
    assert not [key for key in gate.always if key[0] == "anti_patterns"]


def _probe_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "probe_email_replies", ROOT / "scripts" / "probe_email_replies.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_probe_scores_at_least_what_it_ended_with() -> None:
    figures = _probe_script().measure()
    assert figures["items"] == 80 and figures["flawed"] == 40 and figures["good"] == 40
    assert figures["verdict_right"] >= FINAL["verdict_right"]
    assert figures["flawed_caught"] >= FINAL["flawed_caught"]
    assert figures["good_flagged"] <= FINAL["good_flagged"]
    assert figures["promises_found"] >= FINAL["promises_found"]
    assert figures["due_exact"] >= FINAL["due_exact"]


#: The probe's figures at the end of the change (first run: 62, 23, 1, 71, 71).
FINAL = {"verdict_right": 80, "flawed_caught": 40, "good_flagged": 0, "promises_found": 71,
         "due_exact": 71}


@pytest.mark.parametrize(("sentence", "action"), [
    # Staying put promises nothing by itself ...
    ("I will stay on this email for the next 15 minutes in case the code fails.", None),
    ("We will remain committed to improving our service.", None),
    # ... but keeping on top of something, or an action after it, is a promise.
    ("I will remain on top of this and update you by 5pm.", "update you"),
    ("I'll stay on the line and call the depot by 3pm.", "call the depot"),
])
def test_staying_is_no_promise_unless_an_action_follows(sentence: str, action: str | None) -> None:
    from kettle.analysis.commitments import extract

    found = extract(sentence, now=NOW, tz="Europe/London")
    if action is None:
        assert found == ()
    else:
        assert len(found) == 1 and action in found[0].action and found[0].due is not None


SYDNEY = datetime(2026, 9, 22, 16, 40, tzinfo=ZoneInfo("Australia/Sydney"))  # a Tuesday


@pytest.mark.parametrize(("text", "action", "due"), [
    # A paragraph of an e-mail starts a sentence: a team or "Expect…" after a blank line.
    ("Dear Ms Kelly,\n\nI'm sorry.\n\nBilling will refund you by Friday.\n\nKind regards",
     "refund you", datetime(2026, 9, 25, 17, 0)),
    ("Dear Ms Kelly,\n\nI'm sorry.\n\nExpect a call from me between 9 and 11 tomorrow.\n\nMatt",
     "call from me", datetime(2026, 9, 23, 11, 0)),
    # UK "a week today", "a week tomorrow": that day a week on, at the end of the day.
    ("I'll email you again a week today.", "email you again", datetime(2026, 9, 29, 17, 0)),
    ("I'll call you a week tomorrow.", "call you", datetime(2026, 9, 30, 17, 0)),
    ("I'll call you a week on Monday.", "call you", datetime(2026, 10, 5, 17, 0)),
    # "on or before" leads the due phrase, it is not part of the action.
    ("I will contact you again on or before 30 September.", "contact you again",
     datetime(2026, 9, 30, 17, 0)),
])
def test_e_mail_promise_forms(text: str, action: str, due: datetime) -> None:
    from kettle.analysis.commitments import extract

    found = extract(text, now=SYDNEY, tz="Australia/Sydney")
    assert len(found) == 1
    assert found[0].action.endswith(action) or found[0].action == action
    assert found[0].due is not None
    assert found[0].due.replace(tzinfo=None) == due


def test_a_plain_today_is_still_today() -> None:
    from kettle.analysis.commitments import extract

    found = extract("I'll call you today.", now=SYDNEY, tz="Australia/Sydney")
    assert found[0].due is not None and found[0].due.day == 22


@pytest.mark.parametrize(("second", "shield"), [
    # What we do instead, in the next sentence: "no, but here is what I can do".
    ("However, I have added £10 credit to your account.", False),
    ("Instead, I have arranged a free repair for Friday.", False),
    ("What I can do is send you a replacement today.", False),
    # Nothing instead: the refusal stands.
    ("However, I can't do anything else.", True),
    ("I hope you understand.", True),
])
def test_a_refusal_followed_by_what_we_do_instead_is_no_shield(second: str, shield: bool) -> None:
    reply = _email(f"Unfortunately we are unable to refund the delivery charge. {second}")
    assert ("policy_shield" in _names(reply)) is shield


def test_the_terms_quoted_stay_a_shield_whatever_follows() -> None:
    reply = _email("As per our terms and conditions, refunds cannot be given after 14 days. "
                   "However, I will send you a discount code.")
    assert "policy_shield" in _names(reply)
