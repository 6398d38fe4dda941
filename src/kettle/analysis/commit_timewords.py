"""The time words of a promise, as one compiled regular expression per playbook.

Each named group is one kind of token; :mod:`kettle.analysis.timeparse` groups
neighbouring tokens into a phrase ("tomorrow" + "at 3pm") and resolves it.
"""

from __future__ import annotations

import re

from kettle.analysis.playbook import Playbook

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "forty-eight": 48,
    "twenty-four": 24,
    "seventy-two": 72, "the": 1, "a couple of": 2, "couple of": 2, "half an": 0, "half a": 0,
    "a couple": 2, "couple": 2,
}

WEEKDAY_NAMES: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}

#: Words that promise without a time. The playbook's ``time_words.vague`` adds to them.
VAGUE: tuple[str, ...] = (
    r"as\s+soon\s+as\s+(?:possible|we\s+can|i\s+can|practicable|(?:i|we)(?:['’]m|['’]re|\s+am|\s+are)"
    r"\s+able)",
    r"a\.?s\.?a\.?p\.?",
    r"shortly",
    # "as soon as I hear from the warehouse" waits for an event: not vague, no time.
    r"(?<!as\s)soon",
    r"in\s+a\s+(?:bit|while|little\s+while|moment|few\s+days|few\s+hours|few\s+minutes|minute"
    r"|sec(?:ond)?|jiffy|tick)",
    r"(?:in|within|over|during)\s+the\s+next\s+few\s+(?:minutes|hours|days|weeks)",
    r"within\s+(?:a\s+)?(?:few|several)\s+(?:minutes|hours|days)",
    r"momentarily",
    r"in\s+(?:the\s+)?(?:near\s+|coming\s+)?future",
    r"in\s+the\s+coming\s+days",
    r"in\s+due\s+(?:time|course)",
    r"later(?:\s+on)?(?!\s+(?:than|in\s+the\s+week|this\s+morning))",
    r"at\s+the\s+(?:first|earliest)\s+(?:time|opportunity|moment)",
    r"in\s+(?:a\s+)?timely(?:\s+manner)?",
    r"in\s+time",
    r"promptly",
    r"as\s+(?:quickly|fast|early)\s+as\s+(?:possible|we\s+can|i\s+can)",
    r"some\s*time",
    r"eventually",
    r"at\s+some\s+point",
)

_NUM = (
    r"\d{1,3}|a\s+couple(?:\s+of)?|couple(?:\s+of)?|half\s+an?|an?|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|fifteen|twenty-four|twenty|thirty|forty-eight"
    r"|seventy-two|the"
)
_WD = "|".join(WEEKDAY_NAMES)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th)?"
#: The hours said as words ("half past four").
HOUR_WORDS: tuple[str, ...] = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
)
_HOUR_WORDS = "|".join(sorted(HOUR_WORDS, key=len, reverse=True))

#: Zones an agent names after a clock time, as IANA zones.
ZONE_WORDS: dict[str, str] = {
    "eastern": "America/New_York", "et": "America/New_York", "est": "America/New_York",
    "edt": "America/New_York", "central": "America/Chicago", "ct": "America/Chicago",
    "cst": "America/Chicago", "cdt": "America/Chicago", "mountain": "America/Denver",
    "mst": "America/Denver", "mdt": "America/Denver", "pacific": "America/Los_Angeles",
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "gmt": "Europe/London", "bst": "Europe/London", "uk time": "Europe/London",
    "london time": "Europe/London", "utc": "UTC", "cet": "Europe/Berlin",
    "cest": "Europe/Berlin", "ist": "Asia/Kolkata", "india time": "Asia/Kolkata",
    "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "sydney time": "Australia/Sydney",
}
ZONE_WORDS_RE = "|".join(w.replace(" ", r"\s+") for w in sorted(ZONE_WORDS, key=len, reverse=True))

_PARTS: tuple[tuple[str, str], ...] = (
    # "this time tomorrow", "the same time next week": the clock of now, a day or a week on.
    ("same", r"(?:this|(?:the\s+)?same)\s+time\s+(?P<samew>tomorrow|next\s+week)\b"),
    ("dur", rf"(?:within|in|in\s+the\s+next|over\s+the\s+next|during\s+the\s+next|inside(?:\s+of)?"
            rf"|after|no\s+later\s+than)\s+(?:the\s+next\s+)?(?:under|less\s+than|about|around)?\s*"
            rf"(?P<n1>{_NUM})"
            rf"(?:\s*(?:-|–|to|or)\s*(?P<n2>{_NUM}))?\s*(?P<bd>business\s+|working\s+|work\s+)?"
            r"(?P<unit>minutes?|mins?|hours?|hrs?|h|days?|weeks?|fortnights?)\b"
            # "in an hour and a half"; "in an hour or so" (the same hour).
            r"(?P<andhalf>\s+and\s+a\s+half\b)?(?:\s+or\s+so\b)?"
            # "in a day or two": the window's far end.
            r"(?:\s+or\s+(?P<n3>two|three|2|3)\b)?"
            # "in the next hour", "within the hour": one unit.
            r"|(?:(?:within|in|over|during)\s+the\s+next|within\s+the)\s+(?P<unit1>hour|minute)\b"),
    # Minutes said without the unit on the phone: "I'll call you back in twenty."
    ("durm", r"(?:within|in)\s+(?:about\s+|around\s+|like\s+)?(?P<nm>five|ten|fifteen|twenty|thirty"
             r"|forty-five|forty|[5-9]|[1-5]\d)(?=\s*(?:$|[.,;:!?)]|ish\b|or\s+so\b|tops\b|max\b))"),
    # "after the weekend": the Monday after it.
    ("afterwe", r"after\s+the\s+weekend\b"),
    # "the next business day", "within the next working day".
    ("nbd", r"(?:the\s+)?next\s+(?:business|working)\s+day\b"),
    ("week", r"(?:(?:the\s+)?end\s+of\s+(?P<wk>the|this|next)\s+(?:working\s+|business\s+)?week"
             r"|(?:the\s+)?end\s+of\s+week|eow"
             # "early next week" (its Tuesday), "mid-week" (Wednesday), "later in the week".
             r"|(?P<wpos>early|mid|middle\s+of|later\s+in)\s*-?\s*(?:the\s+)?(?P<wk3>this|next)?\s*week"
             r"|midweek"
             r"|(?P<wk2>this|next)\s+week"
             # "before the weekend": the end of this working week.
             r"|(?:before|by)\s+(?:the|this)\s+weekend)\b"),
    # "over the weekend", "next weekend": by the end of its Sunday.
    ("weekend", r"(?:(?:over|during|at|on)\s+the|(?P<wemod>this|next|the\s+coming))\s+weekend\b"),
    # "by the end of the month", "end of next month", "by the end of the year".
    ("month", r"(?:the\s+)?end\s+of\s+(?:(?P<mo>the|this|next)\s+)?(?P<mounit>month|year)\b"),
    ("eod", r"(?:(?:the\s+)?end\s+of\s+today\b(?!'s)"
            r"|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:today'?s?\s+)?"
            r"(?:business\s+|working\s+|work\s+)?day"
            r"|eod|eob|cob|(?:close|end)\s+of\s+(?:business|play)|end\s+of\s+business)\b"),
    ("first", r"first\s+thing(?:\s+in\s+the\s+morning)?\b"),
    # "immediately after the goods arrive" waits for an event: no time of its own.
    ("now", r"(?:right\s+now|right\s+away|straight\s+away|immediately|now)\b"
            r"(?!\s+(?:after|when|once|upon|as\s+soon\s+as)\b)"),
    ("day", r"(?P<dayw>today|tomorrow|tmrw|tmr|tmrow|tomoz|2morrow|2moro|the\s+next\s+day"
            r"|the\s+day\s+after\s+tomorrow)\b"),
    # "Thursday next week" is the Thursday of next week; "by Fri", "on Tues" after a preposition.
    ("wd", rf"(?:(?P<wdmod>next|this|coming|this\s+coming)\s+)?(?:(?P<wdn>{_WD})"
           rf"|(?=[mtwfs])(?:(?<=\bon\s)|(?<=\bby\s)|(?<=\bbefore\s)|(?<=\buntil\s)|(?<=\btill\s)"
           rf"|(?<=\bnext\s)|(?<=\bthis\s))(?P<wda>mon|tues?|weds?|thur?s?|fri|sat|sun)\b\.?)"
           r"(?:\s+(?P<wdnext>next\s+week))?\b"
           # "Friday 6th", "Monday the 9th": the date said with the day.
           r"(?:,?\s+(?:the\s+)?(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?:\s+of\s+\w+)?)?"),
    # UK "a week on Monday": the Monday after next; "a week today", "a week tomorrow": that
    # day a week on (2026-12-07 e-mail probe).
    ("weekon", rf"a\s+week\s+(?:(?:on|from)\s+(?P<wkon>{_WD})|(?:from\s+)?(?P<wkday>today"
               r"|tomorrow))\b"),
    ("mdate", rf"(?P<mon1>{_MONTH})\.?\s+(?P<md1>\d{{1,2}}){_ORD}(?:,?\s+(?P<y1>\d{{4}}))?\b"),
    ("dmdate", rf"(?:the\s+)?(?P<md2>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon2>{_MONTH})\b\.?"
               r"(?:\s+(?P<y2>\d{4}))?"),
    ("ndate", r"(?P<na>\d{1,2})/(?P<nb>\d{1,2})(?:/(?P<ny>\d{2,4}))?\b"),
    # "by the 15th": a day of the month, only after a preposition of time.
    ("nth", r"(?:(?<=\bby\s)|(?<=\bon\s)|(?<=\bbefore\s)|(?<=\buntil\s)|(?<=\btill\s))"
            r"(?:the\s+)?(?P<md3>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
            # "on the 3rd of next month" (2026-12-07 probe)
            r"(?:\s+of\s+(?P<nxm>next|the\s+following|the\s+next)\s+month\b)?"
            r"(?!\s+(?:floor|time|of\b|day|week|month|year|place|street|avenue|grade|edition))"),
    ("isodate", r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b"),
    # "between 10 and 12", "between 8 and 10 a.m.": due at the window's end.
    ("window", r"between\s+(?P<wa>1[0-2]|[1-9])(?::[0-5]\d)?\s*(?P<wap1>[ap]\.?\s?m\b\.?)?\s*"
               r"(?:and|-|–|to)\s*(?:(?P<wb>1[0-2]|[1-9])(?::(?P<wbm>[0-5]\d))?\s*"
               r"(?P<wap>[ap]\.\s?m\.|[ap]\s?m\b)?|(?P<wnoon>noon|midday))"),
    ("clock", r"(?:(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.|[ap]\s?m\b)"
              # "the 6pm flight", "your 3pm appointment": a thing's time, not a due time.
              r"(?!\s+(?:flight|train|bus|coach|ferry|departure|arrival|slot|show|showing|class"
              r"|session|sailing|screening|appointment|booking|performance|match|kick-?off)\b)"
              r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b)"
              # "2pm Eastern", "5pm GMT", "3pm UK time": the clock of another zone.
              rf"(?:\s+(?P<tzw>{ZONE_WORDS_RE})\b)?"
              # "by 17.00": a stop for the minutes, after a preposition of time only.
              r"|(?=\d)(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\bbefore\s)|(?<=\buntil\s)|(?<=\baround\s))"
              r"(?P<hd>[01]?\d|2[0-3])\.(?P<md>[0-5]\d)\b(?!\.\d)"
              # A bare hour after a preposition of time: "I'll call you back at 4".
              # Said as a word on the phone too: "call you back by eleven" (not "one by one").
              r"|(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\bbefore\s)|(?<=\buntil\s)|(?<=\btill\s)"
              rf"|(?<=\baround\s))(?<!\bone\sby\s)(?P<hb>1[0-2]|[1-9]|{_HOUR_WORDS})\b(?![:./,-]\d)"
              r"(?=\s*(?:$|[.,;:!?)\-–—]|(?:today|tomorrow|tonight|this|on|in\s+the|your|my|our|uk"
              r"|gmt|bst|est|pst|cet|local|then|and\s+(?:i|we)|at|latest|sharp|ish"
              # "I'll call you at 4 to confirm", "by 5 with the details".
              r"|to\s+(?:confirm|explain|discuss|go\s+(?:over|through)|talk|update|check|arrange"
              r"|review|let\s+you|run\s+through|finali[sz]e|book)"
              r"|with\s+(?:the|your|more|some|news|details|everything|what|an\s+update"
              r"|an?\s+(?:call|reply|decision|quote|plan|answer|update))"
              r"|about\s+(?:the|your|this|it|what)|so\s+(?:we|i|you|that))\b))"
              # UK "half five" is half past five.
              rf"|(?P<halfuk>half)\s+(?P<hsu>1[0-2]|[1-9]|{_HOUR_WORDS})\b"
              r"(?!\s*(?:an?\b|hours?|days?|of\b|the\b|price|dozen|past|after|to\b|times?))"
              r"|(?P<hoc>\d{1,2})\s+o['’]?clock\b"
              # Said aloud: "half past four", "a quarter to 5".
              rf"|(?:(?P<half>half)|(?:a\s+)?(?P<qtr>quarter))\s+(?P<rel>past|after|to)\s+"
              rf"(?P<hs>1[0-2]|[1-9]|{_HOUR_WORDS})\b"),
    # "later this morning", "by the end of the morning" (noon); "end of the afternoon" (5 pm).
    ("partend", r"(?:later\s+this|(?:the\s+)?end\s+of\s+(?:the|this))\s+"
                r"(?P<pe>morning|afternoon)\b"),
    ("part", r"(?P<this>this\s+)?(?:(?P<afterl>after)\s+)?(?P<pn>morning|afternoon|evening|tonight"
             r"|noon|midday|midnight|night|lunchtime|lunch\s+time|lunch)\b"),
)


def _build(playbook: Playbook) -> re.Pattern[str]:
    vague = list(VAGUE) + [re.escape(w).replace(r"\ ", r"\s+") for w in playbook.time_words.vague]
    vague_group = rf"(?P<vague>(?:{'|'.join(vague)})\b)"
    body = "|".join(f"(?P<{name}>{pattern})" for name, pattern in _PARTS)
    return re.compile(rf"\b(?:{vague_group}|{body})", re.IGNORECASE)


def time_regex(playbook: Playbook) -> re.Pattern[str]:
    """The compiled time-word regex of ``playbook`` (memoised on it)."""
    pattern: re.Pattern[str] = playbook.cached("commitments.time_regex", _build)
    return pattern


#: What may stand between two tokens of one phrase ("tomorrow at 3pm", "Monday, 9 am").
JOINER = re.compile(
    r"[\s,]*(?:(?:at|on|by|in\s+the|around|before|of|about|the)\s+)*", re.IGNORECASE
)

#: Prepositions kept at the start of a due phrase, as written.
LEAD = re.compile(
    # A window's start ("between 2 and 4 pm", "from Monday to"): the phrase
    # begins there, and the due time is the window's end.
    rf"\b(?:between|from)\s+(?:\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:[ap]\.?m\b\.?)?|noon|midday"
    rf"|{_WD})\s*(?:and|to|until|till|-|–)\s*$"
    r"|(?:\b(?:by|before|on|at|until|till|no\s+later\s+than|around|about|approximately|roughly"
    # "on or before 30 September" (2026-12-07 e-mail probe)
    r"|from|after|on\s+or\s+(?:before|by)|by\s+or\s+(?:on|before))\s+)+$",
    re.IGNORECASE,
)
