"""What in an e-mail the customer wrote now: quoted history and footers blanked out.

A reply by e-mail carries the earlier messages under it ("> On Monday you
wrote…", "-----Original Message-----") and often a footer ("Sent from my
iPhone", "You are receiving this email because…"). Read as the customer's words,
a calm "It arrived, thanks" above an old angry quote reads boiling, and the
company's own "we may take legal action" in a quoted letter reads as the
customer's legal threat. :func:`own_words` replaces those parts with spaces,
one character for one, so every span found in what is left is a span of the
original text.
"""

from __future__ import annotations

import re

#: A line that opens the quoted history: everything from it to the end is history.
_HISTORY = re.compile(
    r"^[ \t]*(?:"
    r"On\s.{1,200}?\bwrote:[ \t]*$"  # "On Mon, 3 Jun 2026 at 10:02, Kettle Support wrote:"
    r"|-{2,}\s*(?:Original|Forwarded)\s+Message\s*-{2,}"
    r"|_{10,}[ \t]*$"  # Outlook's rule above the quoted header
    r"|From:[ \t]+.+\r?\n[ \t]*(?:Sent|Date):[ \t]+"
    r")",
    re.IGNORECASE | re.MULTILINE,
)
#: A quoted line ("> …", ">> …").
_QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
#: Footers: everything from one of these lines to the end is boilerplate.
_FOOTER = re.compile(
    r"^[ \t]*(?:Sent\s+from\s+my\s+\w+"
    r"|Get\s+Outlook\s+for\s+\w+"
    r"|You\s+are\s+receiving\s+this\s+(?:e-?mail|message)\s+because"
    r"|To\s+unsubscribe\b"
    r"|This\s+(?:e-?mail|message)\s+(?:and\s+any\s+attachments?\s+)?(?:is|are|may\s+be)\s+"
    r"(?:confidential|intended|private)"
    r"|(?:CONFIDENTIALITY\s+NOTICE|DISCLAIMER)\b)",
    re.IGNORECASE | re.MULTILINE,
)
#: Paragraphs: text between blank lines.
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*", re.MULTILINE)
#: A message is read paragraph by paragraph only from this length on.
LONG_MESSAGE = 240


def own_words(text: str) -> str:
    """``text`` with quoted history and footers replaced by spaces (newlines kept).

    A message that is nothing but a quote is returned as it is: better to read
    the quote than nothing.
    """
    if "\n" not in text:
        return text
    cut = len(text)
    for rule in (_HISTORY, _FOOTER):
        match = rule.search(text)
        if match is not None and match.start() < cut:
            cut = match.start()
    kept = text[:cut] + _blank(text[cut:])
    if ">" in kept:
        kept = _QUOTED_LINE.sub(lambda m: " " * len(m.group(0)), kept)
    return kept if kept.strip() else text


def _blank(part: str) -> str:
    return "".join("\n" if ch == "\n" else " " for ch in part)


def paragraphs(text: str) -> list[tuple[int, str]]:
    """The (offset, text) of each paragraph of a long message; [] for a short one."""
    if len(text) < LONG_MESSAGE or "\n" not in text:
        return []
    found = [(m.start(), m.group(0)) for m in _PARAGRAPH.finditer(text)]
    return found if len(found) >= 2 else []
