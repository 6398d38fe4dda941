"""Sample conversations shipped with Kettle, written for the demo and the docs."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

NAMES: tuple[str, ...] = ("movers", "courier", "shoe_return")


def load(name: str = "movers") -> dict[str, Any]:
    """Return one sample conversation: ``{"id", "title", "tz", "turns": [...]}``."""
    from kettle.errors import InvalidInput

    if name not in NAMES:
        raise InvalidInput(f"no sample called {name!r}", field="sample", choices=NAMES)
    text = (resources.files(__name__) / f"{name}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
