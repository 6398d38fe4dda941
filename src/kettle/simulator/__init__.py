"""The training simulator (C7): practise on hot customers, under pressure if you like.

``Session(scenario, seed=…, pressure_s=…)`` runs one conversation with a
simulated customer whose temperature reacts to each reply through the same
engine that coaches live agents (:func:`kettle.analysis.check` and
:func:`kettle.analysis.read`). Scenarios are YAML (``scenarios.library()``);
``Session.debrief()`` scores the conversation with the QA rubric; ``store``
saves sessions so a trainer can follow progress. Heavy imports are deferred.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = [
    "Debrief",
    "Exchange",
    "LLMLines",
    "LineSource",
    "Scenario",
    "ScriptedLines",
    "Session",
    "get_scenario",
    "library",
]

_LAZY: dict[str, tuple[str, str]] = {
    "Debrief": ("kettle.simulator.debrief", "Debrief"),
    "Exchange": ("kettle.simulator.runner", "Exchange"),
    "LLMLines": ("kettle.simulator.lines", "LLMLines"),
    "LineSource": ("kettle.simulator.lines", "LineSource"),
    "Scenario": ("kettle.simulator.scenarios", "Scenario"),
    "ScriptedLines": ("kettle.simulator.lines", "ScriptedLines"),
    "Session": ("kettle.simulator.runner", "Session"),
    "get_scenario": ("kettle.simulator.scenarios", "get"),
    "library": ("kettle.simulator.scenarios", "library"),
}

if TYPE_CHECKING:
    from kettle.simulator.debrief import Debrief
    from kettle.simulator.lines import LineSource, LLMLines, ScriptedLines
    from kettle.simulator.runner import Exchange, Session
    from kettle.simulator.scenarios import Scenario, library
    from kettle.simulator.scenarios import get as get_scenario


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'kettle.simulator' has no attribute {name!r}")
    return getattr(import_module(target[0]), target[1])
