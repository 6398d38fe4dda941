"""A grievance told in words no signal catches (thermo_letter_grievance): thanks then a
turn to a complaint, praise for one member of staff and a complaint about the company,
a polite letter about something still not done; and months of chasing then a legal
threat, which boils however coldly put. Letters written for these tests, not taken from
the probes; each rule is tried both ways."""

from __future__ import annotations

import pytest

from kettle.analysis import read
from kettle.analysis import thermo_letter_grievance as grievance
from kettle.analysis.thermo_feelings import named_feeling

THANKS_THEN_QUESTIONS = """Dear Accounts Team,

Thank you for your email of 4 November and for looking into this for me.

However, I am still unclear why my October invoice was £318 when my usage was the same as
September's, which was £142. Your reply says the meter was read correctly, but the reading on
the invoice is higher than the one on the meter today. Could you explain how that can be?

Kind regards,
Owen Pritchard"""

STAFF_PRAISE_COMPANY_COMPLAINT = """Dear Sir or Madam,

I would like to say first that your delivery driver, Lee, was very polite and helpful when he
came on Saturday, and carried the boxes upstairs for us without being asked.

Unfortunately I cannot say the same about the company. The table arrived with a deep gouge in
the top, and the chairs we paid for were not in the van at all. I rang the following Monday and
was told someone would call me back within 48 hours. Nobody did.

I would like a replacement table and the chairs delivered, please.

Yours faithfully,
Carol Dempsey"""

POLITE_UNRESOLVED = """Dear Customer Services,

Order 55120-B

I returned a pair of boots to you on 2 October with the prepaid label, and the tracking shows
they reached your warehouse on 5 October.

It has now been more than five weeks and the refund of £95 has still not reached my account. I
am sure it is an oversight, and I would be grateful if you could let me know when it will be
paid.

Many thanks,
Ruth Adebayo"""

THANK_YOU = """Dear Mrs Lang,

I wanted to write and thank you and your team for the care you gave my daughter when she
fell at nursery last Tuesday.

I was very frightened when I got the call, but by the time I arrived she was sitting on Emma's
knee with an ice pack and a sticker, and everything had been written up clearly for me. We saw
the GP the next day and there is nothing broken.

She cannot wait to go back. Thank you again for being so kind and so calm.

With best wishes,
Hannah Ross"""

THANK_YOU_WITH_A_QUESTION = """Hello,

Thank you so much for replacing the kettle so quickly. The new one arrived the day after I
rang, and the courier even took the old one away. It works perfectly.

One quick question: do you sell the matching toaster in the same cream colour? I could only
see it in black on the website.

Best wishes,
Nina Shah"""

COLD_OMBUDSMAN = """Dear Sirs,

Account 4471 0932 1187

This is my fifth letter since March about the charges applied to my account after I moved
house. Each letter has been acknowledged and none answered. Two calls, on 4 June and 19 July,
produced promises of a correction within ten working days. None was made.

The eight-week period you are allowed to resolve my complaint has long expired. I am therefore
referring the matter to the Financial Ombudsman Service today.

Yours faithfully,
P. Whitcombe"""

ONE_LETTER_THREAT = """Dear Sirs,

Order 9920144

The sofa I bought from you on 3 November arrived on 20 November with a torn arm and a broken
leg. The delivery team left before I could check it.

If a replacement is not delivered within fourteen days, I shall refer the matter to the
Furniture Ombudsman.

Yours faithfully,
P. Whitcombe"""


def test_thanks_then_a_turn_to_a_complaint_is_no_thank_you_letter() -> None:
    assert grievance.turned(THANKS_THEN_QUESTIONS)
    reading = read(THANKS_THEN_QUESTIONS)
    assert reading.dominant_emotion != "relief"
    assert reading.temperature >= 45


def test_praise_for_the_driver_and_a_complaint_about_the_company_reads_at_least_warm() -> None:
    assert grievance.turned(STAFF_PRAISE_COMPANY_COMPLAINT)
    reading = read(STAFF_PRAISE_COMPANY_COMPLAINT)
    assert reading.dominant_emotion in ("frustration", "disappointment")
    assert reading.temperature >= 45


def test_a_polite_letter_about_a_refund_still_not_paid_is_warm_and_frustrated() -> None:
    assert grievance.unresolved(POLITE_UNRESOLVED)
    reading = read(POLITE_UNRESOLVED)
    assert 45 <= reading.temperature < 75
    assert reading.dominant_emotion in ("frustration", "disappointment")


@pytest.mark.parametrize("letter", [THANK_YOU, THANK_YOU_WITH_A_QUESTION])
def test_a_satisfied_thank_you_letter_still_reads_calm_and_relieved(letter: str) -> None:
    assert not grievance.told(letter)
    reading = read(letter)
    assert reading.temperature < 45
    assert reading.dominant_emotion == "relief"


@pytest.mark.parametrize(("said", "undone"), [
    ("My refund has still not arrived.", True),
    ("I haven't been contacted since the engineer's visit.", True),
    ("We have heard nothing since the surveyor came in August.", True),
    ("It has now been more than six weeks.", True),
    ("Nobody has called me back.", True),
    ("I had heard nothing for a week, then Ruth rang and sorted everything.", False),
    ("The refund arrived this morning, thank you.", False),
    ("It has been a pleasure dealing with you.", False),
    ("It has been six weeks since the operation and I feel wonderful.", False),
    ("I still can't believe how quickly you sorted it.", False),
    ("I have never come across such kind staff.", False),
])
def test_something_still_not_done(said: str, undone: bool) -> None:
    assert grievance.unresolved(said) is undone


@pytest.mark.parametrize(("said", "complaint"), [
    ("Thank you for your reply. But it does not answer my question.", True),
    ("The fitters were lovely. However, the carpet is the wrong colour.", True),
    ("Thanks for the credit. I do have some questions about the bill, though.", True),
    # A turn back to the thanks is no complaint.
    ("Thank you for everything. I had been dreading the day. But you took care of it all and "
     "it went perfectly.", False),
    ("Thank you. However you did it, the cake arrived in one piece.", False),
    ("The team were wonderful from start to finish.", False),
])
def test_a_turn_from_thanks_to_the_point(said: str, complaint: bool) -> None:
    assert grievance.turned(said) is complaint


def test_months_of_chasing_then_the_ombudsman_boils() -> None:
    reading = read(COLD_OMBUDSMAN)
    assert {"legal_threat", "repeat_contact"} <= {s.kind for s in reading.signals}
    assert reading.temperature >= 88


def test_a_first_letter_with_a_threat_is_very_hot_not_boiling() -> None:
    reading = read(ONE_LETTER_THREAT)
    assert "legal_threat" in {s.kind for s in reading.signals}
    assert 75 <= reading.temperature < 88


@pytest.mark.parametrize(("said", "named"), [
    ("I am afraid, however, that your letter does not answer my questions.", False),
    ("I'm afraid of what happens if the heating fails again.", True),
])
def test_i_am_afraid_however_is_a_hedge(said: str, named: bool) -> None:
    assert (named_feeling(said) is not None) is named


# --- Any message: something owed, still not done, told politely (thermo_situations.pressed).
@pytest.mark.parametrize(("said", "owed"), [
    ("I would be grateful if you could explain why my refund has still not arrived after six "
     "weeks.", True),
    ("Hi, I emailed you on 28 June and was told I would hear back, and I still haven't heard "
     "anything.", True),
    ("You have still not replied to my original message on Friday.", True),
    ("Nothing has come close to it except for the first series.", False),
    ("My parcel arrived this morning, thank you.", False),
    ("I still don't know what to think about the ending.", False),
    ("I haven't paid for the monthly subscription yet, as I'm not sure I want it.", False),
    ("Oh, I haven't heard of that one before.", False),
    # Their own acts are not owed; what they have not received is.
    ("I have not contacted a job agency yet.", False),
    ("A friend asked me out tonight but I haven't replied yet.", False),
    ("I paid on Monday and I haven't received the tokens.", True),
])
def test_something_owed_still_not_done_is_warm(said: str, owed: bool) -> None:
    assert grievance.undone(said) is owed
    if owed:
        assert read(said).temperature >= 45
