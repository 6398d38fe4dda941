"""The organisation's phrases and rules, as data.

A playbook is YAML. The default ships in ``kettle/analysis/data/playbook/`` as
one file per section (signals, techniques, anti-patterns, time); an
organisation's own file extends it: its patterns and word lists are added to the
default ones, its scalar settings replace the default ones, and a rule with
``replace: true`` replaces the default rule of that name. Everything is checked
when it is loaded, and every problem names the field it is in.
"""

from __future__ import annotations

import re
from datetime import time
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from kettle.analysis.types import ANTI_PATTERNS, SIGNALS, TECHNIQUES
from kettle.errors import PlaybookError

_MISSING = object()
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Rule(BaseModel):
    """Phrases (regular expressions, case-insensitive) that mark one thing."""

    model_config = ConfigDict(extra="forbid")

    patterns: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    step: int | None = Field(default=None, ge=1, le=5)
    message: str = ""
    rewrite: str | None = None
    replace: bool = False

    @field_validator("patterns", "exclude")
    @classmethod
    def _compiles(cls, value: list[str], info: ValidationInfo) -> list[str]:
        if info.context and info.context.get("shipped"):
            # The shipped playbook's phrases are checked by the test suite
            # (tests/analysis/test_playbook.py); compiling them all here cost a
            # cold `kettle read` a fifth of a second.
            return value
        for pattern in value:
            try:
                # The flags the signals use, so that re's cache serves them the
                # compiled pattern: compiling every phrase twice cost a cold
                # `kettle read` about 0.15 s.
                re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None
        return value


class BusinessHours(BaseModel):
    model_config = ConfigDict(extra="forbid")

    start: time = time(9, 0)
    end: time = time(17, 0)
    days: list[str] = Field(default_factory=lambda: list(WEEKDAYS[:5]))

    @field_validator("days")
    @classmethod
    def _weekdays(cls, value: list[str]) -> list[str]:
        days = [d.lower()[:3] for d in value]
        bad = [d for d in days if d not in WEEKDAYS]
        if bad:
            raise ValueError(f"unknown weekday(s) {bad}; use {', '.join(WEEKDAYS)}")
        if not days:
            raise ValueError("at least one business day is needed")
        return days


class TimeWords(BaseModel):
    """What the vague time words of a promise mean in this organisation."""

    model_config = ConfigDict(extra="forbid")

    end_of_day: time = time(17, 0)
    first_thing: time = time(9, 0)
    morning: time = time(9, 0)
    noon: time = time(12, 0)
    afternoon: time = time(15, 0)
    evening: time = time(19, 0)
    tonight: time = time(20, 0)
    vague: list[str] = Field(default_factory=list)


class Playbook(BaseModel):
    """A validated playbook. Build one with :func:`load_playbook`."""

    model_config = ConfigDict(extra="forbid")

    name: str = "default"
    signals: dict[str, Rule] = Field(default_factory=dict)
    techniques: dict[str, Rule] = Field(default_factory=dict)
    anti_patterns: dict[str, Rule] = Field(default_factory=dict)
    profanity: list[str] = Field(default_factory=list)
    forbidden: list[str] = Field(default_factory=list)
    jargon: list[str] = Field(default_factory=list)
    business_hours: BusinessHours = Field(default_factory=BusinessHours)
    time_words: TimeWords = Field(default_factory=TimeWords)

    _cache: dict[str, Any] = PrivateAttr(default_factory=dict)

    @field_validator("signals")
    @classmethod
    def _known_signals(cls, value: dict[str, Rule]) -> dict[str, Rule]:
        return _known(value, SIGNALS, "signal")

    @field_validator("techniques")
    @classmethod
    def _known_techniques(cls, value: dict[str, Rule]) -> dict[str, Rule]:
        return _known(value, TECHNIQUES, "technique")

    @field_validator("anti_patterns")
    @classmethod
    def _known_anti_patterns(cls, value: dict[str, Rule]) -> dict[str, Rule]:
        return _known(value, ANTI_PATTERNS, "anti-pattern")

    def cached(self, key: str, build: Any) -> Any:
        """Memoise a derived structure (compiled regexes) on this playbook."""
        # Pydantic keeps private attributes in ``__pydantic_private__`` and
        # reaches ``self._cache`` through a slow ``__getattr__`` (3.5 µs; a
        # check asks for a dozen structures): read the dict directly.
        private = self.__pydantic_private__
        cache: dict[str, Any] = private["_cache"] if private is not None else self._cache
        found = cache.get(key, _MISSING)
        if found is _MISSING:
            found = cache[key] = build(self)
        return found


def _known(value: dict[str, Rule], names: tuple[str, ...], what: str) -> dict[str, Rule]:
    unknown = [k for k in value if k not in names]
    if unknown:
        raise ValueError(f"unknown {what} {unknown[0]!r}; valid: {', '.join(names)}")
    return value


def compile_rule(rule: Rule) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """One alternation regex for a rule's patterns, and one for its exclusions."""
    return _alternation(tuple(rule.patterns)), _alternation(tuple(rule.exclude))


@lru_cache(maxsize=1024)
def _alternation(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Extend ``base`` with ``extra``: lists add up, mappings merge, scalars replace."""
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(value, dict) and value.get("replace") is True:
            out[key] = value
        elif isinstance(old, dict) and isinstance(value, dict):
            out[key] = merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        else:
            out[key] = value
    return out


#: libyaml's safe loader where PyYAML was built with it: the same documents, 16× faster
#: on the shipped playbook (0.013 s against 0.215 s, a sixth of a cold ``kettle read``).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(text: str, source: str) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise PlaybookError(f"{source} is not valid YAML: {exc}".replace("\n", " ")) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PlaybookError(f"{source} must be a mapping at the top level")
    return data


def _default_data() -> dict[str, Any]:
    folder = resources.files("kettle.analysis") / "data" / "playbook"
    data: dict[str, Any] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            data = merge(data, _read_yaml(entry.read_text(encoding="utf-8"), entry.name))
    return data


def _validate(data: dict[str, Any], source: str, *, shipped: bool = False) -> Playbook:
    try:
        return Playbook.model_validate(data, context={"shipped": shipped})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PlaybookError(
            f"{source}: {first['msg']}", field=where or None
        ) from None


@lru_cache(maxsize=1)
def default_playbook() -> Playbook:
    """The playbook shipped with Kettle."""
    return _validate(_default_data(), "default playbook", shipped=True)


def load_playbook(source: str | Path | dict[str, Any] | None = None) -> Playbook:
    """Load an organisation playbook (a YAML path or a mapping) on top of the default.

    ``None`` gives the default playbook. A file with ``extends: none`` starts
    from an empty playbook instead of the default.
    """
    if source is None:
        return default_playbook()
    if isinstance(source, dict):
        data, name = dict(source), "playbook"
    else:
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise PlaybookError(f"playbook file not found: {path}") from None
        except UnicodeDecodeError:
            raise PlaybookError(f"playbook file is not UTF-8: {path}") from None
        data, name = _read_yaml(text, str(path)), str(path)
    extends = data.pop("extends", "default")
    if extends not in ("default", "none", None):
        raise PlaybookError(f"{name}: extends must be 'default' or 'none'", field="extends",
                            choices=("default", "none"))
    base = _default_data() if extends == "default" else {}
    return _validate(merge(base, data), name)
