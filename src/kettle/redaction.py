"""Redact customer data (e-mail addresses, phone numbers, card numbers) from text.

Used for logs (:class:`RedactingFilter`), analytics and exports. Card numbers
are only redacted when they pass the Luhn check, so order numbers survive.
"""

from __future__ import annotations

import logging
import re

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
_PHONE = re.compile(r"(?<![\w+(])(?:\+|00)?\(?\d[\d ()./-]{6,}\d(?!\w)")
_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def _card(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group())
    return "[card]" if 13 <= len(digits) <= 19 and _luhn(digits) else match.group()


def _phone(match: re.Match[str]) -> str:
    if _DATE.fullmatch(match.group().strip()):
        return match.group()
    digits = re.sub(r"\D", "", match.group())
    return "[phone]" if 7 <= len(digits) <= 15 else match.group()


def redact(text: str) -> str:
    """``text`` with e-mails → ``[email]``, card numbers → ``[card]``, phones → ``[phone]``."""
    out = EMAIL.sub("[email]", text)
    out = _CARD.sub(_card, out)
    return _PHONE.sub(_phone, out)


class RedactingFilter(logging.Filter):
    """A logging filter that redacts each record's message before it is written."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True
