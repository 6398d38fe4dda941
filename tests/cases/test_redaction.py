"""Redaction of e-mails, phone numbers and card numbers."""

from __future__ import annotations

import logging

import pytest

from kettle.redaction import RedactingFilter, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail jo.doe+x@example.co.uk now", "mail [email] now"),
        ("call +49 30 1234567 today", "call [phone] today"),
        ("or (555) 123-4567", "or [phone]"),
        ("card 4111 1111 1111 1111 ok", "card [card] ok"),
        ("card 5500-0000-0000-0004", "card [card]"),
        ("paid on 2026-03-02 at 10:15", "paid on 2026-03-02 at 10:15"),
        ("ticket #12345, 3 weeks, 40 EUR", "ticket #12345, 3 weeks, 40 EUR"),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_logging_filter_redacts(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("kettle.test.redaction")
    logger.addFilter(RedactingFilter())
    with caplog.at_level(logging.INFO, logger="kettle.test.redaction"):
        logger.info("customer %s wrote", "ann@example.com")
    assert caplog.records[0].getMessage() == "customer [email] wrote"
