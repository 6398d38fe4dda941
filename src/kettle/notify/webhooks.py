"""Webhook notifier: POSTs the JSON body signed with HMAC-SHA256, retried with backoff.

The signature header is ``X-Kettle-Signature: sha256=<hex>`` over the raw body,
keyed with the shared secret; receivers verify it with :func:`verify`. Every
POST carries the notification's stable id as ``Idempotency-Key`` (and as
``delivery_id`` inside the signed body), the same on retries and from any
worker, so a receiver can drop a repeat.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable

import httpx

from kettle.notify.base import IDEMPOTENCY_HEADER, DeliveryLog, Notification

SIGNATURE_HEADER = "X-Kettle-Signature"
EVENT_HEADER = "X-Kettle-Event"


def sign(body: bytes, secret: str) -> str:
    """``sha256=<hex>`` HMAC of ``body`` under ``secret``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(body: bytes, secret: str, signature: str) -> bool:
    """Whether ``signature`` is the HMAC of ``body`` under ``secret`` (constant time)."""
    return hmac.compare_digest(sign(body, secret), signature)


class WebhookNotifier:
    """Delivers notifications to one URL; a 2xx answer counts as delivered."""

    channel = "webhook"

    def __init__(
        self,
        url: str,
        *,
        secret: str,
        log: DeliveryLog | None = None,
        retries: int = 3,
        backoff_s: float = 0.5,
        timeout_s: float = 10.0,
        client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.url = url
        self._secret = secret
        self._log = log
        self._retries = retries
        self._backoff = backoff_s
        self._client = client or httpx.Client(timeout=timeout_s)
        self._sleep = sleep

    def send(self, notification: Notification) -> bool:
        """POST with up to ``retries`` retries, waiting ``backoff_s * 2**n`` between tries."""
        body = notification.body()
        headers = {
            "Content-Type": "application/json",
            EVENT_HEADER: notification.event,
            IDEMPOTENCY_HEADER: notification.delivery_id,
            SIGNATURE_HEADER: sign(body, self._secret),
        }
        for attempt in range(1, self._retries + 2):
            status, error = self._post(body, headers)
            ok = status is not None and 200 <= status < 300
            if self._log is not None:
                self._log.record(
                    notification,
                    channel=self.channel,
                    target=self.url,
                    attempt=attempt,
                    ok=ok,
                    status_code=status,
                    error=error,
                )
            if ok:
                return True
            if attempt <= self._retries:
                self._sleep(self._backoff * 2 ** (attempt - 1))
        return False

    def _post(self, body: bytes, headers: dict[str, str]) -> tuple[int | None, str | None]:
        try:
            response = self._client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            return None, f"{type(exc).__name__}: {exc}"[:500]
        return response.status_code, None if response.is_success else response.text[:500]

    def close(self) -> None:
        self._client.close()
