"""Settings of the HTTP face, read from ``KETTLE_*`` environment variables.

Kept apart from :mod:`kettle.config` (the lead's file) so the API can grow its
own knobs; :func:`kettle.api.create_app` takes both objects.
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KETTLE_", extra="ignore")

    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL of the case store (default: kettle.db's)"
    )
    api_max_body_bytes: int = Field(
        default=1_048_576, ge=1024, description="Largest request body accepted (else 413)"
    )
    api_db_pool_size: int = Field(
        default=10, ge=1, description="Pooled DB connections per process (+ as many overflow)"
    )
    api_audit_reads: bool = Field(
        default=True, description="Record who viewed a case or its conversation in the audit log"
    )
    api_page_limit: int = Field(default=50, ge=1, le=1000, description="Default page size")
    api_max_page_limit: int = Field(default=500, ge=1, description="Largest page size allowed")
