"""What a polite letter holds against us in words no signal catches.

D37 left three wrongs on long letters (:mod:`kettle.analysis.thermo_letters`):

- a letter that thanks, then turns to its point ("Thank you for your reply.
  However, it does not answer my questions…", "Dean and Kofi worked incredibly
  hard… Unfortunately I cannot say the same about the company") was taken for a
  thank-you letter and read calm, with relief on top (:func:`turned`);
- a measured letter about something still not put right ("It has now been more
  than six weeks and the £129 has not been credited… I would be grateful for an
  update") held no signal, so it read as a plain request: calm
  (:func:`unresolved`);
- a letter could not read boiling without shouting, swearing or rage, though a
  cold one that refers the matter to the ombudsman, raises a chargeback or
  instructs solicitors after months of failure and repeated chasing is as hot as
  it gets for the agent (:func:`worn_out`).

:data:`TOLD` marks the first two among a letter's signal kinds for the letter
rules only (it is no signal, and never reported). A message of any length that
tells of something owed and not done ("my refund has still not arrived", "nobody
has called me back") reads warm, as a polite chaser (:func:`undone`,
:func:`kettle.analysis.thermo_situations.pressed`). Product rules, not fits.
"""

from __future__ import annotations

import re

from kettle.analysis.thermo_gate import LiteralGated, may_hold

#: The mark a letter's kinds get when it tells a grievance in words: a grievance to the
#: letter rules (thermo_letters.GRIEVANCE), never a reported signal.
TOLD = "grievance_told"

_NUMBER = (r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several"
           r"|many|a\s+few|a\s+couple\s+of)")
#: What the customer is owed and waits for: not "done", "made", "heard of", "called"
#: ("haven't heard of that one", "it isn't called that any more", GoEmotions), nor what
#: they have not paid ("I haven't paid for the subscription", TWCS).
_DONE = (r"(?:arrived|received|credited|refunded|reimbursed|been\s+paid|paid\s+(?:me|us|out)"
         r"|fixed|repaired|resolved"
         r"|answered|replied|responded|booked|scheduled|processed|issued|sorted|corrected"
         r"|reversed|actioned|contacted|delivered|dispatched|despatched|honou?red|completed"
         r"|put\s+right|followed\s+up|got\s+back|(?:called|rung|rang|phoned|come)\s+(?:me\s+|us\s+)?back"
         r"|come\s+through|heard\s+back)\b")
_ANSWER = r"(?:reply|response|answer|word|update|acknowledge?ment)"
#: Something owed and not done, told now: "has still not arrived", "I have heard nothing
#: since", "nobody has called me back". Not the past of a story since put right ("I had
#: heard nothing for days, then…"), nor "never" ("I have never come across such kind
#: staff"), nor news of someone ("I haven't heard anything about him lately").
_NOT_DONE = (
    # Done by us, not by them: "I haven't replied yet", "I have not contacted an agency" are
    # their own (ESConv); what they have not received, or not been given, is owed.
    rf"(?<!\bi\s)(?<!\bwe\s)\b(?:has|have|is|are)\s+(?:still\s+)?(?:not|yet\s+to)\s+(?:yet\s+)?"
    rf"(?:been\s+)?{_DONE}"
    rf"|(?<!\bi\s)(?<!\bwe\s)\b(?:hasn|haven|isn|aren)['’]?t\s+(?:yet\s+|still\s+)?(?:been\s+)?{_DONE}"
    r"|\b(?:i|we)\s+(?:still\s+)?(?:have\s+(?:still\s+)?not|haven['’]?t)\s+(?:yet\s+|still\s+)?"
    rf"(?:received|been\s+{_DONE}|heard\s+back|got\s+(?:a|any)\s+{_ANSWER})"
    rf"|(?:\b(?:i|we)\s+(?:have|['’]ve)\s+(?:still\s+)?(?:heard|had|received)\s+(?:nothing"
    rf"|no\s+{_ANSWER})|\b(?:haven['’]?t|have\s+not)\s+(?:yet\s+|still\s+)?(?:heard|had|received)"
    rf"\s+(?:anything|a\s+thing|a\s+word|any\s+{_ANSWER}|a\s+(?:reply|response|penny)))"
    r"(?!\s+(?:about|of|on)\b)"
    rf"|\b(?:nobody|no[ -]?one|nothing)\s+has\s+(?:yet\s+|since\s+)?(?:been\s+)?{_DONE}")
#: A word every match of :data:`_NOT_DONE` has: its "not", or the answer not had.
_NOT = ("not", "yet", "hasn", "haven", "isn", "aren", "nothing", "nobody", "no one", "noone",
        "no-one", "reply", "response", "answer", "word", "update", "acknowledg")
#: ... and what was owed (each of :data:`_DONE`, or the answer not had).
_OWED = ("arriv", "receiv", "credit", "refund", "reimburs", "paid", "fixed", "repair", "resolv",
         "answer", "repl", "respon", "booked", "schedul", "process", "issued", "sorted", "correct",
         "revers", "action", "contact", "deliver", "dispatch", "despatch", "honou", "honor",
         "complet", "right", "followed", "back", "through", "nothing", "word", "update",
         "acknowledg", "anything", "thing", "penny")
#: In a letter, also a time told ("It has now been six weeks", "it's been over a month":
#: not "It has been six weeks since the operation and I feel wonderful") and something
#: said to be still so ("still waiting", "still no reply"; not wonder: "I still can't
#: believe how quickly…").
_LONG = (r"\b(?:it\s+(?:has|is)|it['’]s)\s+(?:now\s+(?:been\s+)?(?:well\s+|just\s+|a\s+little\s+)?"
         r"(?:over\s+|more\s+than\s+|almost\s+|nearly\s+)?|(?:now\s+)?(?:been\s+)?(?:well\s+"
         r"|just\s+|a\s+little\s+)?(?:over|more\s+than|almost|nearly)\s+)"
         rf"(?:{_NUMBER}\s+(?:days|weeks|months)|a\s+(?:month|year))\b")
_STILL = (r"\bstill\s+(?:not|no|nothing|waiting|without|hasn['’]?t|haven['’]?t|isn['’]?t"
          r"|doesn['’]?t|don['’]?t|can['’]?t|cannot|have\s+not|has\s+not|does\s+not|do\s+not)\b"
          r"(?!\s+(?:quite\s+)?(?:believe|thank|stop|get\s+over|sure\s+how))")
_UNRESOLVED = LiteralGated(re.compile(f"{_NOT_DONE}|{_LONG}|{_STILL}", re.IGNORECASE),
                           literals=(*_NOT, "still", "days", "weeks", "month", "year"))
#: Only what is owed and not done, for a message of any length (:func:`undone`).
_UNDONE = LiteralGated(re.compile(_NOT_DONE, re.IGNORECASE), literals=_OWED)
#: The turn from thanks or praise to the point: a sentence that opens on "However",
#: "Unfortunately", "But", "Sadly", "That said", or "…, however, …", "I cannot say the
#: same about…", "I do have some questions, though", "…about the invoice, though.".
_TURN = re.compile(
    # A few blanks at most after the stop: from inside a long run of them it was quadratic.
    r"(?:^|(?<=[.!?\n]))\s{0,4}(?:however|unfortunately|sadly|regrettably|but|that\s+said"
    r"|having\s+said\s+that)\b"
    r"|,\s+however,|\b(?:can(?:not|['’]?t)|could\s*n['’]?t|could\s+not)\s+say\s+the\s+same\b"
    r"|\bquestions?,?\s+though\b|,\s+though\s*[.!;]",
    re.IGNORECASE)
#: What the letter says after the turn that makes it a complaint: something wrong, not
#: done or not right, a feeling of let-down, money asked about, a question why.
_POINT = re.compile(
    r"\b(?:not|no|never|nobody|nothing|without|wrong|poor|poorly|disappoint\w*|let\s+down"
    r"|unhappy|mistake|error|fault\w*|damaged|broken|scratched|cancel+ed|late|delay\w*"
    r"|charged|overcharged|invoice|bill|refund\w*|extra|why)\b|n['’]t\b",
    re.IGNORECASE)
#: Thanks or praise, for a turn to follow.
_PRAISE = re.compile(
    r"\b(?:thank(?:s|\s+you)|grateful|appreciate\w*|wonderful|great|excellent|lovely|kind"
    r"|helpful|patient|polite|brilliant|fantastic|first[- ]class|worked\s+(?:incredibly\s+|so\s+"
    r"|really\s+|very\s+)?hard)\b", re.IGNORECASE)


#: How much of the letter after a turn is looked at, characters: a sentence or two.
AFTER = 250


def unresolved(text: str) -> bool:
    """The letter tells of something still not done ("my refund has still not arrived",
    "It has now been more than six weeks")."""
    return _UNRESOLVED(text)


def undone(text: str) -> bool:
    """Something the customer is owed is not done ("my refund has still not arrived",
    "nobody has called me back"): :func:`unresolved` without the looser "still …"."""
    return may_hold(text, _NOT) and _UNDONE(text)  # every message is asked: two cheap gates


def turned(text: str) -> bool:
    """The letter thanks or praises, then turns to a complaint: a turn (:data:`_TURN`)
    after the praise, with something wrong in the :data:`AFTER` characters after it."""
    praise = _PRAISE.search(text)
    if praise is None:
        return False
    for turn in _TURN.finditer(text, praise.end()):
        # What follows the turn, not its sentence only: "I cannot say the same about the
        # company. The quote was £1,150; the invoice is £1,640." A "though" that closes its
        # clause turns what comes before it: "…some questions about the bill, though."
        start = turn.end()
        if turn.group().rstrip()[-1:] in ".!;":
            start = max(praise.end(), text.rfind(".", 0, turn.start()) + 1)
        if _POINT.search(text, start, turn.end() + AFTER):
            return True
    return False


def told(text: str) -> bool:
    """The letter tells a grievance in words (:func:`turned` or :func:`unresolved`)."""
    return unresolved(text) or turned(text)


_MONTH_NAMES = (r"(?:january|february|march|april|may|june|july|august|september|october"
                r"|november|december)")
#: Months of failure: "since February", "three months", "my fourth letter", "your
#: eight-week period… expired", "deadlock".
_MONTHS = LiteralGated(re.compile(
    rf"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|\d{{1,2}})"
    r"\s+months|(?:over|more\s+than|nearly|almost)\s+a\s+year"
    rf"|since\s+(?:last\s+)?{_MONTH_NAMES}|since\s+(?:last\s+year|the\s+(?:spring|summer|autumn"
    r"|winter))|deadlock|eight[\s-]week"
    r"|(?:fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:letter|e-?mail|attempt|time|call"
    r"|complaint|request))\b",
    re.IGNORECASE), literals=("month", "year", "since", "deadlock", "eight", "fourth", "fifth",
                              "sixth", "seventh", "eighth", "ninth", "tenth"))
_WEARING = frozenset(["repeat_contact"])
_LEGAL = frozenset(["legal_threat"])


def worn_out(text: str, kinds: set[str]) -> bool:
    """A legal threat (the ombudsman, a chargeback, solicitors, a regulator) after
    repeated chasing over months: as hot as a letter gets, however coldly put."""
    return bool(kinds & _LEGAL and kinds & _WEARING) and _MONTHS(text)
