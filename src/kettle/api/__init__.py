"""The REST API: ``create_app(settings)`` builds the FastAPI application."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["create_app"]

if TYPE_CHECKING:
    from kettle.api.app import create_app


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from kettle.api.app import create_app

        return create_app
    raise AttributeError(f"module 'kettle.api' has no attribute {name!r}")
