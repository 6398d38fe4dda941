"""A training session: the loop of customer line, trainee reply, judgement and reaction.

:class:`Session` is the API every face uses (the terminal UI in
``kettle.cli.train_cmd``, the web console, tests)::

    session = Session(scenario, seed=7, pressure_s=45)
    session.opening.text            # the customer's first line
    turn = session.reply("I'm so sorry ...")
    turn.customer.text, turn.reaction.temperature, turn.review.advice
    session.finished, session.outcome
    session.debrief()

Everything the customer says follows from the scenario, the seed and the
replies, so a stateless server can rebuild a session with :meth:`Session.replay`.
In pressure mode each reply has ``pressure_s`` seconds; the time taken comes
from the injectable ``clock`` (or is passed in as ``elapsed_s``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from kettle.analysis.types import Review, Turn
from kettle.simulator import rules
from kettle.simulator.customer import Customer, Reaction
from kettle.simulator.errors import SessionOver, TrainingInputError
from kettle.simulator.lines import Line, LineRequest, LineSource, ScriptedLines
from kettle.simulator.scenarios import Scenario

if TYPE_CHECKING:
    from kettle.analysis.playbook import Playbook
    from kettle.simulator.debrief import Debrief

Clock = Callable[[], float]
Status = Literal["talking", "hung_up", "resolved", "lost", "ran_out", "ended"]
#: How the session ended (or "talking" while it runs).
OUTCOMES: tuple[str, ...] = ("resolved", "lost", "hung_up", "ran_out", "ended")


@dataclass(frozen=True, slots=True)
class Exchange:
    """One trainee reply and what came of it."""

    index: int
    reply: str
    sent_at: datetime
    elapsed_s: float | None
    callback: bool
    review: Review
    reaction: Reaction
    customer: Line

    @property
    def feedback(self) -> list[str]:
        """Short lines for the trainee: each effect with its change of temperature."""
        return [f"{e.delta:+.0f} °C  {e.note}" for e in self.reaction.effects if e.delta or e.note]

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "reply": self.reply,
            "sent_at": self.sent_at.isoformat(),
            "elapsed_s": None if self.elapsed_s is None else round(self.elapsed_s, 2),
            "callback": self.callback,
            "review": self.review.to_dict(),
            "effects": [e.to_dict() for e in self.reaction.effects],
            "temperature_before": round(self.reaction.before, 1),
            "temperature": round(self.reaction.temperature, 1),
            "resolution": self.reaction.resolution,
            "customer": {
                "text": self.customer.text,
                "branch": self.customer.branch,
                "source": self.customer.source,
                "problem": self.customer.problem,
            },
        }


class Session:
    """A trainee talking to one simulated customer."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        seed: int = 0,
        pressure_s: float | None = None,
        trainee: str = "trainee",
        lines: LineSource | None = None,
        clock: Clock = time.monotonic,
        playbook: Playbook | None = None,
    ) -> None:
        if pressure_s is not None and pressure_s <= 0:
            raise TrainingInputError("pressure needs a positive number of seconds",
                                     field="pressure")
        self.scenario = scenario
        self.seed = seed
        self.pressure_s = pressure_s
        self.trainee = trainee
        self.customer = Customer(scenario)
        self.lines: LineSource = lines if lines is not None else ScriptedLines(seed)
        self.playbook = playbook
        self.exchanges: list[Exchange] = []
        self.status: Status = "talking"
        self._closed = False
        self._ended = False
        self._clock = clock
        self._now = scenario.started_at
        self.turns: list[Turn] = []
        self.opening = self._say("opening")
        self._shown_at = clock()

    @classmethod
    def replay(
        cls,
        scenario: Scenario,
        replies: Iterable[str | tuple[str, float | None]],
        **options: Any,
    ) -> Session:
        """The session that the ``replies`` (texts, or ``(text, elapsed_s)``) produce."""
        session = cls(scenario, **options)
        for item in replies:
            text, elapsed = (item, None) if isinstance(item, str) else item
            session.reply(text, elapsed_s=elapsed)
        return session

    @property
    def temperature(self) -> float:
        return self.customer.state.temperature

    @property
    def finished(self) -> bool:
        if self.status == "resolved":
            return self._closed
        if self.status == "hung_up":
            return self._ended
        return self.status != "talking"

    @property
    def outcome(self) -> str:
        """How the session ended: one of :data:`OUTCOMES`, or "talking" while it runs."""
        return self.status if self.finished else "talking"

    @property
    def awaiting_callback(self) -> bool:
        """The customer hung up: the next reply is a callback."""
        return self.status == "hung_up"

    @property
    def curve(self) -> list[float]:
        """The temperature at the start and after every reply."""
        return [self.scenario.starting_temperature, *(e.reaction.temperature
                                                      for e in self.exchanges)]

    def reply(self, text: str, *, elapsed_s: float | None = None) -> Exchange:
        """Send the trainee's reply; the customer reacts and answers."""
        if self.finished:
            raise SessionOver(f"the session has ended ({self.outcome})", field="reply")
        if not isinstance(text, str) or not text.strip():
            raise TrainingInputError("the reply is empty", field="reply")
        taken = elapsed_s if elapsed_s is not None else self._clock() - self._shown_at
        sent_at = self._advance(taken)
        from kettle.analysis import check

        review = check(text, conversation=self.turns, playbook=self.playbook, now=sent_at,
                       tz=self.scenario.tz)
        callback = self.status == "hung_up"
        if callback:
            reaction = self.customer.callback(review)
        else:
            overtime = rules.slow_heat(taken, self.pressure_s) if self.pressure_s else 0.0
            reaction = self.customer.hear(text, review, now=sent_at, overtime=overtime)
        self.turns.append(Turn(role="agent", text=text, sent_at=sent_at))
        line = self._say(reaction.branch)
        recorded = taken if self.pressure_s or elapsed_s is not None else None
        exchange = Exchange(len(self.exchanges) + 1, text, sent_at, recorded, callback, review,
                            reaction, line)
        self.exchanges.append(exchange)
        self._update_status(reaction)
        self._shown_at = self._clock()
        return exchange

    def end(self) -> None:
        """The trainee stops: the session ends where it stands."""
        if self.finished:
            return
        if self.status == "resolved":
            self._closed = True
        elif self.status == "hung_up":
            self._ended = True
        else:
            self.status = "ended"

    def debrief(self) -> Debrief:
        from kettle.simulator.debrief import build

        return build(self)

    def transcript(self) -> list[dict[str, Any]]:
        """The conversation as eval-schema turns (what QA and the engine accept)."""
        return [t.to_dict() for t in self.turns]

    def to_dict(self) -> dict[str, Any]:
        """The whole session as plain JSON-ready data (the web console renders this)."""
        return {
            "scenario": {"id": self.scenario.id, "title": self.scenario.title},
            "trainee": self.trainee,
            "seed": self.seed,
            "pressure_s": self.pressure_s,
            "status": self.status,
            "finished": self.finished,
            "outcome": self.outcome,
            "temperature": round(self.temperature, 1),
            "curve": [round(t, 1) for t in self.curve],
            "opening": self.opening.text,
            "exchanges": [e.to_dict() for e in self.exchanges],
        }

    def _say(self, branch: str) -> Line:
        request = LineRequest(self.scenario, branch, self.temperature, tuple(self.turns))
        line = self.lines.line(request)
        at = self._now if not self.turns else self._tick(self.scenario.minutes_per_turn / 2 * 60)
        self.turns.append(Turn(role="customer", text=line.text, sent_at=at))
        return line

    def _advance(self, taken: float) -> datetime:
        half = self.scenario.minutes_per_turn / 2 * 60
        return self._tick(max(half, taken) if self.pressure_s else half)

    def _tick(self, seconds: float) -> datetime:
        self._now = self._now + timedelta(seconds=seconds)
        return self._now

    def _update_status(self, reaction: Reaction) -> None:
        state = self.customer.state
        if reaction.branch == "hang_up":
            self.status = "lost" if self.customer.lost else "hung_up"
        elif state.resolution:
            self._closed = self.status == "resolved"
            self.status = "resolved"
        else:
            self.status = "talking"
        if not self.finished and len(self.exchanges) >= self.scenario.max_turns:
            if self.status == "resolved":
                self._closed = True
            else:
                self.status = "ran_out"
