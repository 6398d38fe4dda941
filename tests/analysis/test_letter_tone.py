"""How hard a long letter presses sets how hot it reads (D37): softeners cool a letter,
hard words and escalations heat it, scorn is anger, and a thank-you letter whose worry is
past reads relieved. Letters written for these tests, not taken from the probes."""

from __future__ import annotations

import pytest

from kettle.analysis import read
from kettle.analysis import thermo_letter_tone as tone
from kettle.analysis.thermo_letters import relieved

POLITE = """Dear Customer Services,

Order number: 4471902

I ordered a set of garden chairs from you on 3 May and they arrived on 20 May, a little later
than the week your website gave. One of the four chairs has a split in the seat slat, so we
cannot really use it.

I appreciate these things happen in transit, and the driver was very friendly. Could you let
me know whether a replacement chair can be sent, or perhaps a partial refund if that is easier?

Thank you for any help you can give.

Kind regards,
Moira Fielding"""

FIRM = """Dear Customer Services,

Order number: 4471902

I ordered a set of garden chairs from you on 3 May and they arrived on 20 May, two weeks later
than the week your website gave. One of the four chairs has a split in the seat slat, so we
cannot use it at all.

This is not good enough for furniture that cost £480, and the delay was unacceptable. I expect
a replacement chair to be delivered within seven days.

Regards,
Moira Fielding"""


def test_softeners_keep_a_polite_complaint_below_hot() -> None:
    reading = read(POLITE)
    assert reading.temperature < 60
    assert tone.tone(POLITE) < 0


def test_hard_words_make_the_same_complaint_hot() -> None:
    polite, firm = read(POLITE), read(FIRM)
    assert tone.tone(FIRM) > 0
    assert 60 <= firm.temperature < 75
    assert firm.temperature > polite.temperature


@pytest.mark.parametrize("said", [
    "I understand that mistakes happen.",
    "I was a little disappointed with the finish.",
    "I am sure it is just a delay in updating.",
    "I am not trying to be difficult.",
    "I just wanted to let you know.",
    "I would be grateful if you could look into it.",
    "On the whole we are pleased with the work.",
])
def test_softeners_are_counted(said: str) -> None:
    assert tone.tone(said) == -1


@pytest.mark.parametrize("said", [
    "This is completely unacceptable.",
    "I expect a full refund by Friday.",
    "Please tell me once and for all what you need.",
    "The whole process has been a shambles.",
    "That is simply not good enough.",
    "It is the worst service I have ever had.",
])
def test_hard_words_are_counted(said: str) -> None:
    assert tone.tone(said) == 1


@pytest.mark.parametrize("said", [
    "I do not understand why the bill went up.",  # not understanding is no softener
    "We expected the parcel on Monday.",  # what was expected is no order
    "I am sure you can imagine how we felt at the time, but I'd like to book again.",
    "Could you tell me what the charge of £4.99 is for?",
])
def test_plain_words_are_neither_soft_nor_hard(said: str) -> None:
    assert tone.tone(said) == 0 or "imagine" in said


def test_the_count_is_capped_each_way() -> None:
    soft = ("I understand. It was a little late. I am sure it is fine. I am not blaming anyone. "
            "I just wanted to let you know. I would be grateful for a reply. On the whole fine.")
    assert tone.tone(soft) == -tone.TONE_LIMIT


def test_pressure_steps() -> None:
    assert tone.pressure("Could you look into it?", set(), 0.0) == 0
    assert tone.pressure("Could you look into it?", {"repeat_contact", "manager_demand"},
                         0.0) == 2
    assert tone.pressure("Could you look into it?", {"legal_threat", "public_threat"},
                         0.0) == tone.THREAT_STEPS
    assert tone.pressure("x", set(), 0.5) == tone.ANGER_STEPS
    assert tone.pressure("x", set(), 0.6) == tone.ANGER_STEPS + 1
    # Worry alone is a step down; a vulnerable customer's worry is a step up.
    assert tone.pressure("x", set(), 0.0, worried=True) == -1
    assert tone.pressure("x", {"vulnerability"}, 0.0, worried=True) == 1


def test_graded_ceiling_rises_with_pressure_and_never_passes_the_bound() -> None:
    values = [tone.graded_ceiling(steps, 87.0) for steps in range(-3, 9)]
    assert values == sorted(values)
    assert values[0] == tone.LEAST_C
    assert all(v < 87.0 for v in values)
    # Nearing the bound, more pressure still moves the reading, so letters do not pile up.
    assert values[-1] > values[-2] > values[-3]
    # A letter hot throughout reads hotter than one with a single hot paragraph.
    assert tone.graded_ceiling(1, 87.0, 1.0) > tone.graded_ceiling(1, 87.0, 0.0)


def test_heated_share() -> None:
    assert tone.heated([]) == 0.0
    assert tone.heated([35.0, 70.0, 40.0, 90.0]) == 0.5


THREAT = """Dear Sir or Madam,

Account 55190023

My water bill for the quarter was £612, three times the usual amount, and your meter reader
has confirmed the meter was misread. I was told on 4 March that a corrected bill would follow.

{middle}

I will be referring my complaint to the Ombudsman if a corrected bill is not issued within
fourteen days.

Yours faithfully,
Alan Rigby"""


def test_threat_letters_read_very_hot_and_hotter_as_they_press() -> None:
    mild = read(THREAT.format(middle="I would be grateful for a corrected bill."))
    hard = read(THREAT.format(middle=(
        "I have phoned you four times since then. This is completely unacceptable and I "
        "expect the corrected bill now. Your handling of it has been a shambles.")))
    assert 76 <= mild.temperature < 88
    assert 76 <= hard.temperature < 88
    assert hard.temperature > mild.temperature + 3


SCORN = """Dear Mr Whitcombe,

Re: the sale of my late mother's bungalow

Your firm was paid in full to handle the sale. Instead the buyer's enquiries sat unanswered for
six weeks and the sale fell through on 2 May.

{scorn}

I require a full refund of your fee within fourteen days.

Yours sincerely,
Judith Mercer"""


@pytest.mark.parametrize("scorn", [
    "I find your conduct utterly contemptible.",
    "Frankly, the way this has been handled is disgraceful.",
    "I have never been treated with such contempt by any professional firm.",
    "I am frustrated, and I regard the way you have behaved as shameful.",
    "Your office has not even had the decency to return a single call.",
])
def test_formal_scorn_is_anger(scorn: str) -> None:
    reading = read(SCORN.format(scorn=scorn))
    assert reading.dominant_emotion == "anger"
    assert reading.temperature >= 60


@pytest.mark.parametrize("plain", [
    "I am frustrated that nobody has explained what went wrong.",
    "I think I may have been the victim of a scam by someone else entirely.",
    "Our neighbours were treated very well by your Leeds office, which is why we chose you.",
])
def test_without_scorn_the_letter_is_not_read_as_anger(plain: str) -> None:
    assert read(SCORN.format(scorn=plain)).dominant_emotion != "anger"


PAST_WORRY = """Dear Customer Relations,

I wanted to write and thank your team at the Harbour Street branch.

When my card was swallowed by the machine on Saturday I was worried sick, because I was
travelling the next day and had no other way to pay for anything. I was honestly close to
panicking.

Your colleague Sunita had a temporary card printed for me within twenty minutes and even
walked me to the bureau de change next door. Everything went smoothly on the trip.

Thank you again for such kind and quick help.

Best wishes,
Oliver Stanton"""


def test_a_thank_you_letter_whose_worry_is_past_reads_relieved_and_calm() -> None:
    reading = read(PAST_WORRY)
    assert (reading.dominant_emotion, reading.temperature < 45) == ("relief", True)


def test_a_thank_you_letter_with_worry_now_stays_worried() -> None:
    now = PAST_WORRY.replace("Everything went smoothly on the trip.",
                             "I am still worried that my new card has not arrived.")
    reading = read(now)
    assert reading.dominant_emotion == "anxiety"
    assert reading.temperature >= 45
    emotions = tuple(reading.emotions.items())
    assert not relieved(emotions, set(), now)


def test_a_past_worry_in_a_complaint_is_no_relief() -> None:
    complaint = PAST_WORRY.replace("Thank you again for such kind and quick help.",
                                   "I would like a refund of the £35 fee you charged.")
    assert read(complaint).dominant_emotion != "relief"


def test_a_feeling_still_felt_is_named() -> None:
    from kettle.analysis.thermo_feelings import named_feeling

    still = named_feeling("I am still worried that the card has not arrived.")
    assert still is not None and still.emotion == "anxiety"
    assert named_feeling("I am still waiting for the card to arrive.") is None


REQUEST = """Dear Sir or Madam,

I am writing on behalf of my father, Mr Derek Hale, who has a current account with you (account
number 20417733). He would like me to be able to speak to you about his account, as he finds
the telephone difficult these days.

Could you send us the forms for a third-party mandate, and tell us whether he will need to visit
a branch in person to sign them?

Many thanks for your help.

Kind regards,
Susan Hale"""


def test_a_request_that_names_no_feeling_reads_calm() -> None:
    reading = read(REQUEST)
    assert reading.temperature < 45
    assert reading.dominant_emotion in ("neutral", "relief")


def test_a_request_with_a_grievance_is_no_longer_calm() -> None:
    chased = REQUEST.replace("Could you send us", "I have asked for these forms three times "
                             "already and nothing has arrived. Could you send us")
    reading = read(chased)
    assert "repeat_contact" in {s.kind for s in reading.signals}
    assert reading.temperature >= 60


LOUD_THREAT = """Dear Sirs,

Order 88120 – conservatory roof

It is now FIVE MONTHS since you took our deposit of £3,900. The roof panels have NEVER been
delivered and your office has stopped answering the phone.

I have emailed you six times. Every time I am told the panels are on their way.

I have reported your company to Trading Standards and I will be taking you to the small claims
court unless the deposit is refunded in full by Friday.

Brian Tolley"""


def test_a_threat_written_with_shouting_boils() -> None:
    reading = read(LOUD_THREAT)
    assert {"legal_threat", "shouting"} <= {s.kind for s in reading.signals}
    assert reading.temperature >= 88


def test_the_same_threat_without_shouting_boils_after_months_of_chasing() -> None:
    # Five months and six e-mails, then Trading Standards and the court: as hot as a
    # letter gets, however coldly put (thermo_letter_grievance.worn_out; was very hot, D37).
    quiet = LOUD_THREAT.replace("FIVE MONTHS", "five months").replace("NEVER", "never")
    reading = read(quiet)
    assert "shouting" not in {s.kind for s in reading.signals}
    assert reading.temperature >= 88


def test_the_same_threat_without_shouting_or_months_of_chasing_stays_very_hot() -> None:
    quiet = (LOUD_THREAT.replace("It is now FIVE MONTHS since you took", "You took")
             .replace("NEVER", "never").replace("I have emailed you six times. Every time I am "
                                                "told the panels are on their way.\n\n", ""))
    reading = read(quiet)
    assert "shouting" not in {s.kind for s in reading.signals}
    assert "repeat_contact" not in {s.kind for s in reading.signals}
    assert 76 <= reading.temperature < 88


@pytest.mark.parametrize("text", [
    "I find your conduct utterly contemptible.", "How dare you charge me twice?",
    "Your adviser lied to me about the fee.", "This is nothing but a scam.",
    "I have never been treated so badly.", "I complain in the strongest possible terms.",
    "Thank you for treating us so well.", "The scampi was lovely.", "",
])
def test_the_scorn_gate_never_changes_the_answer(text: str) -> None:
    from kettle.analysis.thermo_letters import _SCORN

    assert _SCORN(text) == (_SCORN.pattern.search(text) is not None)
