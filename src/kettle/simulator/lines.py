"""Where the customer's words come from: one :class:`LineSource` protocol, two sources.

:class:`ScriptedLines` picks from the scenario's branches with a seeded random
generator (same seed, same replies: same lines). :class:`LLMLines` asks an
OpenAI-compatible chat API (any object with ``chat(messages) -> list[str]``,
such as :class:`kettle.integrations.llm.OpenAICompatibleBackend`) to play the
customer, and checks every line before it is used (:func:`vet_line`): it must
read as a customer, not an agent, and the thermometer's reading of it must fit
the customer's state. A line that fails, or a backend that fails, falls back to
the scripted line, and the reason is kept.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

from kettle.analysis.types import Turn
from kettle.errors import KettleError
from kettle.simulator.scenarios import Scenario

Source = Literal["scripted", "llm"]


@dataclass(frozen=True, slots=True)
class LineRequest:
    """What the customer should say next: the branch, how hot they are, the talk so far."""

    scenario: Scenario
    branch: str
    temperature: float
    turns: tuple[Turn, ...] = ()


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    branch: str
    source: Source = "scripted"
    problem: str | None = None


@runtime_checkable
class LineSource(Protocol):
    """Anything that can say the customer's next line."""

    def line(self, request: LineRequest) -> Line: ...


class ScriptedLines:
    """Lines from the scenario's branches, deterministic for a seed; avoids repeats."""

    def __init__(self, seed: int = 0) -> None:
        self._rng = random.Random(seed)
        self._used: set[str] = set()

    def line(self, request: LineRequest) -> Line:
        lines = request.scenario.lines(request.branch) or request.scenario.lines("hot")
        fresh = [x for x in lines if x not in self._used] or lines
        chosen = fresh[self._rng.randrange(len(fresh))]
        self._used.add(chosen)
        return Line(request.scenario.fill(chosen), request.branch)


class ChatBackend(Protocol):
    def chat(self, messages: list[dict[str, str]]) -> list[str]: ...


_INTENT: dict[str, str] = {
    "opening": "Open the conversation: say what went wrong, angrily.",
    "venting": "You are still venting: you have not felt listened to. Keep complaining.",
    "heard": "You feel a little heard, but you are still venting; add another grievance.",
    "refuse_question": "They asked for details before listening. Refuse, annoyed.",
    "answer": "Answer the question you were asked, using the facts.",
    "reveal": "Tell them the underlying issue behind your complaint.",
    "doubt": "They doubted you. React, offended.",
    "policy": "They hid behind policy or passed you on. React, exasperated.",
    "blame": "They looked for someone to blame. React.",
    "calm_down": "They told you to calm down. React, furious.",
    "anti_pattern": "They said something dismissive. React.",
    "vague": "They promised something without a time. Ask: by when exactly?",
    "broken_promise": "They missed the time they promised. Say so.",
    "promise_kept": "They reported back as promised. Acknowledge it.",
    "slow": "They are taking a long time to answer. Complain about waiting.",
    "not_enough": "Their plan does not solve your problem. Say what you still need.",
    "accept": "Accept the solution they offered, still a little guarded.",
    "closing": "Thank them briefly; you are satisfied.",
    "hot": "You are still angry; ask what they will do.",
    "warm": "You are calmer; ask what happens next.",
    "calm": "You are calm now; cooperate.",
    "hang_up": "You have had enough: say so and hang up.",
    "callback_ok": "They called you back after you hung up. Listen, grudgingly.",
}

_AGENT_LIKE = re.compile(
    r"\b(?:as an ai|language model|i(?:'m|\s+am)\s+an?\s+(?:ai|assistant)|how\s+(?:can|may)\s+i\s+"
    r"(?:help|assist)|thank\s+you\s+for\s+(?:contacting|reaching\s+out|your\s+patience)|"
    r"i\s+understand\s+your\s+frustration|we\s+apologi[sz]e)\b|^\s*(?:agent|assistant|support)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
_THREATS = ("cancel_threat", "legal_threat", "public_threat", "hang_up")
MAX_LINE_CHARS = 400


def vet_line(text: str, request: LineRequest) -> str | None:
    """Why an LLM line cannot be used (None when it can)."""
    from kettle.analysis import check, read

    if not text or len(text) > MAX_LINE_CHARS:
        return f"the line is empty or longer than {MAX_LINE_CHARS} characters"
    if _AGENT_LIKE.search(text):
        return "the line sounds like an agent or an AI, not a customer"
    review = check(text, conversation=request.turns)
    if {f.name for f in review.techniques} & {"plan", "ownership"}:
        return "the line makes an agent's promise"
    reading = read(text, context=[t for t in request.turns if t.role == "customer"][-3:])
    threats = [s.kind for s in reading.signals if s.kind in _THREATS]
    if request.temperature >= 75 and reading.temperature < 45 and not reading.signals:
        return f"the line reads {reading.temperature:.0f} °C, too calm for a boiling customer"
    if request.temperature < 55 and (reading.temperature >= 75 or threats):
        return f"the line reads {reading.temperature:.0f} °C, too hot for a calmer customer"
    if request.branch in ("accept", "closing", "promise_kept") and threats:
        return "an accepting line must not threaten"
    return None


@dataclass
class LLMLines:
    """Customer lines from a chat model, checked before use; scripted lines as the fallback."""

    backend: ChatBackend
    fallback: LineSource = field(default_factory=ScriptedLines)
    problems: list[str] = field(default_factory=list)

    def line(self, request: LineRequest) -> Line:
        scripted = self.fallback.line(request)
        if request.branch == "hang_up":
            return scripted
        try:
            answers = self.backend.chat(prompt(request, example=scripted.text))
        except KettleError as exc:
            return self._fall_back(scripted, f"LLM failed: {exc.message}")
        problem = "no answer"
        for answer in answers:
            text = _clean(answer)
            problem = vet_line(text, request) or ""
            if not problem:
                return Line(text, request.branch, "llm")
        return self._fall_back(scripted, f"LLM line rejected: {problem}")

    def _fall_back(self, scripted: Line, problem: str) -> Line:
        self.problems.append(problem)
        return Line(scripted.text, scripted.branch, scripted.source, problem)


def prompt(request: LineRequest, *, example: str) -> list[dict[str, str]]:
    """Chat messages (OpenAI schema) asking for the customer's next line."""
    s = request.scenario
    persona = s.persona
    facts = "; ".join(f"{k}: {v}" for k, v in s.facts.items())
    system = (
        f"You play {persona.name}, an upset customer, in a training exercise for support "
        f"agents. Situation: {s.summary} Facts: {facts}. Underlying issue (only say it when "
        f"asked to reveal it): {s.hidden_issue.underlying}. Temper: {persona.temper}. "
        f"Your temperature is {request.temperature:.0f} on a scale of 30 (calm) to 100 "
        "(boiling). Speak only as the customer, in one to three short sentences. Never act "
        "as the agent, never offer help, never mention being an AI."
    )
    transcript = "\n".join(
        f"{'Customer' if t.role == 'customer' else 'Agent'}: {t.text}" for t in request.turns[-10:]
    )
    ask = f"{_INTENT.get(request.branch, _INTENT['hot'])} For example: \"{example}\""
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": f"Conversation so far:\n{transcript}\n\n{ask}"},
    ]


def _clean(answer: str) -> str:
    text = answer.strip().strip('"').strip()
    return re.sub(r"^\s*customer\s*:\s*", "", text, flags=re.IGNORECASE).strip()
