"""The simulated customer: a kettle whose heat follows the reply coach's judgement.

Each trainee reply is checked by :func:`kettle.analysis.check` in the context of
the conversation so far; :meth:`Customer.hear` turns the review into *effects*
(each a named change of temperature with the reason, see
:mod:`kettle.simulator.rules`) and picks the branch of lines the customer answers
from. The customer vents until they have been acknowledged often enough,
answers questions after that, reveals the underlying issue to an open question
or a feeling guess that names the right feeling, accepts one of the scenario's
resolutions once they are cool enough and the plan has a time, and hangs up
when they boil. A hung-up customer must be called back with an acknowledgement
and a plan.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from kettle.analysis.types import Review
from kettle.simulator import rules
from kettle.simulator.scenarios import Scenario

PromiseState = Literal["open", "kept", "broken"]


@dataclass(slots=True)
class Promise:
    action: str
    due: datetime
    turn: int
    state: PromiseState = "open"


@dataclass(frozen=True, slots=True)
class Effect:
    """One reason the temperature moved: ``delta`` in °C (negative cools)."""

    kind: str
    delta: float
    note: str

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "delta": round(self.delta, 1), "note": self.note}


@dataclass(frozen=True, slots=True)
class Reaction:
    """What one reply did: the effects, the new temperature and the branch to answer from."""

    effects: tuple[Effect, ...]
    before: float
    temperature: float
    branch: str
    resolution: str | None = None

    @property
    def delta(self) -> float:
        return self.temperature - self.before


@dataclass(slots=True)
class CustomerState:
    temperature: float
    acks: int = 0
    turns: int = 0
    turns_without_plan: int = 0
    revealed: bool = False
    resolution: str | None = None
    hung_up: bool = False
    hang_ups: int = 0
    failed_callbacks: int = 0
    concession: float | None = None
    needs_met: set[str] = field(default_factory=set)
    credited: Counter[str] = field(default_factory=Counter)
    promises: list[Promise] = field(default_factory=list)


class Customer:
    """The scenario's customer and their state; :meth:`hear` reacts to one reply."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.state = CustomerState(temperature=scenario.starting_temperature)
        self._rise = rules.RISE[scenario.persona.temper]
        self._fall = rules.FALL[scenario.persona.temper]

    @property
    def venting(self) -> bool:
        return self.state.acks < self.scenario.persona.acknowledgements

    def hear(
        self, reply: str, review: Review, *, now: datetime, overtime: float = 0.0
    ) -> Reaction:
        """React to ``reply`` (checked as ``review``) sent at simulated time ``now``."""
        state = self.state
        before = state.temperature
        state.turns += 1
        effects: list[Effect] = []
        names = {f.name for f in review.techniques}
        effects += self._broken(now)
        effects += self._anti_patterns(review, reply)
        effects += self._unheard(names, effects)
        effects += self._heard(names, reply, review)
        plan = self._plan(review, names, effects)
        effects += self._extras(reply, names, plan)
        if overtime > 0:
            effects.append(Effect("slow", overtime * self._rise, "you took too long to answer"))
        state.temperature = _clamp(before + sum(e.delta for e in effects))
        resolution = self._resolve(reply, plan, effects)
        if state.temperature >= rules.BOIL_C:
            state.hung_up = True
            state.hang_ups += 1
        branch = _branch(self, effects, names, review)
        return Reaction(tuple(effects), before, state.temperature, branch, resolution)

    def callback(self, review: Review) -> Reaction:
        """React to the trainee calling back after a hang-up."""
        state = self.state
        before = state.temperature
        names = {f.name for f in review.techniques}
        has_plan = "plan" in names or any(c.due is not None for c in review.commitments)
        opens_well = _opens_with_acknowledgement(review) and has_plan
        if opens_well:
            state.hung_up = False
            state.temperature = _clamp(min(before, rules.BOIL_C) - rules.CALLBACK_RELIEF)
            note = "you called back, acknowledged the feeling and said what you will do"
            effect = Effect("callback", state.temperature - before, note)
            return Reaction((effect,), before, state.temperature, "callback_ok")
        state.failed_callbacks += 1
        state.hang_ups += 1
        note = "a callback must open with an acknowledgement and say what you will do"
        return Reaction((Effect("callback_failed", 0.0, note),), before, before, "hang_up")

    @property
    def lost(self) -> bool:
        return self.state.failed_callbacks >= rules.MAX_CALLBACKS

    def _cool(self, kind: str, amount: float, note: str) -> Effect:
        factor = rules.freshness(self.state.credited[kind])
        self.state.credited[kind] += 1
        return Effect(kind, -amount * factor * self._fall, note)

    def _broken(self, now: datetime) -> list[Effect]:
        effects = []
        for promise in self.state.promises:
            if promise.state == "open" and promise.due < now:
                promise.state = "broken"
                note = f"you promised to {promise.action} by {promise.due:%H:%M} and did not"
                effects.append(Effect("broken_promise", rules.BROKEN * self._rise, note))
        return effects

    def _anti_patterns(self, review: Review, reply: str) -> list[Effect]:
        effects = []
        for name in dict.fromkeys(f.name for f in review.anti_patterns):
            note = f"{name.replace('_', ' ')} turns the heat up"
            effects.append(Effect(name, rules.HEAT.get(name, 6.0) * self._rise, note))
        flagged = any(e.kind == "premature_info_request" for e in effects)
        if self.venting and not flagged and rules.asks_for_details(reply):
            note = "asking for details while the customer still vents"
            effects.append(Effect("premature_info_request", rules.PREMATURE * self._rise, note))
        return effects

    def _heard(self, names: set[str], reply: str, review: Review) -> list[Effect]:
        effects = []
        acked = [n for n in rules.ACKNOWLEDGING if n in names]
        feeling = "reflection" in names and _names_feeling(review, self.scenario.persona.feelings)
        if acked or feeling:
            self.state.acks += 1
        if acked:
            best = max(acked, key=rules.ACKNOWLEDGING.__getitem__)
            effects.append(self._cool("acknowledged", rules.ACKNOWLEDGING[best], f"{best}"))
        if feeling:
            effects.append(self._cool("right_feeling", rules.RIGHT_FEELING, "named the feeling"))
        elif "reflection" in names:
            effects.append(self._cool("feeling_guess", rules.OTHER_FEELING, "a feeling guess"))
        if "restatement" in names:
            effects.append(self._cool("restatement", rules.RESTATEMENT, "repeated back"))
        if "ownership" in names:
            effects.append(self._cool("ownership", rules.OWNERSHIP, "took ownership"))
        return effects

    def _unheard(self, names: set[str], effects: list[Effect]) -> list[Effect]:
        """A venting customer who got neither an acknowledgement nor an outright blunder."""
        if not self.venting or set(rules.ACKNOWLEDGING) & names or "reflection" in names:
            return []
        if any(e.delta > 0 for e in effects):
            return []
        return [Effect("not_heard", rules.NOT_HEARD * self._rise, "no acknowledgement yet")]

    def _plan(self, review: Review, names: set[str], effects: list[Effect]) -> bool:
        """Record the reply's promises; whether it holds a concrete plan with a time."""
        timed = [(c.action, c.due) for c in review.commitments if c.due is not None and not c.vague]
        for action, due in timed:
            self.state.promises.append(Promise(action, due, self.state.turns))
        vague = [c for c in review.commitments if c.due is None or c.vague]
        if timed:
            self.state.turns_without_plan = 0
            effects.append(self._cool("concrete_plan", rules.CONCRETE_PLAN, "a plan with a time"))
        else:
            self.state.turns_without_plan += 1
            if vague or "plan" in names:
                effects.append(Effect("vague", rules.VAGUE * self._rise, "a plan with no time"))
        if self.state.turns_without_plan > self.scenario.persona.patience:
            note = "patience is running out: still no plan with a time"
            effects.append(Effect("impatient", rules.IMPATIENT * self._rise, note))
        return bool(timed)

    def _extras(self, reply: str, names: set[str], plan: bool) -> list[Effect]:
        effects = []
        for need in self.scenario.persona.needs:
            if need.say not in self.state.needs_met and rules.mentions(reply, need.words):
                self.state.needs_met.add(need.say)
                effects.append(self._cool("need_met", rules.NEED_MET, f"they needed: {need.say}"))
        kept = [p for p in self.state.promises if p.state == "open" and p.turn < self.state.turns]
        if kept and (rules.reports_back(reply) or "information" in names):
            for promise in kept:
                promise.state = "kept"
            effects.append(self._cool("promise_kept", rules.PROMISE_KEPT, "reported back"))
        if "thanks" in names and (plan or self.state.resolution):
            effects.append(self._cool("thanks", rules.THANKS, "thanked them"))
        effects += self._concession(reply)
        return effects

    def _concession(self, reply: str) -> list[Effect]:
        offered = rules.amounts(reply)
        if not offered or self.state.concession is not None:
            return []
        from kettle.cases.concessions import load_policy

        tier = self.scenario.concession
        band = load_policy().band(tier.tier, tier.severity)
        value = max(offered)
        self.state.concession = value
        if value > band.limit:
            note = f"{value:g} is above your limit of {band.limit:g}: it needs a lead's approval"
            return [Effect("over_limit", 0.0, note)]
        if value >= band.expected:
            return [self._cool("generous", rules.GENEROUS, "a little beyond what they expected")]
        if value < band.expected / 2:
            return [Effect("token", rules.TOKEN * self._rise, "a token gesture")]
        return []

    def _resolve(self, reply: str, plan: bool, effects: list[Effect]) -> str | None:
        if self.state.resolution or self.venting:
            return None
        has_time = plan or any(p.state == "open" for p in self.state.promises)
        if not has_time or self.state.temperature >= rules.ACCEPT_BELOW_C:
            return None
        for resolution in self.scenario.resolutions:
            if rules.mentions(reply, resolution.words):
                self.state.resolution = resolution.id
                effect = self._cool("accepted", rules.ACCEPTED, resolution.description)
                effects.append(effect)
                self.state.temperature = _clamp(self.state.temperature + effect.delta)
                return resolution.id
        return None


def _clamp(value: float) -> float:
    return min(100.0, max(30.0, value))


def _names_feeling(review: Review, feelings: list[str]) -> bool:
    text = " ".join(f.span.text for f in review.techniques if f.name in ("reflection", "empathy"))
    return rules.mentions(text, feelings) or any(
        f.lower() in text.lower() for f in feelings if len(f) > 5
    )


def _opens_with_acknowledgement(review: Review) -> bool:
    acks = [f.span.start for f in review.techniques if f.name in rules.ACKNOWLEDGING or
            f.name == "reflection"]
    plans = [f.span.start for f in review.techniques if f.name == "plan"]
    return bool(acks) and (not plans or min(acks) <= min(plans))


_ANTI_BRANCH = {
    "doubt": "doubt",
    "policy_shield": "policy",
    "passing_the_buck": "policy",
    "blame": "blame",
    "calm_down": "calm_down",
}


def _branch(customer: Customer, effects: list[Effect], names: set[str], review: Review) -> str:
    """The branch the customer answers from, most pressing situation first."""
    state = customer.state
    kinds = {e.kind for e in effects}
    if state.hung_up:
        return "hang_up"
    if state.resolution and "accepted" in kinds:
        return "accept"
    if state.resolution:
        return "closing"
    if "broken_promise" in kinds:
        return "broken_promise"
    for finding in review.anti_patterns:
        if finding.name != "premature_info_request":
            return _ANTI_BRANCH.get(finding.name, "anti_pattern")
    if "premature_info_request" in kinds:
        return "refuse_question"
    if customer.venting:
        return "heard" if ("acknowledged" in kinds or "right_feeling" in kinds) else "venting"
    return _calmer_branch(customer, kinds, names)


def _calmer_branch(customer: Customer, kinds: set[str], names: set[str]) -> str:
    state = customer.state
    if "slow" in kinds:
        return "slow"
    if "promise_kept" in kinds:
        return "promise_kept"
    if "vague" in kinds:
        return "vague"
    if not state.revealed and ("question_open" in names or "right_feeling" in kinds):
        state.revealed = True
        return "reveal"
    if "concrete_plan" in kinds:
        return "not_enough"
    if names & {"question_open", "question_closed"}:
        return "answer"
    if state.temperature >= 75:
        return "hot"
    return "warm" if state.temperature >= 55 else "calm"
