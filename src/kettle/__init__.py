"""Kettle takes the heat out of angry-customer conversations.

The public API re-exports the engine (:mod:`kettle.analysis`); imports are
deferred so that ``import kettle`` stays cheap.
"""

from __future__ import annotations

from typing import Any

from kettle.analysis import __all__ as _ENGINE

__version__ = "0.1.0"

__all__ = [*_ENGINE, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _ENGINE:
        from kettle import analysis

        return getattr(analysis, name)
    raise AttributeError(f"module 'kettle' has no attribute {name!r}")
