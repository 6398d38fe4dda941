"""Every anti-pattern the reply coach flags, with real sentences, positive and negative."""

from __future__ import annotations

import pytest

from kettle.analysis.advice import apply_rewrites
from kettle.analysis.coach import check
from kettle.analysis.playbook import load_playbook

HOT = [
    {
        "role": "customer",
        "text": "This is the THIRD time I'm calling about this!!! Your company is useless "
        "and I am absolutely furious!",
    }
]
CALM = [{"role": "customer", "text": "Hi, I'd like to check on the status of my delivery."}]


def flagged(reply: str, conversation: list[dict[str, str]] | None = None) -> set[str]:
    return {f.name for f in check(reply, conversation=conversation).anti_patterns}


POSITIVE = [
    # A bare refusal, nothing offered instead (2026-12-07).
    ("policy_shield", "We can't do that, sorry."),
    ("policy_shield", "Unfortunately that is not something we can do."),
    # Held-out e-mail probe (2026-12-07): blame by counterfactual and by duty, reminders,
    # doubt by likelihood or assumption, our people's record held up.
    ("blame", "Had the bike been cleaned and lubricated according to the manual, the brake "
              "would not have lost power."),
    ("blame", "Had you logged in to your account, you would have seen the notice."),
    ("blame", "It is the account holder's responsibility to keep the details up to date."),
    ("scolding", "I would remind you that our opening hours are on the website."),
    ("doubt", "It is highly unlikely that termites are active again so soon."),
    ("doubt", "I can only assume the call did not connect on your side."),
    ("defensiveness", "Our engineers always test every lock before leaving the property."),
    ("defensiveness", "Our translator is a qualified native speaker with fifteen years' "
                      "experience."),
    ("doubt", "That's strange, that has never happened before."),
    ("doubt", "Are you sure that's what happened?"),
    ("doubt", "I find that hard to believe."),
    ("doubt", "I am sure the parcel was delivered, did you check with your neighbours?"),
    ("doubt", "We have no record of your call."),
    ("doubt", "Our system is never wrong."),
    ("policy_shield", "It's not our policy to refund opened items."),
    ("policy_shield", "You have to write to us if you want a refund."),
    ("policy_shield", "You will have to come in personally with the receipt."),
    ("policy_shield", "As per our policy, we cannot refund shipping."),
    ("policy_shield", "It is what it is."),
    ("policy_shield", "That's just how it is, I'm afraid."),
    ("policy_shield", "Rules are rules."),
    ("blame", "Whose fault is this?"),
    ("blame", "About your accusation that our driver was rude: that is not true."),
    ("blame", "You should have read the terms before ordering."),
    ("blame", "You must have entered the wrong address."),
    ("blame", "Well, if you had called earlier we could have helped."),
    ("blame", "Obviously, you entered the wrong card number."),
    ("blame", "Did you even check your spam folder?"),
    ("scolding", "You people always expect everything for free."),
    ("scolding", "As I already explained, the form is online."),
    ("scolding", "Please lower your tone."),
    ("scolding", "I don't appreciate your attitude."),
    ("scolding", "Per my last email, the refund is pending."),
    ("scolding", "As mentioned previously, please allow 5 days."),
    ("calm_down", "Please calm down, sir."),
    ("calm_down", "Relax, it's only a parcel."),
    ("sarcasm", "Well excuse me for trying to help."),
    ("sarcasm", "Good luck with that."),
    ("sarcasm", "Whatever."),
    ("defensiveness", "It's not my fault the truck was late."),
    ("defensiveness", "I've had a long day too, you know."),
    ("defensiveness", "I only started here last week so I do not know."),
    ("defensiveness", "Our system shows it was delivered, so there is no problem on our side."),
    ("defensiveness", "I'm just the messenger here."),
    ("defensiveness", "What did you expect us to do, give it away for free?"),
    ("passing_the_buck", "That's not my department."),
    ("passing_the_buck", "You'll have to call someone else about that."),
    ("passing_the_buck", "You'll have to contact the courier directly."),
    ("jargon", "I have raised an RMA for the unit."),
    ("jargon", "This is covered by the SLA."),
    ("jargon", "I checked the ticket escalation matrix."),
    # 2026-12-03, night: a probe of 203 replies to hot customers found these let through.
    ("doubt", "Our records show you were home at the time of delivery."),
    ("doubt", "I understand your frustration, however our records show it was delivered."),
    ("doubt", "It says delivered on our end, so it must have been delivered."),
    ("doubt", "I'm not sure why you're upset, you were offered a rebooking."),
    ("doubt", "Nobody else in your area has reported a fault."),
    ("doubt", "I hear what you're saying, but the charge is correct."),
    ("policy_shield", "Under our conditions of carriage we're not obliged to provide a hotel."),
    ("policy_shield", "Our terms state that once tracking shows delivered, it is yours."),
    ("policy_shield", "Refunds can only be requested in writing via the form on our website."),
    ("policy_shield", "I'm afraid our hands are tied until the carrier finishes."),
    ("policy_shield", "As per company guidelines, we wait 10 days."),
    ("policy_shield", "That's just how the process works, I'm afraid."),
    ("policy_shield", "You would need to go to the ticket desk in person for that."),
    ("policy_shield", "I'm not authorized to issue refunds."),
    ("blame", "Did you maybe click the pay button twice?"),
    ("blame", "Who told you it would arrive on Tuesday?"),
    ("blame", "If you'd opted for signed-for delivery this wouldn't have happened."),
    ("blame", "You entered the wrong postcode, which is why it went missing."),
    ("blame", "So it may be something on your side."),
    ("scolding", "With respect, I've already answered that question twice."),
    ("scolding", "You should check your statement more carefully before making accusations."),
    ("scolding", "Shouting in capitals won't get this resolved any faster."),
    ("scolding", "Next time, please make sure you keep your receipts."),
    ("scolding", "Customers like you always expect everything to work instantly."),
    ("scolding", "I'll need you to keep a civil tone if you want my help."),
    ("scolding", "To be honest, most people would just check with their neighbours first."),
    ("calm_down", "There's no need to get so worked up."),
    ("calm_down", "Chill, we'll figure it out."),
    ("calm_down", "Calm yourself, it'll be refunded."),
    ("calm_down", "Try not to get too stressed about it."),
    ("calm_down", "Let's keep things calm, shall we?"),
    ("sarcasm", "I'm sorry, we're not magicians!"),
    ("sarcasm", "Wow, three whole emails."),
    ("sarcasm", "Yes, because we cancel flights just to annoy you."),
    ("sarcasm", "Congratulations, you've found our one billing glitch this year."),
    ("defensiveness", "I'm doing my best here, you know."),
    ("defensiveness", "To be fair, we did send you an email about delays."),
    ("defensiveness", "In our defence, the storm last week took out half the network."),
    ("defensiveness", "The duplicate was caused by your bank, not us."),
    ("defensiveness", "Cancellations happen, it's nobody's fault."),
    ("defensiveness", "I've only been here two weeks."),
    ("defensiveness", "The same thing happened to me with my bank last month."),
    ("passing_the_buck", "You'll need to take that up with the airport, not us."),
    ("passing_the_buck", "Your bank will have to sort that out."),
    ("passing_the_buck", "I'll transfer you to another department."),
    ("passing_the_buck", "That's not something I can help with."),
    ("passing_the_buck", "That's the courier's problem really."),
    ("passing_the_buck", "Unfortunately that's outside my remit."),
    ("jargon", "Your ONT shows LOS so it's a PON fault."),
    ("jargon", "The RMA was rejected by the 3PL."),
    ("jargon", "Your PNR was rebooked by the IROP desk."),
    # From the 2026-12-06 probe of replies agents write.
    ("policy_shield", "A manager will tell you exactly the same thing as me."),
    ("policy_shield", "You must give 30 days' written notice as per your contract."),
    ("policy_shield", "Escalation requests must be submitted in writing."),
    ("policy_shield", "Engineers are allocated on a first-come first-served basis."),
    ("policy_shield", "Unfortunately all rooms are subject to availability."),
    ("blame", "Did you drop it?"),
    ("blame", "Have you dropped the phone at all?"),
    ("defensiveness", "Our kettles are tested before they leave the warehouse."),
    ("defensiveness", "Apologies, I was very busy yesterday."),
    ("scolding", "There's no need for threats."),
    ("scolding", "Please don't threaten us."),
    ("scolding", "Please refrain from using offensive language."),
    ("scolding", "We will not tolerate abuse of our staff."),
    ("calm_down", "Don't panic, we'll look at it."),
    ("doubt", "Our records show that no cancellation request was received."),
    ("doubt", "Our records show only one previous contact from you."),
    ("doubt", "Well, it can't have just disappeared, can it?"),
    ("doubt", "I'm sure he didn't mean it that way."),
    ("policy_shield", "As per policy, compensation is only available for delays over 15 minutes."),
    ("policy_shield", "Please refer to section 7.3 of your T&Cs."),
    ("scolding", "No problem. In future, please allow 7 working days before contacting us."),
    ("scolding", "You should always wait for the SMS before travelling."),
    ("scolding", "We always recommend users keep regular backups."),
    ("scolding", "Calling it theft is a bit much, don't you think?"),
    ("sarcasm", "Glad you're feeling the love! Your refund is being processed."),
    ("blame", "Did you back up your files before installing the update?"),
    ("defensiveness", "Engineers are very busy at this time of year."),
    ("defensiveness", "Unfortunately accidents happen."),
    ("defensiveness", "We apologise for the delay, this was due to high demand in your area."),
    ("defensiveness", "Our engineers are fully trained professionals."),
    ("passing_the_buck", "Parcels marked as delivered are the responsibility of the courier."),
    ("passing_the_buck", "Please contact DPD directly."),
    ("passing_the_buck", "I'll pass this to our billing team and they'll contact you."),
    ("jargon", "Your device connected to a non-domestic MNO."),
    # A blind probe of 160 replies by a support lead (2026-12-06, evening).
    ("scolding", "You could have just done this yourself in the app, you know."),
    ("scolding", "As mentioned in our FAQ, which you could have checked first, seats can be "
                 "changed online."),
    ("scolding", "Obviously you should have added it when you booked, it says so on every page."),
    ("doubt", "Did you actually buy it from us? Lots of people try to return items elsewhere."),
    ("doubt", "Have you checked it's not your phone? Works fine for everyone else."),
    ("policy_shield", "Overbooking is standard practice and is permitted under our contract."),
    ("policy_shield", "Per clause 12.4 of your agreement, the fee applies."),
    ("policy_shield", "Readings should be submitted via the app, not this channel."),
    ("passing_the_buck", "Contact the airport."),
    ("passing_the_buck", "You'll have to go into one of our stores."),
    # 2026-12-07 probe of e-mail replies.
    ("minimising", "It's only a small delay, though, and most orders catch up within a week."),
    ("minimising", "Honestly, it's not the end of the world if the handover slips by an hour."),
    ("minimising", "Oh well, at least it's not lost!"),
    ("minimising", "Honestly, it's only £4 in bank charges."),
    ("minimising", "It's a minor glitch really, nothing to worry about."),
    ("false_promise", "This will never happen again."),
    ("false_promise", "I guarantee the new crew will be there by 12."),
    ("false_promise", "Don't worry, it will definitely arrive tomorrow, guaranteed."),
    ("false_promise", "This will be the last problem you ever have with us."),
    ("blame", "You must have dropped it in transit or something."),
    ("blame", "It was probably just a mix-up with the address you gave us."),
    ("blame", "You really should have booked the earlier slot we recommended."),
    ("blame", "If you had entered your card details correctly the first time, this wouldn't "
     "have happened."),
    ("scolding", "For future reference, it's always worth checking your statement first."),
    ("scolding", "Just a tip for next time: you can add a safe-place note."),
    ("scolding", "Next time, it would help if you checked your spam folder."),
    ("scolding", "As previously stated, refunds take 5-7 working days."),
    ("scolding", "Kindly refer to my earlier email for the returns process."),
    ("scolding", "I'll say it again: the engineer needs access to the meter."),
    ("scolding", "Threatening to leave reviews everywhere won't get this sorted any faster."),
    ("scolding", "Please don't take that tone with our engineers when they arrive."),
    ("scolding", "You're clearly a very impatient person."),
    ("doubt", "Have you actually checked that you sent it to the right address?"),
    ("doubt", "Our records show it was delivered on Friday, so it must be there somewhere."),
    ("doubt", "Actually, you didn't contact us three times – our records show two calls."),
    ("doubt", "That's not correct – the engineer arrived at 2:05."),
    ("policy_shield", "You will have to write to our head office in Dublin to claim."),
    ("policy_shield", "That's just how the payment system works when a card is declined."),
    ("policy_shield", "Those are the rules, I'm afraid."),
    ("policy_shield", "I can't override the system, sorry."),
    ("policy_shield", "There's nothing more I can do on my end."),
    ("defensiveness", "That's out of my control, I'm afraid."),
    ("defensiveness", "I've had a really long week too, to be honest."),
    ("defensiveness", "We get a lot of complaints like yours on Mondays."),
    ("defensiveness", "It's been crazy busy here since the storms."),
    ("defensiveness", "We just don't have enough engineers."),
    ("defensiveness", "Our warehouse team is dealing with a huge backlog."),
    # 2026-12-07 blind probe by a support lead: replies that had been let through.
    ("blame", "Cos we need to know who's to blame here."),
    ("blame", "did you do anything to it? Like drop it or get it wet?"),
    ("policy_shield", "it's just company policy, I can't, I can't go against policy."),
    ("policy_shield", "you'll have to email bookings@ with a written request"),
    ("policy_shield", "you have to submit a ticket through the support portal"),
    ("scolding", "you really should be checking your emails… everyone else got the email."),
    ("scolding", "keep an eye on your notifications, that's what they're for 🙂"),
    ("scolding", "You should always inspect deliveries"),
    ("scolding", "Customers often damage items themselves and then claim it was the delivery"),
    ("scolding", "Customers usually don't read the instructions, to be honest."),
    ("defensiveness", "it's been mental tonight… double the orders and two drivers off sick"),
    ("defensiveness", "that's not actually our fault, it was our hosting provider's outage"),
    ("defensiveness", "Well, it's not like we cancel flights for fun"),
    ("defensiveness", "last year my own flight to Berlin got cancelled and I missed a concert"),
    ("defensiveness", "I don't think that's fair"),
    ("doubt", "I don't think that's accurate, the engineer was there at 2."),
    ("sarcasm", "I'll just magic it up for you shall I"),
    ("sarcasm", "it's rocket science, clearly"),
    ("sarcasm", "congratulations, I guess"),
    ("sarcasm", "cos the manager's just sitting there waiting for your call"),
    ("sarcasm", "Oh sure, I'm sure the wedding can't possibly happen without you."),
    ("passing_the_buck", "that's handled by the manufacturer not us, so best to contact them 👍"),
    ("passing_the_buck", "I'm just the front desk… I'll pass you over"),
    ("passing_the_buck", "I'm only a chat agent, I can't see that."),
    ("passing_the_buck", "that's a bank issue, you'd have to ask your bank"),
    ("passing_the_buck", "data issues aren't handled by this team. You'll need to email "
                         "data@acme.io"),
    ("false_promise", "it'll definitely be back in ten minutes, I promise, like, definitely."),
    ("false_promise", "he'll be there within the hour, guaranteed."),
    ("false_promise", "I'll make sure it's with you tomorrow morning no matter what 💪"),
    ("false_promise", "I promise it'll be with you by 9am tomorrow, 100% guaranteed"),
    ("jargon", "legacy SKU… pro-rata delta on the ARPU"),
    ("jargon", "FNOL review… subrogation check"),
    ("jargon", "IMSI/HLR"),
]


@pytest.mark.parametrize(("name", "reply"), POSITIVE)
def test_anti_pattern_flagged(name: str, reply: str) -> None:
    assert name in flagged(reply)


NEGATIVE = [
    ("policy_shield", "I can't do that right now, but I will call you back by 3pm with an answer."),
    ("policy_shield", "I cannot do it until Monday, when the system is back."),
    ("policy_shield", "Is there anything else we can do?"),
    ("blame", "Had I known, I would have called you sooner."),
    ("doubt", "It is highly unlikely that you will be charged again, and I will check it daily."),
    ("doubt", "I can only assume how stressful this has been."),
    ("defensiveness", "Our engineers always carry ID, so please ask to see it."),
    ("minimising", "It is just a bit stronger than last year's model."),
    ("minimising", "I'm sorry, a three-week delay is not a small thing."),
    ("false_promise", "They seem to think that it will never happen to them."),
    ("false_promise", "I'll do everything I can to stop this happening again."),
    ("blame", "You should have received a confirmation email by now."),
    ("blame", "You should have been told about the delay, and I'm sorry."),
    ("scolding", "Next time you might try the breathing exercise we talked about."),
    ("doubt", "That's not right, and I'm sorry it happened."),
    ("defensiveness", "I try not to worry about factors outside my control."),
    ("policy_shield", "There's nothing you need to do: I've sorted it."),
    ("sarcasm", "Congratulations on the move! I'll set it up for 20 March now."),
    ("sarcasm", "Congratulations on your new arrival!"),
    ("scolding", "It looks like you could have used a few stitches there."),
    ("scolding", "Maybe ask your teacher what they feel you could have done differently."),
    ("passing_the_buck", "I'll contact the airport for you and call you back by 3pm."),
    ("doubt", "I'm sorry this happened. Let me look into it right away."),
    ("doubt", "I'm sure we can sort this out today."),
    ("doubt", "I am sure the replacement will arrive tomorrow."),
    ("doubt", "Our system was down on Monday, so your call may not have reached us."),
    ("doubt", "We have no record of any charge after the refund, so you are all square."),
    ("doubt", "Our system shows it was delivered on Monday at 2 pm; I am sorry it did not "
              "reach you, I will open a trace now."),
    ("policy_shield", "Here's what I can do for you right now."),
    ("policy_shield", "As per your request, I have cancelled the order."),
    ("policy_shield", "That's just how I would do it too: restart, then update."),
    ("policy_shield", "Under our refund policy you get the full amount back, and I have "
                      "started it."),
    ("blame", "Let's focus on putting this right for you."),
    ("blame", "Who delivered the parcel, do you remember?"),
    ("blame", "You may have noticed a small delay on our site today."),
    ("blame", "If you had any trouble with the form, just reply here and I will help."),
    ("blame", "Did you receive the email I sent this morning?"),
    ("blame", "You clearly care about getting this right, thank you."),
    ("scolding", "Thank you for explaining it so clearly."),
    ("scolding", "As mentioned in your message, the parcel is at the depot."),
    ("scolding", "Mind the step when you collect it, the entrance is being repaired."),
    ("calm_down", "Breathing exercises can help you relax after a long day."),
    ("calm_down", "I can hear how upsetting this is, and I want to help."),
    ("sarcasm", "Great, I have found your order."),
    ("sarcasm", "Whatever time suits you, I can call you back."),
    ("defensiveness", "I'm sorry this has been so frustrating for you."),
    ("defensiveness", "I started the refund for you just now."),
    ("defensiveness", "The messenger app was down this morning, it works again now."),
    ("defensiveness", "What do you expect the delivery date to be on your side?"),
    ("passing_the_buck", "I'll contact the right team for you and come back to you."),
    ("passing_the_buck", "I will contact the courier directly and call you back by 3 pm."),
    ("jargon", "I have sent you a return form for the unit."),
    # Near misses of the night's rules.
    ("doubt", "Our records show you were charged twice; I'm refunding one payment now."),
    ("doubt", "I'm not sure yet why the second charge happened, but I'll find out."),
    ("doubt", "I hear what you're saying, and you're right: I'll refund it now."),
    ("policy_shield", "It's our policy to refund duplicate charges immediately, so I've done "
                      "that now."),
    ("policy_shield", "Our policy is that you should never be out of pocket for our mistake."),
    ("blame", "If you'd like a call instead, just say."),
    ("scolding", "Next to the router there is a reset button."),
    ("calm_down", "Please don't worry about the paperwork, I'll handle it."),
    ("defensiveness", "I'm doing my best to get this sorted for you today."),
    ("defensiveness", "To be fair to you, you were right all along."),
    ("defensiveness", "I can see we did send you the wrong size, I'm sorry."),
    ("passing_the_buck", "I'll take that up with the airport myself and call you back."),
    ("jargon", "I'll be in Los Angeles next week, and the pan was sent on Monday."),
    ("premature_info_request", "I've found your order, so there's no need to send me the order "
                               "number or postcode."),
    ("premature_info_request", "With respect, airlines cancel flights all the time."),
    # Near misses of the 2026-12-06 rules.
    ("scolding", "There's no need for that, I've already refunded you."),
    ("policy_shield", "As per your request, I've cancelled the order."),
    ("policy_shield", "The upgrade is free and not subject to any fee."),
    ("blame", "Did you drop off the parcel at the depot? Then it's on its way."),
    ("defensiveness", "Our engineers are tested and certified every year."),
    ("calm_down", "There's no panic, I have time to help you now."),
    ("doubt", "If the record shows no message is blocked, the filter is not the cause."),
    ("scolding", "You should always keep your head held high."),
    ("passing_the_buck", "Please contact us directly if there is any problem."),
    ("passing_the_buck", "I'll pass this to our billing team and I'll call you back by 3 pm."),
    ("sarcasm", "Well, at least you can keep preparing for it tonight."),
    # Good replies near the 2026-12-07 rules.
    ("defensiveness", "I'm so sorry, that's not OK. I'll call the depot now and ring you back "
                      "by 5pm."),
    ("policy_shield", "Our policy allows a full refund in your case, so I've refunded it now."),
    ("passing_the_buck", "I'll pass this to our billing team and stay with you on it; I'll call "
                         "you by 3pm with their answer."),
    ("blame", "Could you tell me what happened?"),
    ("sarcasm", "I'm sure we can sort this out today."),
    ("sarcasm", "Congratulations on the new house!"),
    ("passing_the_buck", "That's handled by our returns team, I've already sent it to them and "
                         "I'll update you by noon."),
    ("passing_the_buck", "I'll pass you over to Sam in billing, who can refund it now, and I'll "
                         "stay on the line."),
    ("scolding", "Customers often ask whether the lid is dishwasher safe, and it is."),
    ("scolding", "Feel free to use the chat any time, that's what it's for."),
    ("scolding", "When I was a student I felt that everyone else knew where they were going."),
    ("defensiveness", "I don't think it's fair that you waited so long, so I've refunded you."),
    ("defensiveness", "It's not like you to miss a payment, so I've waived the fee."),
    ("false_promise", "It's not 100% guaranteed, but it usually arrives the next day."),
    ("blame", "Once the insurers agree who was at fault, the excess is refunded."),
]


@pytest.mark.parametrize(("name", "reply"), NEGATIVE)
def test_anti_pattern_not_flagged(name: str, reply: str) -> None:
    assert name not in flagged(reply)


def test_every_finding_names_step_message_and_rewrite() -> None:
    for name, reply in POSITIVE:
        for finding in check(reply).anti_patterns:
            assert finding.kind == "anti_pattern"
            assert finding.step in (1, 2, 3, 4, 5), (name, finding)
            assert finding.message, (name, finding)
            assert finding.rewrite, (name, finding)


@pytest.mark.parametrize(("name", "reply"), POSITIVE)
def test_rewrite_is_clean(name: str, reply: str) -> None:
    for finding in check(reply).anti_patterns:
        assert finding.rewrite is not None
        assert check(finding.rewrite, conversation=HOT).anti_patterns == ()


def test_jargon_rewrite_uses_plain_words() -> None:
    (finding,) = check("I have raised an RMA for the unit.").anti_patterns
    assert finding.span.text == "RMA"
    assert finding.rewrite == "I have raised a return form for the unit."


REQUEST = "Can you give me your order number and the exact details of the delivery?"


def test_premature_info_request_depends_on_the_conversation() -> None:
    assert "premature_info_request" in flagged(REQUEST, HOT)
    assert "premature_info_request" not in flagged(REQUEST, CALM)
    assert "premature_info_request" not in flagged(REQUEST)


def test_escalating_customer_counts_as_hot() -> None:
    text = "WHERE IS MY ORDER?! This is the third time I'm writing!!!"
    shouting = [{"role": "customer", "text": text}]
    assert "premature_info_request" in flagged("Please send me your order number.", shouting)


def test_info_request_after_empathy_is_fine() -> None:
    reply = "I'm really sorry about this, I can understand your frustration. " + REQUEST
    assert "premature_info_request" not in flagged(reply, HOT)


def test_a_bare_apology_does_not_earn_the_request_for_details() -> None:
    reply = "I'm so sorry. Before we go any further, can I take your account number?"
    assert "premature_info_request" in flagged(reply, HOT)
    heard = ("I'm so sorry, I can understand how frustrating this is. Could you give me your "
             "order number so I can fix it?")
    assert "premature_info_request" not in flagged(heard, HOT)


def test_the_customers_own_terms_are_neither_jargon_nor_a_shield() -> None:
    asked = [{"role": "customer", "text": "What does RMA mean?"}]
    answer = "RMA stands for Return Merchandise Authorisation: it's the form for a return."
    assert "jargon" not in flagged(answer, asked)
    assert "jargon" in flagged(answer, CALM)
    policy = [{"role": "customer", "text": "Do you have a policy on returning opened items?"}]
    reply = "Yes – our policy is that opened items can be returned within 30 days."
    assert "policy_shield" not in flagged(reply, policy)
    assert "policy_shield" in flagged(reply, CALM)


def test_info_request_after_earlier_acknowledgement_is_fine() -> None:
    conversation = [
        *HOT,
        {"role": "agent", "text": "I'm so sorry, that sounds really frustrating."},
        {"role": "customer", "text": "It is! I am furious! Nobody ever calls back!!!"},
    ]
    assert "premature_info_request" not in flagged(REQUEST, conversation)


def test_info_request_before_the_empathy_is_still_premature() -> None:
    reply = "What is your order number? I'm sorry about this."
    assert "premature_info_request" in flagged(reply, HOT)


def test_organisation_forbidden_phrase_takes_effect() -> None:
    reply = "No worries, I'll sort that out for you."
    assert "forbidden_phrase" not in flagged(reply)
    org = load_playbook({"forbidden": ["no worries"]})
    review = check(reply, playbook=org)
    (finding,) = [f for f in review.anti_patterns if f.name == "forbidden_phrase"]
    assert finding.span.text == "No worries"
    assert "no worries" not in (finding.rewrite or "").lower()
    assert check(finding.rewrite or "", playbook=org).anti_patterns == ()
    assert review.verdict == "dont_send"


def test_organisation_adds_jargon_and_anti_pattern_phrases() -> None:
    reply = "Your case is with the FLX desk. That's above my pay grade."
    assert flagged(reply) == set()
    org = load_playbook(
        {
            "jargon": ["FLX desk => our billing team"],
            "anti_patterns": {"passing_the_buck": {"patterns": [r"\babove my pay grade\b"]}},
        }
    )
    found = {f.name for f in check(reply, playbook=org).anti_patterns}
    assert found == {"jargon", "passing_the_buck"}


def test_a_told_you_so_lead_in_is_rewritten_keeping_the_fact() -> None:
    reply = "As per my last message, the warehouse needs 10 working days to process returns."
    finding = check(reply, conversation=HOT).anti_patterns[0]
    assert finding.name == "scolding"
    assert apply_rewrites(reply, (finding,)) == "The warehouse needs 10 working days to process " \
        "returns."
    lesson = check("For future reference, it's always worth checking your statement first.",
                   conversation=HOT).anti_patterns[0]
    assert lesson.rewrite == "Thank you for explaining. Let me make sure this is sorted for you."


def test_a_premature_request_is_rewritten_to_ask_for_the_same_thing_later() -> None:
    reply = "Before we go any further, can I take your account number and postcode?"
    finding = check(reply, conversation=HOT).anti_patterns[0]
    assert finding.name == "premature_info_request"
    assert finding.rewrite is not None
    assert "your account number and postcode" in finding.rewrite
    assert "order number" not in finding.rewrite
    asked = "Please provide your unicom number via private message."
    assert "premature_info_request" in flagged(asked, HOT)
    assert "premature_info_request" not in flagged(asked, CALM)
    assert "premature_info_request" not in flagged("I'll send you the reference number by email.",
                                                   HOT)


@pytest.mark.parametrize("reply", [
    "OK, um, can I just take the, the client reference number first, and the postcode?",
    "can I take your account number and the exact time of the delivery?",
    "what's your booking reference?",
])
def test_asking_a_hot_customer_for_references_first_is_premature(reply: str) -> None:
    # 2026-12-07 blind probe: flagged while the customer is hot, not once calm.
    assert "premature_info_request" in flagged(reply, HOT)
    assert "premature_info_request" not in flagged(reply, CALM)
    heard = "I'm so sorry, I can understand how frustrating this is. " + reply
    assert "premature_info_request" not in flagged(heard, HOT)


def test_sorry_you_feel_that_way_is_a_non_apology_to_a_hot_customer() -> None:
    for reply in ("Well, I'm sorry you feel that way.",
                  "I'm sorry you feel that our installation was to blame."):
        found = check(reply, conversation=HOT).anti_patterns
        assert [f.name for f in found] == ["defensiveness"]
        assert found[0].rewrite == "I'm sorry we let you down, and I want to put it right."
    calm = [{"role": "customer", "text": "I feel a bit lost since my job ended."}]
    assert flagged("I'm sorry you feel that way.", calm) == set()


@pytest.mark.parametrize("reply", [
    "Thank you for your kind words!",
    "Things should calm down after the holidays and deliveries will speed up.",
    "Are you sure you want to cancel? You'll lose your saved playlists.",
])
def test_ordinary_wording_is_no_anti_pattern(reply: str) -> None:
    # 2026-12-07 probe of ordinary support traffic.
    assert flagged(reply, CALM) == set()


@pytest.mark.parametrize("reply", [
    "Um, I'm not gonna pass you on. I'll look into it myself and ring you back by 5pm.",
    "I won't pass you on, I'll stay with you on this.",
])
def test_refusing_to_pass_the_customer_on_is_ownership(reply: str) -> None:
    assert "passing_the_buck" not in {f.name for f in check(reply, conversation=HOT).anti_patterns}


def test_being_only_the_front_desk_is_passing_the_buck() -> None:
    found = check("I'm just the front desk, I'll pass you over.", conversation=HOT).anti_patterns
    assert "passing_the_buck" in {f.name for f in found}


@pytest.mark.parametrize(("customer", "reply", "family"), [
    ("I've lost a whole day's work because of your outage",
     "Er, yeah, I mean, it was only down for a few hours, um, most people didn't even notice.",
     "minimising"),
    ("will my refund be approved?",
     "yep, definitely, it'll be approved for sure, don't worry about it", "false_promise"),
    ("Can you make sure my complaint is upheld?",
     "Yeah, yeah, I'll make sure you get full compensation, don't worry.", "false_promise"),
])
def test_spoken_minimising_and_false_promises(customer: str, reply: str, family: str) -> None:
    found = check(reply, conversation=[{"role": "customer", "text": customer}]).anti_patterns
    assert family in {f.name for f in found}


@pytest.mark.parametrize("reply", [
    "It will be approved if the item is unused; I'll confirm by 5pm.",
    "Yes, it was only down for a few minutes this morning and it is back now.",
])
def test_conditions_and_plain_facts_are_no_false_promise(reply: str) -> None:
    found = check(reply, conversation=[{"role": "customer", "text": "Is it sorted?"}]).anti_patterns
    assert not {f.name for f in found} & {"false_promise", "minimising"}
