"""Where the conversation stands in the method.

The method's stages (``types.STAGES``) form a small state machine. :data:`MOVES`
is the one table of allowed moves: the tracker and the case workflow both go
through :func:`can_move` / :func:`move`, so a stage never changes any other way.

==================  ==============================================  =============================
from                allowed to                                      evidence
==================  ==============================================  =============================
venting             acknowledged, facts_confirmed, plan_agreed,     agent acknowledges / empathy
                    in_progress, resolved
acknowledged        venting, facts_confirmed, plan_agreed,          customer says "yes" to the
                    in_progress, resolved                           agent's restatement
facts_confirmed     venting, plan_agreed, in_progress, resolved     plan with a time, accepted
plan_agreed         venting, in_progress, resolved                  agent reports action taken
in_progress         venting, plan_agreed, resolved                  "fixed/refunded" + satisfied,
                                                                    or pleased with the action
resolved            venting, in_progress, followed_up               agent checks back / thanks
followed_up         venting, in_progress                            (re-opened or re-heated)
==================  ==============================================  =============================

A customer who only asked a question (calm, information-giving, no signal) and
thanks the agent for the answer is ``resolved`` straight from ``venting``, the
stage every conversation starts in. A re-heating customer (hotter again, or an
escalation threat) sends any stage back to ``venting``; a customer who says it
still does not work after it was resolved sends it back to ``in_progress``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from kettle.analysis.coach_context import WARM_C
from kettle.analysis.conversation import Conversation, as_turns, zone_hint
from kettle.analysis.playbook import Playbook
from kettle.analysis.signals import CARE, ESCALATING, EXCITED
from kettle.analysis.stage_evidence import (
    AgentEvidence,
    CustomerEvidence,
    agent_evidence,
    customer_evidence,
    works_now,
)
from kettle.analysis.thermo_answers import bare
from kettle.analysis.types import STAGES, Reading, Track, Turn
from kettle.errors import InvalidInput

#: The allowed moves between stages: the single source of truth.
MOVES: dict[str, frozenset[str]] = {
    "venting": frozenset(
        {"acknowledged", "facts_confirmed", "plan_agreed", "in_progress", "resolved"}
    ),
    "acknowledged": frozenset(
        {"venting", "facts_confirmed", "plan_agreed", "in_progress", "resolved"}
    ),
    "facts_confirmed": frozenset({"venting", "plan_agreed", "in_progress", "resolved"}),
    "plan_agreed": frozenset({"venting", "in_progress", "resolved"}),
    "in_progress": frozenset({"venting", "plan_agreed", "resolved"}),
    "resolved": frozenset({"venting", "in_progress", "followed_up"}),
    "followed_up": frozenset({"venting", "in_progress"}),
}

#: Roles whose turns the thermometer reads ("other": a participant in a peer discussion).
CUSTOMER_ROLES: tuple[str, ...] = ("customer", "other")

#: Signals after which a customer counts as re-heated whatever the temperature change.
_REHEAT_SIGNALS = frozenset(
    {"cancel_threat", "legal_threat", "public_threat", "manager_demand", "hang_up", "sarcasm"}
)
_REHEAT_RISE = 8.0
_HOT = 0.5


def is_read(turn: Turn) -> bool:
    """Whether the thermometer reads this turn (a non-empty customer-like turn)."""
    return turn.role in CUSTOMER_ROLES and bool(turn.text.strip())


def can_move(current: str, to: str) -> bool:
    """Whether the method allows going from stage ``current`` to stage ``to``."""
    return to in MOVES.get(current, frozenset())


def move(current: str, to: str) -> str:
    """Return ``to`` if the move is allowed, else raise a clear error."""
    for name, value in (("current", current), ("to", to)):
        if value not in MOVES:
            raise InvalidInput(f"unknown stage {value!r}", field=name, choices=STAGES)
    if not can_move(current, to):
        raise InvalidInput(
            f"cannot move from {current!r} to {to!r}",
            field="stage",
            choices=sorted(MOVES[current], key=STAGES.index),
        )
    return to


@dataclass(slots=True)
class StageState:
    """The tracker's memory while it walks a conversation turn by turn."""

    stage: str = STAGES[0]
    confirm_asked: bool = False
    plan_offered: bool = False
    resolution_claimed: bool = False
    followed_up: bool = False
    agent_replied: bool = False
    grievance: bool = False  # a customer turn warm, venting or with a signal
    #: Resolved only as a plain question answered: nothing was done to follow up on.
    answered_only: bool = False
    #: The agent's last turn asked "Anything else?": a bare "no" closes, not rejects.
    offered_more: bool = False
    #: An agent turn since the customer last wrote did what was asked (D29).
    completed: bool = False
    #: The agent's last turn asked whether all is well.
    checked: bool = False
    #: The agent promised something with a time that no later turn reported done: the
    #: customer's "Ok, thank you" agrees to it, it does not close the case.
    awaiting: bool = False
    last_temperature: float | None = None
    history: list[str] = field(default_factory=list)

    def go(self, to: str) -> None:
        if to != self.stage and can_move(self.stage, to):
            self.stage = to


#: Escalations beside which "thanks" is no thanks (swearing and "!!" may be joy).
_NO_THANKS = ESCALATING - EXCITED


def _reheated(reading: Reading, state: StageState, answer: CustomerEvidence) -> bool:
    if state.stage == "venting":
        return False
    if any(s.kind in _REHEAT_SIGNALS for s in reading.signals):
        return True
    if reading.hot < _HOT:
        return False
    rising = (
        state.last_temperature is not None
        and reading.temperature - state.last_temperature >= _REHEAT_RISE
    )
    return rising or answer.rejects


#: Thanks that still wait on something: a question, "I'll try it", a chase.
_NOT_DONE_YET = re.compile(
    r"\?|\b(?:i'?ll|i\s+will|will|let\s+me|going\s+to|gonna)\s+(?:\w+\s+)?(?:try|test|check|see"
    r"|give\s+it\s+a\s+(?:go|try))\b", re.IGNORECASE)


def _thanks_for_the_answer(text: str) -> bool:
    """Thanks that close the question ("Great, thanks"), not "Thanks, I'll try it"."""
    return _NOT_DONE_YET.search(text) is None


def _grieves(reading: Reading) -> bool:
    """Whether a customer turn shows a grievance: warm (the coach's ``WARM_C``),
    venting or with a signal. A customer who only asked, was answered and thanks
    us ("Great, thanks for your help") had a question, not a grievance."""
    # A vulnerability is care to take, not a grievance ("I use a wheelchair. Does the
    # store have step-free access?", D29).
    # Nor is swearing or "!!" in a cool message ("Damn, you lot are quick!").
    cool = reading.temperature < WARM_C
    return (not cool or reading.mode != "information"
            or any(s.kind not in CARE and not (cool and s.kind in EXCITED)
                   for s in reading.signals))


def _after_agent(state: StageState, ev: AgentEvidence) -> None:
    state.agent_replied = True
    state.offered_more = ev.offers_more
    state.completed = (state.completed or ev.completes) and not ev.plans
    state.checked = ev.checks
    if ev.acknowledges or ev.asks_confirmation:
        state.go("acknowledged")
    state.confirm_asked = state.confirm_asked or ev.asks_confirmation
    state.plan_offered = state.plan_offered or ev.plans
    if ev.plans:
        state.awaiting = True
    elif ev.claims_resolved or ev.reports_action:  # the promised action reported done
        state.awaiting = False
    # A further request done after the case was resolved keeps it resolved ("Great, I've
    # booked the fitting for Tuesday", D29).
    if (ev.reports_action or ev.claims_resolved) and not (
            ev.completes and state.stage in ("resolved", "followed_up")):
        state.go("in_progress")
    state.resolution_claimed = state.resolution_claimed or ev.claims_resolved
    if ev.follows_up or (ev.checks_back and state.stage == "resolved"):
        if state.stage == "resolved":
            state.go("followed_up")
        else:
            state.followed_up = True


def _after_customer(state: StageState, turn: Turn, reading: Reading) -> None:
    answer = customer_evidence(turn)
    if {s.kind for s in reading.signals} & _NO_THANKS:
        # "Great. Thanks for nothing.", "Thanks. I'm cancelling." is no thanks (D29).
        answer = CustomerEvidence(False, False, False, False, True)
    if state.offered_more and answer.rejects and bare(turn.text):
        answer = replace(answer, rejects=False)  # "no" to "Anything else?": goodbye
    state.offered_more = False
    state.grievance = state.grievance or _grieves(reading)
    if _reheated(reading, state, answer):
        state.go("venting")
    elif answer.rejects and state.stage in ("resolved", "followed_up"):
        state.go("in_progress")
    else:
        if state.confirm_asked and answer.confirms:
            state.go("facts_confirmed")
        # The plan already carried out (D29): thanks close it rather than agree to it.
        carried_out = state.completed and not state.awaiting
        if (state.plan_offered or state.awaiting) and not carried_out and (
                answer.accepts or answer.confirms or answer.pleased or answer.satisfied):
            state.go("plan_agreed")
        # Before any agent turn "it works now" is not a resolution of this conversation.
        # Or an answer to the agent's own check ("Is everything running as it should?" …
        # "Yes, all fine", D29).
        said_solved = (state.stage != "venting" or state.checked) and works_now(turn.text)
        # Pleased with the action reported: solved for the customer, whatever is left to do.
        pleased = state.stage == "in_progress" and answer.pleased and not state.awaiting
        # Done what was asked, and thanked for it: "I've cancelled the second one" … "Phew,
        # thanks so much" (D29).
        # After "Is everything working now?" only a yes to it closes (D29 review).
        thanked = (state.stage == "in_progress" and state.completed and not state.awaiting
                   and not state.checked and answer.satisfied
                   and _thanks_for_the_answer(turn.text))
        pleased = pleased or thanked
        solved = (state.resolution_claimed and answer.satisfied) or said_solved or pleased
        # A plain question answered: the customer was never upset and now thanks us.
        asked = (not state.grievance and state.agent_replied and not state.plan_offered
                 and not state.awaiting)
        answered = asked and answer.satisfied and _thanks_for_the_answer(turn.text)
        if (solved or answered) and not answer.rejects:
            state.answered_only = not solved
            state.awaiting = False
            state.go("resolved")
            if state.followed_up:
                state.go("followed_up")
    state.confirm_asked = state.plan_offered = state.resolution_claimed = False
    state.followed_up = state.agent_replied = state.completed = state.checked = False
    state.last_temperature = reading.temperature


def walk(turns: Sequence[Turn], readings: Sequence[Reading]) -> StageState:
    """Play the turns through the state machine; ``readings`` has one per customer turn."""
    state = StageState()
    customer = iter(readings)
    for turn in turns:
        if is_read(turn):
            _after_customer(state, turn, next(customer))
        elif turn.role in ("agent", "system"):
            _after_agent(state, agent_evidence(turn))
        state.history.append(state.stage)
    return state


def track(
    conversation: Conversation,
    *,
    playbook: Playbook | None = None,
    now: datetime | None = None,
    tz: str | None = None,
) -> Track:
    """Temperature trajectory, stage, next move, open promises and boil-over risk."""
    from kettle.analysis.stage_track import build_track
    from kettle.analysis.suggest_time import zone

    zone(tz)  # an unknown zone is an error even when no promise needs it
    turns = as_turns(conversation)
    tz = tz if tz is not None else zone_hint(turns)  # the zone the turns' times are in
    return build_track(turns, playbook=playbook, now=now, tz=tz)
