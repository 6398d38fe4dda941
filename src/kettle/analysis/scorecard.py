"""Score a whole conversation against the method, step by step (C6).

``score(conversation)`` gives a :class:`~kettle.analysis.types.Scorecard`: one
:class:`~kettle.analysis.types.StepScore` (0..1, with the evidence spans) for
each step of the method — let them vent, show you are on their side, plan and
time, action or escalation, follow-up, promises kept — plus the method's aim,
``calm`` (the heat came out: how cool the customer was when they last wrote),
and an overall 0..100, the weighted mean of the steps that applied. The facts come from the engine's
own judgements (:mod:`~kettle.analysis.scorecard_facts`); the rules that weigh
them are in :mod:`~kettle.analysis.scorecard_steps`.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from kettle.analysis.conversation import Conversation, as_turns, zone_hint
from kettle.analysis.playbook import Playbook, default_playbook
from kettle.analysis.scorecard_facts import Facts, gather
from kettle.analysis.scorecard_steps import RULES
from kettle.analysis.stage import is_read
from kettle.analysis.timeparse import zone_of
from kettle.analysis.types import Scorecard, StepScore

#: The step names, in the method's order.
STEP_NAMES: tuple[str, ...] = tuple(name for name, _ in RULES)

#: How the six steps say the agent worked (each counts once in ``overall``).
METHOD_STEPS: tuple[str, ...] = tuple(name for name in STEP_NAMES if name != "calm")

#: How much each step counts in ``overall``: the six steps of the method once
#: each, and the method's aim (``calm``) as much as the six together, so that
#: a conversation scores well only when it was handled by the method *and* the
#: heat came out. Chosen on the md5-even half of STC-3 (calm counting 1, 3 or 6);
#: docs/evaluation.md reports the held-out half.
WEIGHTS: dict[str, float] = {**dict.fromkeys(METHOD_STEPS, 1.0), "calm": float(len(METHOD_STEPS))}


def score(
    conversation: Conversation,
    *,
    now: datetime | None = None,
    tz: str | None = None,
    playbook: Playbook | None = None,
) -> Scorecard:
    """Score ``conversation`` (eval-schema dicts or :class:`~kettle.analysis.types.Turn`).

    ``now`` is when the conversation is scored (promises due before it and not
    reported kept are overdue; default: the last turn's ``sent_at``, else no
    promise counts as overdue). ``tz`` is the customer's IANA zone for due times.
    """
    zone_of(tz)  # an unknown zone is an error even when no promise needs it
    turns = as_turns(conversation)
    tz = tz if tz is not None else zone_hint(turns)  # the zone the turns' times are in
    book = playbook if playbook is not None else default_playbook()
    facts = gather(turns, book, now=now, tz=tz)
    steps = tuple(rule(facts) for _, rule in RULES)
    return _assemble(facts, steps)


def overall_of(steps: tuple[StepScore, ...], weights: dict[str, float] | None = None) -> float:
    """0..100: the weighted mean of the steps that applied (0 when none did)."""
    table = WEIGHTS if weights is None else weights
    used = [(table.get(s.step, 0.0), s.score) for s in steps if s.score is not None]
    total = sum(w for w, _ in used)
    if total <= 0:
        return 0.0
    return 100.0 * sum(w * s for w, s in used if s is not None) / total


def _assemble(facts: Facts, steps: tuple[StepScore, ...]) -> Scorecard:
    temps = tuple(r.temperature for _, r in facts.readings)
    techniques: Counter[str] = Counter()
    anti: Counter[str] = Counter()
    for reply in facts.replies:
        techniques.update(f.name for f in reply.review.techniques)
        anti.update(f.name for f in reply.review.anti_patterns)
    return Scorecard(
        steps=steps,
        overall=overall_of(steps),
        temperature_start=temps[0] if temps else None,
        temperature_end=temps[-1] if temps else None,
        temperature_peak=max(temps) if temps else None,
        temperatures=temps,
        stage=facts.stage,
        promises_made=len(facts.promises),
        promises_kept=sum(p.kept_at is not None for p in facts.promises),
        techniques=dict(sorted(techniques.items())),
        anti_patterns=dict(sorted(anti.items())),
        agent_turns=len(facts.replies),
        customer_turns=sum(is_read(t) for t in facts.turns),
    )
