"""Long, formal complaint e-mails, found by a blind probe of 100 e-mails
(tests/analysis/data/probe_long_emails.jsonl, labelled before the thermometer was run on
them): formal wordings of repeat contact and of threats were missed, polite but seething
e-mails read calm with relief or neutral on top, and worried customers read hot."""

from __future__ import annotations

import pytest

from kettle.analysis import read


def kinds(text: str) -> set[str]:
    return {s.kind for s in read(text).signals}


FOUND = [
    # Repeat contact, as a letter puts it.
    ("repeat_contact", "I have spent over nine hours on the phone across seven calls."),
    ("repeat_contact", "In that time I have made eleven phone calls and sent nine emails."),
    ("repeat_contact", "I have since emailed you on 23 October, 2 November and 16 November."),
    ("repeat_contact", "I am writing for the third time about the downgrade on our flight."),
    ("repeat_contact", "I explained, for what must have been the fourth time, that she died."),
    ("repeat_contact", "For the fourth time: I ordered a king size duvet."),
    ("repeat_contact", "Despite chasing you on at least six occasions I have no decision."),
    ("repeat_contact", "I have written to you on three previous occasions."),
    ("repeat_contact", "I have phoned you more times than I can count."),
    ("repeat_contact", "I reported it again in August, and again in October."),
    ("repeat_contact", "I have now raised three separate complaints about the same issue."),
    ("repeat_contact", "Further to my letters of 2 September and 30 September, I write once more."),
    ("repeat_contact", "I am writing again about the damp in my flat."),
    ("repeat_contact", "On each occasion I have been told that the bill will be corrected."),
    # Legal and regulatory steps.
    ("legal_threat", "I will be raising a formal complaint with the Local Government Ombudsman."),
    ("legal_threat", "I will be reporting the matter to Ofgem."),
    ("legal_threat", "I will be referring my complaint to the Communications Ombudsman."),
    ("legal_threat", "I will take my appeal to the independent Traffic Penalty Tribunal."),
    ("legal_threat", "I will be issuing proceedings against you if you do not pay."),
    ("legal_threat", "I have now started proceedings through the Money Claim Online service."),
    ("legal_threat", "I have contacted a solicitor and I am prepared to act."),
    # Going public.
    ("public_threat", "I have contacted the consumer programme on BBC Radio 4."),
    ("public_threat", "I have also posted the full timeline of my dealings with you on Twitter."),
    ("public_threat", "I will be sharing the photos of the bag and the frame on social media."),
    ("public_threat", "We will be taking this to the media unless the decision is reviewed."),
    ("public_threat", "I have also written to our MP and to the local paper."),
    ("public_threat", "I will be telling the world about this."),
    # Over the agent's head.
    ("manager_demand", "I would like a senior manager to review my case personally."),
    ("manager_demand", "I want a senior officer to call me."),
    ("manager_demand", "I would like this passed to a team leader who can rebook it."),
    # Leaving.
    ("cancel_threat", "I am done.\n\nCancel the HomeCare cover and refund every penny."),
    ("cancel_threat", "Not any more. I have cut up my loyalty card."),
    ("cancel_threat", "I am closing every account I hold with you."),
    # Sarcasm without a stock phrase.
    ("sarcasm", "I look forward to yet another automated response."),
    ("sarcasm", "Well, what a fantastic experience this has been."),
    ("sarcasm", 'Dear Customer "Care",'),
    ("sarcasm", "Congratulations, you have managed to humiliate a pensioner."),
    ("sarcasm", "I hope you are proud of yourselves."),
    ("sarcasm", "No engineer again. That's twice now. Great stuff."),
    ("sarcasm", "Three neighbours have the same problem. Funny that."),
    # What went wrong, in a letter's words.
    ("service_failure", "I have received nothing, and the booking still shows as pending."),
    ("service_failure", "The credit has never appeared on the meter."),
    ("service_failure", "Two direct debits have failed and the switch was rejected."),
    ("service_failure", "The laptop has developed a fault with the screen."),
    ("service_failure", "The calls should have been included in my package."),
    ("service_failure", "Half of it is missing: no turkey crown, no stuffing."),
    ("service_failure", "Nobody explained why the date had moved."),
]

NOT_FOUND = [
    ("repeat_contact", "I won the cup for the second time in a row."),
    ("repeat_contact", "I have had to contact the pharmacy to collect my prescription."),
    ("repeat_contact", "I emailed you on Monday with my new address."),
    ("legal_threat", "Our solicitor chased you daily before exchange on the house."),
    ("legal_threat", "I have instructed a solicitor for the purchase of the house."),
    ("legal_threat", "I have received a summons to appear at the magistrates' court."),
    ("public_threat", "My ex will not stop posting about me on social media."),
    ("public_threat", "Could not share to Twitter. Please try again."),
    ("public_threat", "I was saddened to read in the local paper that there are no plans."),
    ("public_threat", "I didn't tell the world what I lived through."),
    ("manager_demand", "I have spoken to my account manager at the branch."),
    ("manager_demand", "Please pass on our thanks to him and his manager."),
    ("cancel_threat", "We are moving house on 19 December."),
    ("cancel_threat", "There is no need to send one now, so please cancel that."),
    ("cancel_threat", "Please cancel the order for the spare charger."),
    ("sarcasm", "Great stuff, thanks for sorting it so quickly."),
    ("sarcasm", "What a fantastic experience this has been, thank you all."),
    ("service_failure", "I think a few things are missing in your argument."),
    ("service_failure", "I've received nothing but kindness from your staff."),
]


@pytest.mark.parametrize(("kind", "text"), FOUND)
def test_formal_wording_is_found(kind: str, text: str) -> None:
    assert kind in kinds(text)


@pytest.mark.parametrize(("kind", "text"), NOT_FOUND)
def test_innocent_wording_is_not_found(kind: str, text: str) -> None:
    assert kind not in kinds(text)
