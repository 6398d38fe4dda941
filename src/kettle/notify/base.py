"""The notifier interface and the delivery log every notifier writes to."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session, sessionmaker

from kettle.notify.models import Delivery

#: Header carrying :attr:`Notification.delivery_id` (webhooks; e-mail gets it too).
IDEMPOTENCY_HEADER = "Idempotency-Key"


@dataclass(frozen=True, slots=True)
class Notification:
    """One reminder to send: an event name, what it is about, and a JSON-ready payload.

    ``delivery_id`` is the notification's stable id, the same on every attempt
    and from every worker (default ``kettle-{entity_type}-{entity_id}-{event}``):
    a receiver that has seen it already can drop the repeat.
    """

    event: str
    entity_type: str
    entity_id: int
    payload: dict[str, Any] = field(default_factory=dict)
    subject: str = ""
    delivery_id: str = ""

    def __post_init__(self) -> None:
        if not self.delivery_id:
            default = f"kettle-{self.entity_type}-{self.entity_id}-{self.event}"
            object.__setattr__(self, "delivery_id", default)

    def body(self) -> bytes:
        """The canonical JSON body (sorted keys), the bytes that are signed."""
        data = {
            "event": self.event,
            "entity_type": self.entity_type,
            "entity_id": self.entity_id,
            "delivery_id": self.delivery_id,
            **self.payload,
        }
        return json.dumps(data, sort_keys=True, default=str).encode("utf-8")


class Notifier(Protocol):
    """Sends a notification; returns whether it was delivered (attempts are recorded)."""

    channel: str

    def send(self, notification: Notification) -> bool: ...


class DeliveryLog:
    """Records each delivery attempt in its own short transaction."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def record(
        self,
        notification: Notification,
        *,
        channel: str,
        target: str,
        attempt: int,
        ok: bool,
        status_code: int | None = None,
        error: str | None = None,
    ) -> None:
        with self._sessions() as session:
            session.add(
                Delivery(
                    event=notification.event,
                    entity_type=notification.entity_type,
                    entity_id=notification.entity_id,
                    delivery_id=notification.delivery_id[:100],
                    channel=channel,
                    target=target[:500],
                    attempt=attempt,
                    ok=ok,
                    status_code=status_code,
                    error=error,
                )
            )
            session.commit()
