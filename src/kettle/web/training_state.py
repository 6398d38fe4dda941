"""Training sessions of the web console, kept in the database between requests.

The server holds nothing in memory: a session is a ``training_sessions`` row
(:mod:`kettle.simulator.store`), created when the trainee starts and brought up
to date after every reply. The row's ``debrief`` carries a ``web`` entry with
what :meth:`~kettle.simulator.runner.Session.replay` needs (the replies, with
the seconds each one took), who may reply (the user id), whether the trainee
ended the session, and the server time at which the customer's last line was
sent. Every request rebuilds the session from the row, so a reload, another
tab or another worker continues it.

In pressure mode the time a reply took is the server's clock at the reply minus
the stored time of the customer's line: the browser's clock is never trusted.
While a session runs its row's ``outcome`` is ``talking``; the progress view
counts finished sessions only.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session as DBSession

from kettle.api.errors import ApiError
from kettle.simulator import store
from kettle.simulator.models import TrainingSession
from kettle.simulator.runner import Exchange, Session
from kettle.simulator.scenarios import get as get_scenario
from kettle.users.models import User

#: Key of the live state in a row's ``debrief``.
WEB = "web"
#: The longest reply the console accepts (characters), as on the case page.
MAX_REPLY = 20_000
#: The most seconds a pressure clock may allow per reply.
MAX_PRESSURE_S = 3600.0

#: The server's clock (seconds since the epoch); tests replace it.
now: Callable[[], float] = time.time


@dataclass
class Live:
    """A session rebuilt from its row: the row, the running session and the web state."""

    row: TrainingSession
    training: Session
    state: dict[str, Any]

    @property
    def remaining_s(self) -> float | None:
        """Seconds left for the next reply in pressure mode (negative: over time)."""
        if not self.training.pressure_s or self.training.finished:
            return None
        return round(self.training.pressure_s - (now() - float(self.state["shown_at"])), 1)

    def owned_by(self, user: User) -> bool:
        return bool(self.state.get("user_id") == user.id)


def start(*, session: DBSession, scenario_id: str, seed: int, pressure_s: float | None,
          user: User) -> Live:
    """Start a session for ``user`` (``pressure_s`` 0: the scenario's own clock)."""
    scenario = get_scenario(scenario_id)
    if pressure_s == 0:
        pressure_s = scenario.reply_seconds
    training = Session(scenario, seed=seed, pressure_s=pressure_s, trainee=user.name)
    row = store.create(session=session, training=training)
    live = Live(row, training, {"user_id": user.id, "replies": [], "shown_at": now(),
                                "ended": False})
    _save(session, live)
    return live


def load(*, session: DBSession, training_id: int) -> Live | None:
    """The web session ``training_id`` rebuilt, or None for a row saved elsewhere (CLI)."""
    row = row_of(session=session, training_id=training_id)
    web = (row.debrief or {}).get(WEB)
    if not isinstance(web, dict):
        return None
    state = copy.deepcopy(web)
    replies = [(str(text), None if took is None else float(took))
               for text, took in state.get("replies", [])]
    training = Session.replay(get_scenario(row.scenario_id), replies, seed=row.seed,
                              pressure_s=row.pressure_s, trainee=row.trainee)
    if state.get("ended"):
        training.end()
    return Live(row, training, state)


def row_of(*, session: DBSession, training_id: int) -> TrainingSession:
    row = store.get(session=session, training_id=training_id)
    if row is None:
        raise ApiError(404, f"no training session {training_id}", field="training_id")
    return row


def reply(*, session: DBSession, live: Live, text: str) -> Exchange:
    """The trainee's reply; in pressure mode timed by the server's clock."""
    taken = max(0.0, now() - float(live.state["shown_at"])) if live.training.pressure_s else None
    exchange = live.training.reply(text, elapsed_s=taken)
    live.state["replies"].append([text, taken])
    live.state["shown_at"] = now()
    _save(session, live)
    return exchange


def end(*, session: DBSession, live: Live) -> None:
    """The trainee stops: the session ends where it stands and is saved as finished."""
    if live.training.finished:
        return
    live.training.end()
    live.state["ended"] = True
    _save(session, live)


def _save(session: DBSession, live: Live) -> None:
    store.update(session=session, row=live.row, training=live.training,
                 extra={WEB: copy.deepcopy(live.state)})


def team_names(*, session: DBSession, user: User) -> list[str] | None:
    """Whose sessions ``user`` may see: None for everyone (admin), else trainee names."""
    from kettle.users import service as users

    if user.role == "admin":
        return None
    if user.role == "lead" and user.team:
        names = [u.name for u in users.get_all(session=session, team=user.team)]
        return sorted(set(names) | {user.name})
    return [user.name]


def may_see(*, session: DBSession, row: TrainingSession, user: User) -> bool:
    """Trainees see their own sessions, leads their team's, admins all."""
    web = (row.debrief or {}).get(WEB)
    if isinstance(web, dict) and web.get("user_id") == user.id:
        return True
    names = team_names(session=session, user=user)
    return names is None or row.trainee in names


def visible_rows(*, session: DBSession, user: User, limit: int = 200) -> list[TrainingSession]:
    """The saved sessions ``user`` may see, oldest first."""
    names = team_names(session=session, user=user)
    if names is None:
        return store.get_all(session=session, limit=limit)
    rows = [r for name in names for r in store.get_all(session=session, trainee=name,
                                                          limit=limit)]
    return sorted(rows, key=lambda r: (r.started_at, r.id))


def check_reply(text: str) -> str:
    """The reply to send, or a 422 naming the field ``reply``."""
    if not text.strip():
        raise ApiError(422, "write a reply before sending it", field="reply")
    if len(text) > MAX_REPLY:
        raise ApiError(422, f"the reply is longer than {MAX_REPLY:,} characters", field="reply")
    return text.strip()
