"""The scenario library: upset customers to practise on, as validated YAML.

A scenario (schema in docs/simulator.md) gives the persona, the facts, a hidden
underlying issue, the acceptable resolutions, the concession tier (a tier and a
severity of the concession policy in :mod:`kettle.cases.concessions`), the
starting temperature and the customer's lines, grouped in *branches* by the
situation they answer. Branches a scenario leaves out come from the shared
``data/common_lines.yaml``. Every problem names the file and the field.
"""

from __future__ import annotations

import re
import string
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from kettle.simulator.errors import ScenarioError, UnknownScenario

CATEGORIES: tuple[str, ...] = (
    "shipping",
    "billing",
    "returns",
    "outages",
    "appointments",
    "subscriptions",
    "warranty",
)
Temper = Literal["mild", "touchy", "fiery"]

#: Branches: the situations a customer line answers (see docs/simulator.md).
BRANCHES: tuple[str, ...] = (
    "opening",
    "venting",
    "heard",
    "refuse_question",
    "answer",
    "reveal",
    "doubt",
    "policy",
    "blame",
    "calm_down",
    "anti_pattern",
    "vague",
    "broken_promise",
    "promise_kept",
    "slow",
    "not_enough",
    "accept",
    "closing",
    "hot",
    "warm",
    "calm",
    "hang_up",
    "callback_ok",
)
#: Branches every scenario writes itself; the others may come from the common lines.
REQUIRED_BRANCHES: tuple[str, ...] = ("opening", "venting", "answer", "reveal", "accept", "hang_up")

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Need(_Strict):
    """Something the customer needs to hear, and words that show the trainee said it."""

    say: str = Field(min_length=1)
    words: list[str] = Field(min_length=1)


class Persona(_Strict):
    name: str = Field(min_length=1)
    temper: Temper = "touchy"
    #: Replies the customer waits for a concrete plan before their patience runs out.
    patience: int = Field(default=4, ge=1, le=20)
    #: Acknowledgements needed while venting before they answer questions.
    acknowledgements: int = Field(default=2, ge=0, le=6)
    #: Feeling words a reflection should name ("stressed", "let down").
    feelings: list[str] = Field(min_length=1)
    needs: list[Need] = Field(default_factory=list)


class HiddenIssue(_Strict):
    surface: str = Field(min_length=1)
    underlying: str = Field(min_length=1)


class Resolution(_Strict):
    id: str = Field(min_length=1)
    description: str = Field(min_length=1)
    #: Words or phrases (any one) that show the trainee offered this resolution.
    words: list[str] = Field(min_length=1)


class ConcessionTier(_Strict):
    tier: str = "standard"
    severity: str = "medium"
    kind: str = "credit"


class Scenario(_Strict):
    id: str
    title: str = Field(min_length=1)
    category: Literal[
        "shipping", "billing", "returns", "outages", "appointments", "subscriptions", "warranty"
    ]
    summary: str = Field(min_length=1)
    tz: str = "UTC"
    #: Local time at which the customer gets in touch (ISO 8601, no offset).
    start: datetime = datetime(2026, 3, 2, 10, 0)
    starting_temperature: float = Field(ge=30, le=94)
    #: Seconds allowed per reply in pressure mode.
    reply_seconds: float = Field(default=60, gt=0)
    #: Simulated minutes each exchange takes (promises fall due on this clock).
    minutes_per_turn: float = Field(default=2, gt=0, le=120)
    max_turns: int = Field(default=14, ge=2, le=60)
    persona: Persona
    facts: dict[str, str] = Field(default_factory=dict)
    hidden_issue: HiddenIssue
    resolutions: list[Resolution] = Field(min_length=1)
    concession: ConcessionTier = ConcessionTier()
    branches: dict[str, list[str]]

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("use lowercase letters, digits, '-' and '_'")
        return value

    @field_validator("tz")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value

    @field_validator("branches")
    @classmethod
    def _branches(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = sorted(set(value) - set(BRANCHES))
        if unknown:
            raise ValueError(f"unknown branch {unknown[0]!r}; valid: {', '.join(BRANCHES)}")
        missing = [b for b in REQUIRED_BRANCHES if not value.get(b)]
        if missing:
            raise ValueError(f"needs at least one line in branch {missing[0]!r}")
        for name, lines in value.items():
            if any(not line.strip() for line in lines):
                raise ValueError(f"branch {name!r} has an empty line")
        return value

    @model_validator(mode="after")
    def _placeholders(self) -> Scenario:
        for name, lines in self.branches.items():
            for line in lines:
                for field in _fields(line):
                    if field not in self.facts:
                        raise ValueError(
                            f"branch {name!r} uses {{{field}}}, which is not in facts "
                            f"({', '.join(self.facts) or 'none'})"
                        )
        return self

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    @property
    def started_at(self) -> datetime:
        """The start as an aware time in the scenario's zone."""
        return self.start.replace(tzinfo=self.zone)

    def lines(self, branch: str) -> list[str]:
        """The scenario's lines for ``branch``, or the common ones."""
        own = self.branches.get(branch)
        return list(own) if own else list(common_lines().get(branch, []))

    def fill(self, line: str) -> str:
        """``line`` with its ``{fact}`` placeholders filled in."""
        return line.format_map(self.facts) if _fields(line) else line


def _fields(line: str) -> list[str]:
    try:
        return [f for _, f, _, _ in string.Formatter().parse(line) if f]
    except ValueError:
        return []


def _load_yaml(text: str, source: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{source}: not valid YAML ({exc})") from None


def parse(data: Any, source: str) -> Scenario:
    """Validate ``data`` (a parsed YAML document) as a scenario from ``source``."""
    if not isinstance(data, dict):
        raise ScenarioError(f"{source}: a scenario is a mapping of fields")
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or None
        message = str(first["msg"]).removeprefix("Value error, ")
        raise ScenarioError(f"{source}: {where}: {message}", field=where) from None


def load_file(path: str | Path) -> Scenario:
    """One scenario from a YAML file."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ScenarioError(f"{file}: cannot read ({exc.strerror})", field="scenario") from None
    return parse(_load_yaml(text, file.name), file.name)


@lru_cache(maxsize=1)
def library() -> tuple[Scenario, ...]:
    """Every scenario shipped with Kettle, sorted by id; ids are unique."""
    folder = resources.files("kettle.simulator") / "data" / "scenarios"
    found: dict[str, Scenario] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        scenario = parse(_load_yaml(entry.read_text(encoding="utf-8"), entry.name), entry.name)
        if scenario.id in found:
            raise ScenarioError(f"{entry.name}: id {scenario.id!r} is used twice", field="id")
        found[scenario.id] = scenario
    return tuple(found[k] for k in sorted(found))


def get(scenario_id: str) -> Scenario:
    """The library scenario called ``scenario_id``; an unknown id lists the choices."""
    for scenario in library():
        if scenario.id == scenario_id:
            return scenario
    raise UnknownScenario(
        f"no scenario called {scenario_id!r}",
        field="scenario",
        choices=[s.id for s in library()],
    )


def resolve(name: str) -> Scenario:
    """A library id, or a path to a scenario YAML file."""
    if name.endswith((".yaml", ".yml")) or "/" in name:
        return load_file(name)
    return get(name)


@lru_cache(maxsize=1)
def common_lines() -> dict[str, list[str]]:
    """The lines every scenario falls back on, by branch."""
    text = (resources.files("kettle.simulator") / "data" / "common_lines.yaml").read_text(
        encoding="utf-8"
    )
    data = _load_yaml(text, "common_lines.yaml")
    unknown = sorted(set(data) - set(BRANCHES))
    if unknown:
        raise ScenarioError(f"common_lines.yaml: unknown branch {unknown[0]!r}", field=unknown[0])
    return {str(k): [str(x) for x in v] for k, v in data.items()}
