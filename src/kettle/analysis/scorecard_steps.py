"""The scorecard's rule for each step of the method: facts in, a 0..1 score out.

Each rule states when its step applies (``None`` otherwise), which evidence
counts for and against it, and how the evidence becomes a score. Detection is
the engine's (the reply coach's techniques and anti-patterns, the tracker's
turn evidence, the promise matcher, the thermometer); these rules only weigh it.
The six steps say *how* the agent worked; ``calm`` says whether the method's aim
was reached: the heat came out of the conversation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kettle.analysis.advice import NO_TIME_NEEDED
from kettle.analysis.coach_context import HOT_C, WARM_C
from kettle.analysis.scorecard_facts import AgentReply, Facts, PromiseFate
from kettle.analysis.thermometer import CALM_C
from kettle.analysis.types import Evidence, Finding, StepScore

#: Anti-patterns that get in the way of a customer who is venting.
VENT_BAD = frozenset({"premature_info_request", "calm_down", "defensiveness", "doubt"})
#: Trigger phrases and anti-patterns that put the agent on the other side.
SIDE_BAD = frozenset(
    {
        "doubt", "policy_shield", "blame", "scolding", "calm_down", "sarcasm",
        "defensiveness", "passing_the_buck", "jargon", "forbidden_phrase",
        "minimising", "insulting",
    }
)
#: A customer reading this warm or warmer is upset: the coach's "warm" line.
UPSET_C = WARM_C
EMPATHY = frozenset({"acknowledgement", "apology", "empathy"})
REFLECTION = frozenset({"reflection", "restatement"})
_EXCERPT = 120

Rule = Callable[[Facts], StepScore]


def _findings(reply: AgentReply, names: Iterable[str], good: bool) -> list[Evidence]:
    wanted = frozenset(names)
    pool: tuple[Finding, ...] = reply.review.techniques if good else reply.review.anti_patterns
    return [Evidence(reply.index, f.span, f.name, good) for f in pool if f.name in wanted]


def _names(reply: AgentReply, *, good: bool) -> frozenset[str]:
    pool = reply.review.techniques if good else reply.review.anti_patterns
    return frozenset(f.name for f in pool)


def _turn_evidence(facts: Facts, index: int, what: str, good: bool) -> Evidence:
    text = facts.turns[index].text.strip()
    short = text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"
    return Evidence(index, None, f"{what}: {short}", good)


def vent(facts: Facts) -> StepScore:
    """Let them vent: while the customer is hot, acknowledge; no requests, no arguing."""
    hot = [r for r in facts.replies if r.hot]
    label = "Let them vent"
    if not hot:
        why = ("the customer was not hot when the agent wrote",)
        return StepScore("vent", label, None, (), why)
    evidence: list[Evidence] = []
    total = 0.0
    for reply in hot:
        bad = _findings(reply, VENT_BAD, good=False)
        good = _findings(reply, EMPATHY | REFLECTION, good=True)
        evidence += bad + good
        total += 0.0 if bad else (1.0 if good else 0.7)
    notes = [f"replies while the customer was hot: {len(hot)}"]
    if any(e.text == "premature_info_request" for e in evidence):
        notes.append("asked for details before the customer had cooled down")
    return StepScore("vent", label, total / len(hot), tuple(evidence), tuple(notes))


def side(facts: Facts) -> StepScore:
    """On their side: empathy, a reflection with a feeling guess, no trigger phrases."""
    replies = [r for r in facts.replies if r.answers_customer]
    label = "Show you are on their side"
    if not replies:
        return StepScore("side", label, None, (), ("no agent reply to a customer",))
    if not any(r.temperature >= UPSET_C for _, r in facts.readings):
        return StepScore("side", label, None, (), ("the customer was never upset",))
    evidence: list[Evidence] = []
    clean = 0
    for reply in replies:
        bad = _findings(reply, SIDE_BAD, good=False)
        evidence += _findings(reply, EMPATHY | REFLECTION, good=True) + bad
        clean += not bad
    used = {e.text for e in evidence if e.good}
    empathy, reflection = bool(used & EMPATHY), bool(used & REFLECTION)
    share = clean / len(replies)
    notes = [] if empathy else ["no apology, acknowledgement or empathy"]
    if not reflection:
        notes.append("never repeated back what the customer said (no feeling guess)")
    if share < 1.0:
        notes.append(f"{len(replies) - clean} of {len(replies)} replies used a trigger phrase")
    score = share * (0.4 + 0.3 * empathy + 0.3 * reflection)
    return StepScore("side", label, score, tuple(evidence), tuple(notes))


def plan(facts: Facts) -> StepScore:
    """Say exactly what you will do, and when: a plan or promise with a concrete time."""
    label = "Say what you will do, and when"
    if not facts.replies:
        return StepScore("plan", label, None, (), ("no agent reply",))
    evidence: list[Evidence] = []
    best = 0.0
    for reply in facts.replies:
        names = _names(reply, good=True)
        timed = [c for c in reply.review.commitments if c.due is not None and not c.vague]
        untimed = [c for c in reply.review.commitments if c not in timed]
        evidence += [Evidence(reply.index, c.span, "promise with a time", True) for c in timed]
        evidence += [Evidence(reply.index, c.span, "promise without a time", False)
                     for c in untimed]
        evidence += _findings(reply, ("plan", "concrete_time"), good=True)
        ahead = _plans_ahead(reply)
        # "Engineer booked, arrives by 3:15.": an action taken, with its time (D29).
        booked = reply.evidence.reports_action and "concrete_time" in names
        if timed or booked or (ahead and "concrete_time" in names):
            best = 1.0
        elif untimed or ahead:
            best = max(best, 0.5)
    if best == 0.0 and any(r.evidence.claims_resolved or _solution(r) or _done(r)
                           for r in facts.replies):
        return StepScore("plan", label, None, tuple(evidence),
                         ("answered or resolved on the spot: nothing to schedule",))
    notes = {1.0: (), 0.5: ("a plan, but no concrete time",), 0.0: ("no plan",)}[best]
    return StepScore("plan", label, best, tuple(evidence), notes)


def _plans_ahead(reply: AgentReply) -> bool:
    """A plan still to carry out: not one already done ("We have recorded your issue")
    nor an offer ("I can send a new one"), which need no time (advice.NO_TIME_NEEDED)."""
    return any(f.name == "plan" and not NO_TIME_NEEDED.match(f.span.text)
               for f in reply.review.techniques)


def _done(reply: AgentReply) -> bool:
    """The reply reports an action already taken: something done on the spot."""
    return any(f.name == "plan" and NO_TIME_NEEDED.match(f.span.text)
               for f in reply.review.techniques)


def action(facts: Facts) -> StepScore:
    """Take action or escalate, keeping ownership (no passing the buck)."""
    label = "Take action or escalate"
    if not facts.replies:
        return StepScore("action", label, None, (), ("no agent reply",))
    evidence: list[Evidence] = []
    acted = solved = owned = False
    bucks = 0
    for reply in facts.replies:
        if _acted(reply):
            acted = True
            what = "reports it resolved" if reply.evidence.claims_resolved else "reports action"
            evidence.append(_turn_evidence(facts, reply.index, what, True))
        solution = _findings(reply, ("suggestion",), good=True)
        solved = solved or bool(solution)
        found = _findings(reply, ("ownership",), good=True)
        owned = owned or bool(found) or bool(reply.review.commitments)
        buck = _findings(reply, ("passing_the_buck",), good=False)
        bucks += len(buck)
        evidence += solution + found + buck
    base = 1.0 if acted else 0.7 if solved else 0.4 if owned else 0.0
    notes: tuple[str, ...] = () if acted else ("no action reported",)
    if bucks:
        notes += ("passed the buck instead of keeping ownership",)
    return StepScore("action", label, max(0.0, base - 0.25 * bucks), tuple(evidence), notes)


def follow_up(facts: Facts) -> StepScore:
    """Follow up once something was done: check it worked, thank them."""
    label = "Follow up"
    done = [r.index for r in facts.replies if _acted(r)]
    # A plain question answered and thanked reaches "resolved" too, with nothing done
    # to follow up on (stage.StageState.answered_only).
    reached = facts.stage in ("in_progress", "resolved", "followed_up") and not facts.answered_only
    if any(p.overdue for p in facts.promises) and facts.stage != "followed_up":
        # The customer is left to chase a broken promise (D29: it was "not applicable").
        return StepScore("follow_up", label, 0.0, (),
                         ("a promise is overdue and nobody went back to the customer",))
    if not done and not reached:
        return StepScore("follow_up", label, None, (), ("nothing was done yet to follow up on",))
    start = done[0] if done else 0
    later = [r for r in facts.replies if r.index >= start and r.evidence.follows_up]
    evidence = tuple(_turn_evidence(facts, r.index, "checks back / thanks", True) for r in later)
    if later or facts.stage == "followed_up":
        return StepScore("follow_up", label, 1.0, evidence, ())
    if facts.stage not in ("resolved", "followed_up") and _still_to_come(facts):
        # The promised action is still under way and not yet due: nothing to follow up on
        # yet (D29; a 2026-12-07 probe had "no check that it worked" 15 minutes before the
        # promised call).
        return StepScore("follow_up", label, None, (), ("the promised action is not due yet",))
    return StepScore("follow_up", label, 0.0, evidence,
                     ("no check that it worked, no thanks for the chance to help",))


def _still_to_come(facts: Facts) -> bool:
    """Some promise is open and not yet due by the clock (an overdue one was scored
    before this is asked)."""
    return any(p.pending for p in facts.promises)


def _solution(reply: AgentReply) -> bool:
    """The reply tells the customer how to fix it themselves (a solution on the spot)."""
    return any(f.name == "suggestion" for f in reply.review.techniques)


def _acted(reply: AgentReply) -> bool:
    return reply.evidence.reports_action or reply.evidence.claims_resolved


def promises(facts: Facts) -> StepScore:
    """Keep every promise: each one reported done, on time, and not left vague."""
    label = "Keep every promise"
    if not facts.promises:
        return StepScore("promises", label, None, (), ("no promise was made",))
    evidence = [_promise_evidence(p) for p in facts.promises]
    values = [_promise_value(p) for p in facts.promises]
    kept = sum(p.kept_at is not None for p in facts.promises)
    notes = [f"{kept} of {len(facts.promises)} promises reported kept"]
    overdue = sum(p.overdue for p in facts.promises)
    if overdue:
        notes.append(f"{overdue} overdue")
    return StepScore("promises", label, sum(values) / len(values), tuple(evidence), tuple(notes))


def _promise_value(fate: PromiseFate) -> float:
    if fate.kept_at is not None:
        return 0.75 if fate.late else 1.0
    if fate.overdue:
        return 0.0
    return 0.25 if fate.commitment.vague or fate.commitment.due is None else 0.5


def _promise_evidence(fate: PromiseFate) -> Evidence:
    c = fate.commitment
    if fate.kept_at is not None:
        what = f"kept in turn {fate.kept_at}" + (" (late)" if fate.late else "")
    elif fate.overdue:
        what = "overdue, not reported kept"
    else:
        what = "not yet reported kept" + (" (vague)" if c.vague or c.due is None else "")
    return Evidence(fate.index, c.span, f"promise {what}", fate.kept_at is not None)


def calm(facts: Facts) -> StepScore:
    """Take the heat out: how cool the customer was when they last wrote after a reply.

    The last customer turn after the agent's first reply is read by the
    thermometer: 30 °C (calm) scores 1, the coach's hot line (65 °C) or hotter
    scores 0, linearly in between. It does not apply until the customer has
    written after the agent replied.
    """
    label = "Take the heat out"
    if not facts.replies:
        return StepScore("calm", label, None, (), ("no agent reply",))
    first = facts.replies[0].index
    after = [(i, r) for i, r in facts.readings if i > first]
    if not after:
        why = ("the customer did not write after the agent replied",)
        return StepScore("calm", label, None, (), why)
    end_at, end = after[-1]
    peak_at, peak = max(facts.readings, key=lambda pair: pair[1].temperature)
    cool = end.temperature < UPSET_C
    evidence: list[Evidence] = []
    if peak_at != end_at and peak.temperature >= UPSET_C:
        evidence.append(_turn_evidence(facts, peak_at, f"peak {peak.temperature:.0f} °C", False))
    evidence.append(_turn_evidence(facts, end_at, f"last at {end.temperature:.0f} °C", cool))
    if not cool:
        evidence += [Evidence(end_at, s.span, f"still: {s.kind}", False) for s in end.signals]
    notes = [f"peak {peak.temperature:.0f} °C, last customer turn {end.temperature:.0f} °C"]
    if not cool:
        notes.append("the customer was still upset when they last wrote")
    value = (HOT_C - end.temperature) / (HOT_C - CALM_C)
    return StepScore("calm", label, min(1.0, max(0.0, value)), tuple(evidence), tuple(notes))


#: Every step of the method, in order, with its rule.
RULES: tuple[tuple[str, Rule], ...] = (
    ("vent", vent),
    ("side", side),
    ("plan", plan),
    ("action", action),
    ("follow_up", follow_up),
    ("promises", promises),
    ("calm", calm),
)
