"""Plain data the engine takes and returns.

Every result type is a frozen dataclass with a ``to_dict()`` that gives plain
JSON-ready data, so the CLI, the API, the simulator and batch jobs all
serialise judgements the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

Role = Literal["customer", "agent", "system", "other"]
Mode = Literal["venting", "information", "mixed"]
#: ``not_checked``: the reply is not in English, which is all the coach reads (D38).
Verdict = Literal["send", "improve", "dont_send", "not_checked"]
#: The thermometer's model tiers: linear heads (fast, the default) or the
#: fine-tuned MiniLM encoder (accurate, 17–27 times slower; docs/performance.md).
Tier = Literal["fast", "accurate"]
TIERS: tuple[Tier, ...] = ("fast", "accurate")

#: Emotions the thermometer reports, in a fixed order.
EMOTIONS: tuple[str, ...] = (
    "anger",
    "frustration",
    "anxiety",
    "disappointment",
    "confusion",
    "relief",
    "neutral",
)

#: Escalation signals the thermometer reports.
SIGNALS: tuple[str, ...] = (
    "cancel_threat",
    "legal_threat",
    "public_threat",
    "manager_demand",
    "repeat_contact",
    "hang_up",
    "shouting",
    "repeated_punctuation",
    "profanity",
    "sarcasm",
    "service_failure",
    "vulnerability",
)

#: Techniques the reply coach recognises.
TECHNIQUES: tuple[str, ...] = (
    "acknowledgement",
    "apology",
    "empathy",
    "restatement",
    "reflection",
    "ownership",
    "plan",
    "concrete_time",
    "thanks",
    "question_open",
    "question_closed",
    "suggestion",
    "information",
)

#: Anti-patterns the reply coach flags.
ANTI_PATTERNS: tuple[str, ...] = (
    "doubt",
    "policy_shield",
    "blame",
    "scolding",
    "calm_down",
    "sarcasm",
    "insulting",
    "defensiveness",
    "passing_the_buck",
    "minimising",
    "false_promise",
    "hedging",
    "canned_phrase",
    "asking_again",
    "jargon",
    "premature_info_request",
    "forbidden_phrase",
)

#: The method's stages, in order.
STAGES: tuple[str, ...] = (
    "venting",
    "acknowledged",
    "facts_confirmed",
    "plan_agreed",
    "in_progress",
    "resolved",
    "followed_up",
)

#: The eval vocabulary of reply acts (../shared/data README, schema "replies").
ACTS: tuple[str, ...] = (
    "question",
    "restatement",
    "reflection",
    "affirmation",
    "suggestion",
    "information",
    "self_disclosure",
    "other",
)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``[start, end)`` of the text a finding comes from."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Turn:
    """One message of a conversation."""

    role: Role
    text: str
    sent_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "text": self.text, "sent_at": _iso(self.sent_at)}


@dataclass(frozen=True, slots=True)
class Signal:
    """An escalation signal in a customer message, with where it was found."""

    kind: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "span": self.span.to_dict()}


@dataclass(frozen=True, slots=True)
class Reading:
    """What the thermometer reads off one customer message."""

    temperature: float
    hot: float
    emotions: dict[str, float]
    signals: tuple[Signal, ...]
    mode: Mode
    venting: float
    #: False when the message does not look like English (``kettle.analysis.language``):
    #: the models and rules read English only, so the reading says nothing then.
    english: bool = True

    @property
    def dominant_emotion(self) -> str:
        return max(self.emotions, key=self.emotions.__getitem__)

    def to_dict(self) -> dict[str, Any]:
        return {
            "temperature": round(self.temperature, 1),
            "hot": round(self.hot, 4),
            "emotions": {k: round(v, 4) for k, v in self.emotions.items()},
            "dominant_emotion": self.dominant_emotion,
            "signals": [s.to_dict() for s in self.signals],
            "mode": self.mode,
            "venting": round(self.venting, 4),
            "english": self.english,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """A technique or an anti-pattern in an agent reply."""

    kind: Literal["technique", "anti_pattern"]
    name: str
    span: Span
    step: int | None = None
    message: str = ""
    rewrite: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name,
            "span": self.span.to_dict(),
            "step": self.step,
            "message": self.message,
            "rewrite": self.rewrite,
        }


@dataclass(frozen=True, slots=True)
class Commitment:
    """A promise in an agent's words: what, and by when (None when no time was given)."""

    action: str
    span: Span
    due: datetime | None
    due_phrase: str | None
    vague: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "span": self.span.to_dict(),
            "due": _iso(self.due),
            "due_phrase": self.due_phrase,
            "vague": self.vague,
        }


@dataclass(frozen=True, slots=True)
class Review:
    """The reply coach's judgement of one agent reply in its conversation."""

    techniques: tuple[Finding, ...]
    anti_patterns: tuple[Finding, ...]
    commitments: tuple[Commitment, ...]
    acts: tuple[str, ...]
    advice: str
    verdict: Verdict
    reason: str
    missing: tuple[str, ...] = ()
    #: False: the reply is in another language; nothing in it was judged (verdict
    #: ``not_checked``), as :attr:`Reading.english` marks a customer's message.
    english: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "reason": self.reason,
            "advice": self.advice,
            "techniques": [f.to_dict() for f in self.techniques],
            "anti_patterns": [f.to_dict() for f in self.anti_patterns],
            "missing": list(self.missing),
            "commitments": [c.to_dict() for c in self.commitments],
            "acts": list(self.acts),
            "english": self.english,
        }


@dataclass(frozen=True, slots=True)
class Track:
    """Where a whole conversation stands."""

    temperatures: tuple[float, ...]
    readings: tuple[Reading, ...]
    stage: str
    next_move: str
    open_promises: tuple[Commitment, ...]
    risk: float
    stages: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "temperatures": [round(t, 1) for t in self.temperatures],
            "stage": self.stage,
            "stages": list(self.stages),
            "next_move": self.next_move,
            "open_promises": [c.to_dict() for c in self.open_promises],
            "risk": round(self.risk, 4),
        }


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A wording the agent could send next."""

    kind: Literal["reflection", "plan", "progress", "follow_up", "closing"]
    text: str
    source: Literal["embedded", "llm"] = "embedded"
    #: False: the customer wrote in another language (D35). The wording is English and
    #: says none of their words back; a speaker of their language should word the reply.
    english: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "source": self.source,
                "english": self.english}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Something in turn ``turn`` that counts for (``good``) or against a step."""

    turn: int
    span: Span | None
    text: str
    good: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "turn": self.turn,
            "span": self.span.to_dict() if self.span is not None else None,
            "text": self.text,
            "good": self.good,
        }


@dataclass(frozen=True, slots=True)
class StepScore:
    """How one step of the method went: 0..1, or None when the step did not apply."""

    step: str
    label: str
    score: float | None
    evidence: tuple[Evidence, ...] = ()
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "label": self.label,
            "score": round(self.score, 4) if self.score is not None else None,
            "evidence": [e.to_dict() for e in self.evidence],
            "notes": list(self.notes),
        }


@dataclass(frozen=True, slots=True)
class Scorecard:
    """A conversation scored against the method: one :class:`StepScore` per step."""

    steps: tuple[StepScore, ...]
    #: 0..100: the weighted mean of the steps that applied (0 when none did).
    overall: float
    temperature_start: float | None
    temperature_end: float | None
    temperature_peak: float | None
    temperatures: tuple[float, ...]
    stage: str
    promises_made: int
    promises_kept: int
    techniques: dict[str, int]
    anti_patterns: dict[str, int]
    agent_turns: int
    customer_turns: int

    def step(self, name: str) -> StepScore:
        for item in self.steps:
            if item.step == name:
                return item
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        def rounded(value: float | None) -> float | None:
            return round(value, 1) if value is not None else None

        return {
            "overall": round(self.overall, 1),
            "steps": [s.to_dict() for s in self.steps],
            "temperature_start": rounded(self.temperature_start),
            "temperature_end": rounded(self.temperature_end),
            "temperature_peak": rounded(self.temperature_peak),
            "temperatures": [round(t, 1) for t in self.temperatures],
            "stage": self.stage,
            "promises_made": self.promises_made,
            "promises_kept": self.promises_kept,
            "techniques": dict(self.techniques),
            "anti_patterns": dict(self.anti_patterns),
            "agent_turns": self.agent_turns,
            "customer_turns": self.customer_turns,
        }
