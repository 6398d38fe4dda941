"""One Settings object, read from ``KETTLE_*`` environment variables.

Nothing here runs at import time: call :func:`get_settings` (or build
``Settings(...)`` directly in tests) when a face starts.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KETTLE_", extra="ignore")

    playbook: str | None = Field(default=None, description="Path to an organisation playbook YAML")
    default_tz: str = Field(default="UTC", description="Customer time zone when none is known")
    max_text_chars: int = Field(default=20_000, ge=1, description="Longest message accepted")

    llm_enabled: bool = Field(default=False, description="Use the OpenAI-compatible LLM backend")
    llm_base_url: str = Field(default="http://127.0.0.1:8000/v1")
    llm_model: str = Field(default="gpt-4o-mini")
    llm_api_key: str | None = Field(default=None)
    llm_timeout_s: float = Field(default=20.0, gt=0)

    data_dir: str = Field(default="../shared/data", description="Evaluation data root")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
