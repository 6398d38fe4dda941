"""E-mail notifier over SMTP (standard library smtplib)."""

from __future__ import annotations

import json
import smtplib
from email.message import EmailMessage

from kettle.notify.base import IDEMPOTENCY_HEADER, DeliveryLog, Notification


class EmailNotifier:
    """Sends each notification as a plain-text e-mail to ``to``."""

    channel = "email"

    def __init__(
        self,
        host: str,
        *,
        port: int = 25,
        sender: str = "kettle@localhost",
        to: str,
        log: DeliveryLog | None = None,
        timeout_s: float = 10.0,
    ) -> None:
        self.host, self.port, self.sender, self.to = host, port, sender, to
        self._log = log
        self._timeout = timeout_s

    def build(self, notification: Notification) -> EmailMessage:
        """The message that :meth:`send` would send."""
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = self.to
        msg["Subject"] = notification.subject or f"Kettle: {notification.event}"
        # The same Message-ID on every attempt lets mail systems drop a repeat.
        msg["Message-ID"] = f"<{notification.delivery_id}@kettle>"
        msg[IDEMPOTENCY_HEADER] = notification.delivery_id
        body = json.loads(notification.body())
        msg.set_content(json.dumps(body, indent=2, sort_keys=True))
        return msg

    def send(self, notification: Notification) -> bool:
        error: str | None = None
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self._timeout) as smtp:
                smtp.send_message(self.build(notification))
        except (OSError, smtplib.SMTPException) as exc:
            error = f"{type(exc).__name__}: {exc}"[:500]
        if self._log is not None:
            self._log.record(
                notification,
                channel=self.channel,
                target=self.to,
                attempt=1,
                ok=error is None,
                error=error,
            )
        return error is None
