"""The judgement engine: pure functions on plain data.

``read`` a customer message, ``check`` an agent reply, ``extract`` the promises
in it, ``track`` a whole conversation, ``suggest`` what to say next and ``score``
a conversation against the method. Every
face of Kettle (CLI, API, console, simulator, QA, batch) calls these.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = [
    "Commitment",
    "Evidence",
    "Finding",
    "Playbook",
    "Reading",
    "Review",
    "Scorecard",
    "Signal",
    "Span",
    "StepScore",
    "Suggestion",
    "Track",
    "Turn",
    "check",
    "extract",
    "load_playbook",
    "read",
    "read_many",
    "score",
    "suggest",
    "track",
]

_LAZY: dict[str, str] = {
    "Commitment": "kettle.analysis.types",
    "Evidence": "kettle.analysis.types",
    "Scorecard": "kettle.analysis.types",
    "StepScore": "kettle.analysis.types",
    "Finding": "kettle.analysis.types",
    "Reading": "kettle.analysis.types",
    "Review": "kettle.analysis.types",
    "Signal": "kettle.analysis.types",
    "Span": "kettle.analysis.types",
    "Suggestion": "kettle.analysis.types",
    "Track": "kettle.analysis.types",
    "Turn": "kettle.analysis.types",
    "Playbook": "kettle.analysis.playbook",
    "load_playbook": "kettle.analysis.playbook",
    "read": "kettle.analysis.thermometer",
    "read_many": "kettle.analysis.thermometer",
    "check": "kettle.analysis.coach",
    "extract": "kettle.analysis.commitments",
    "track": "kettle.analysis.stage",
    "suggest": "kettle.analysis.suggestions",
    "score": "kettle.analysis.scorecard",
}

if TYPE_CHECKING:
    from kettle.analysis.coach import check
    from kettle.analysis.commitments import extract
    from kettle.analysis.playbook import Playbook, load_playbook
    from kettle.analysis.scorecard import score
    from kettle.analysis.stage import track
    from kettle.analysis.suggestions import suggest
    from kettle.analysis.thermometer import read, read_many
    from kettle.analysis.types import (
        Commitment,
        Evidence,
        Finding,
        Reading,
        Review,
        Scorecard,
        Signal,
        Span,
        StepScore,
        Suggestion,
        Track,
        Turn,
    )


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kettle.analysis' has no attribute {name!r}")
    return getattr(import_module(module), name)
