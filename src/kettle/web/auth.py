"""Who is signed in to the console: a signed, HttpOnly session cookie.

How a page router gets the user and a database session::

    from kettle.api.deps import ReadSessionDep, SessionDep
    from kettle.web.auth import ConsoleUser

    @router.get("/thing")              # served at /console/thing
    def thing(request: Request, session: SessionDep, user: ConsoleUser) -> HTMLResponse:
        ...

``ConsoleUser`` is the active :class:`~kettle.users.models.User` behind the
cookie (``ConsoleLead`` also requires the lead role or above). A page that
never writes takes ``ConsoleReader`` and ``ReadSessionDep`` instead: a
read-only session that never waits for SQLite's write lock (D11). Without a valid
cookie a page request is redirected to ``/console/login`` and a
``/console/api`` request gets a 401 in the API's error shape. What the user may
see is then decided by :mod:`kettle.api.access`, exactly as in the REST API.

The cookie holds the user id and the sign-in time, signed (HMAC-SHA256) with
the console key *and* the user's current token hash: issuing a new token or
deactivating the user ends every console session of that user. Changes need
the CSRF token (an HMAC of the cookie) in a form field or the
``X-CSRF-Token`` header; the cookie is also ``SameSite=Lax``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from kettle.api.access import at_least
from kettle.api.deps import ReadSessionDep, SessionDep
from kettle.users.models import User
from kettle.web.settings import ConsoleSettings

COOKIE = "kettle_console"
CSRF_HEADER = "X-CSRF-Token"


class LoginRequired(Exception):
    """No valid console session: the app turns this into a redirect or a 401."""


class CsrfFailed(Exception):
    """A change came without the session's CSRF token (answered with 403)."""


class RoleRequired(Exception):
    """The signed-in user lacks the role a page needs (answered with 403)."""

    def __init__(self, role: str) -> None:
        super().__init__(f"this page needs the {role} role or above")
        self.role = role


@dataclass(frozen=True)
class ConsoleState:
    settings: ConsoleSettings
    key: bytes

    @classmethod
    def build(cls, settings: ConsoleSettings) -> ConsoleState:
        raw = settings.secret.encode("utf-8") if settings.secret else secrets.token_bytes(32)
        return cls(settings=settings, key=hashlib.sha256(b"kettle-console:" + raw).digest())


def console_state(request: Request) -> ConsoleState:
    state: ConsoleState = request.app.state.console
    return state


def _sign(key: bytes, payload: str, token_hash: str | None) -> str:
    message = f"{payload}|{token_hash or '-'}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def session_cookie(state: ConsoleState, user: User, now: float | None = None) -> str:
    """The cookie value that signs ``user`` in from ``now`` (seconds since the epoch)."""
    body = json.dumps({"u": user.id, "t": int(now if now is not None else time.time())})
    payload = base64.urlsafe_b64encode(body.encode()).decode().rstrip("=")
    return f"{payload}.{_sign(state.key, payload, user.token_hash)}"


def user_from_cookie(
    state: ConsoleState, session: Session, value: str | None, now: float | None = None
) -> User | None:
    """The active user the cookie signs in, or None (missing, forged, expired, revoked)."""
    if not value or "." not in value:
        return None
    payload, _, signature = value.rpartition(".")
    try:
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        user_id, issued = int(data["u"]), float(data["t"])
    except (ValueError, KeyError, TypeError):
        return None
    age = (now if now is not None else time.time()) - issued
    if age < 0 or age > state.settings.session_hours * 3600:
        return None
    user = session.get(User, user_id)
    if user is None or not user.active:
        return None
    if not hmac.compare_digest(signature, _sign(state.key, payload, user.token_hash)):
        return None
    return user


def csrf_token(state: ConsoleState, cookie: str) -> str:
    """The CSRF token that goes with a session cookie."""
    return hmac.new(state.key, b"csrf:" + cookie.encode(), hashlib.sha256).hexdigest()[:32]


async def form_data(request: Request) -> dict[str, str]:
    """The fields of a URL-encoded form body (first value of each); {} for other bodies.

    Parsed here rather than with ``python-multipart``: console forms never upload files.
    """
    if not request.headers.get("content-type", "").startswith(
        "application/x-www-form-urlencoded"
    ):
        return {}
    body = (await request.body()).decode("utf-8", errors="replace")
    return {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}


FormDep = Annotated[dict[str, str], Depends(form_data)]


def _signed_in(request: Request, session: Session) -> User:
    state = console_state(request)
    user = user_from_cookie(state, session, request.cookies.get(COOKIE))
    if user is None:
        raise LoginRequired()
    request.state.user = user
    request.state.csrf = csrf_token(state, request.cookies[COOKIE])
    return user


def console_user(request: Request, session: SessionDep) -> User:
    """The signed-in console user (dependency); raises :class:`LoginRequired`."""
    return _signed_in(request, session)


def console_reader(request: Request, session: ReadSessionDep) -> User:
    """The signed-in user, looked up in a read-only session (pages that never write, D11)."""
    return _signed_in(request, session)


ConsoleUser = Annotated[User, Depends(console_user)]
ConsoleReader = Annotated[User, Depends(console_reader)]


def console_lead(user: ConsoleReader) -> User:
    """The signed-in user if they are a lead or an admin (dependency; read-only lookup)."""
    if not at_least(user, "lead"):
        raise RoleRequired("lead")
    return user


ConsoleLead = Annotated[User, Depends(console_lead)]


async def check_csrf(request: Request) -> None:
    """Reject a change without the session's CSRF token (header or form field).

    Needs no database: the token is derived from the cookie; the route's own
    user dependency checks that the cookie signs in a user.
    """
    cookie = request.cookies.get(COOKIE)
    if not cookie:
        raise LoginRequired()
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        sent = (await form_data(request)).get("csrf")
    expected = csrf_token(console_state(request), cookie)
    if not sent or not hmac.compare_digest(sent, expected):
        raise CsrfFailed()


CsrfDep = Depends(check_csrf)
