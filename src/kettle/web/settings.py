"""Settings of the web console, read from ``KETTLE_CONSOLE_*`` environment variables."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ConsoleSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KETTLE_CONSOLE_", extra="ignore")

    enabled: bool = Field(default=True, description="Serve the web console under /console")
    secret: str | None = Field(
        default=None,
        description="Key that signs the session cookie; set it when running several workers "
        "(default: a random key per process, so sessions end on restart)",
    )
    session_hours: float = Field(default=12.0, gt=0, description="How long a sign-in lasts")
    secure_cookie: bool = Field(default=False, description="Send the cookie over HTTPS only")
    demo: bool = Field(
        default=False, description="Demo mode: the login page lists users to sign in as, no token"
    )
