"""Workflow settings (``KETTLE_*`` environment variables); built by the faces, never at import."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class WorkflowSettings(BaseSettings):
    """How the chaser behaves. Every field can be set as ``KETTLE_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="KETTLE_", extra="ignore")

    database_url: str | None = Field(default=None, description="SQLAlchemy URL (default SQLite)")
    callback_window_minutes: int = Field(
        default=30, ge=1, description="Call back a hung-up customer within"
    )
    progress_every_hours: float = Field(
        default=24.0, gt=0, description="Progress update while unresolved"
    )
    progress_margin_minutes: int = Field(
        default=60, ge=0, description="Progress update this long before an open promise falls due"
    )
    satisfaction_delay_hours: float = Field(
        default=24.0, ge=0, description="Check satisfaction after"
    )
    low_satisfaction_max: int = Field(default=2, ge=1, le=5, description="Scores 1..this reopen")
    reopen_escalate_after: int = Field(
        default=2, ge=1, description="Reopens before the lead is told"
    )
    reminder_lead_minutes: int = Field(default=30, ge=0, description="Remind this long before due")
    worker_lease_s: float = Field(
        default=300.0, gt=0, description="How long a worker's claim on a reminder lasts"
    )
    worker_max_attempts: int = Field(
        default=5, ge=1, description="Claims of a reminder before it is recorded as failed"
    )
    worker_retry_backoff_s: float = Field(
        default=60.0, gt=0, description="Wait after a failed send, doubling each attempt"
    )
    default_tz: str = Field(default="UTC")
    webhook_url: str | None = Field(default=None, description="Where reminders are POSTed")
    webhook_secret: str | None = Field(default=None, description="HMAC-SHA256 key for webhooks")
    webhook_retries: int = Field(default=3, ge=0)
    webhook_backoff_s: float = Field(default=0.5, ge=0)
    smtp_host: str | None = Field(default=None, description="SMTP server for e-mail reminders")
    smtp_port: int = Field(default=25)
    smtp_from: str = Field(default="kettle@localhost")
    smtp_to: str | None = Field(default=None, description="Fallback recipient when none is known")
    concession_policy: str | None = Field(
        default=None, description="Path to a concession policy YAML"
    )
