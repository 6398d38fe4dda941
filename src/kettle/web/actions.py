"""What the agent does on a case: send a reply, keep a promise, log a concession,
escalate, record the root cause, mark a hang-up. Plain HTML forms (POST, then a
redirect back to the case with a notice), each through the same service and the
same access check the REST API uses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from kettle.api.access import visible_case
from kettle.api.deps import SessionDep
from kettle.api.errors import ApiError
from kettle.errors import KettleError
from kettle.users.models import User
from kettle.web.auth import ConsoleUser, CsrfDep, FormDep

router = APIRouter(dependencies=[CsrfDep])

HANG_UP_TEXT = "Customer hung up before the conversation was finished."


def back(case_id: int, *, notice: str | None = None, error: str | None = None,
         anchor: str = "") -> RedirectResponse:
    query = urlencode({k: v for k, v in (("notice", notice), ("error", error)) if v})
    target = f"/console/cases/{case_id}" + (f"?{query}" if query else "")
    return RedirectResponse(target + (f"#{anchor}" if anchor else ""), status_code=303)


def attempt(case_id: int, anchor: str, work: Callable[[], str]) -> RedirectResponse:
    """Run ``work`` (returns the notice); a refusal comes back as the page's error line."""
    try:
        notice = work()
    except ApiError as exc:
        return back(case_id, error=exc.message, anchor=anchor)
    except KettleError as exc:
        return back(case_id, error=exc.one_line(), anchor=anchor)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        return back(case_id, error=f"{field}: {first['msg']}", anchor=anchor)
    return back(case_id, notice=notice, anchor=anchor)


def _number(value: str, field: str) -> float:
    try:
        return float(value.replace(",", "."))
    except ValueError:
        raise ApiError(422, f"{field} must be a number", field=field) from None


@router.post("/cases/{case_id}/reply")
def send_reply(case_id: int, request: Request, session: SessionDep, user: ConsoleUser,
               form: FormDep) -> Response:
    def work() -> str:
        text = form.get("text", "").strip()
        if not text:
            raise ApiError(422, "write a reply before sending it", field="text")
        _ingest(request, session, user, case_id, "agent", text, form.get("key"))
        return "Reply sent. Promises in it are now on the clock."

    return attempt(case_id, "thread-end", work)


@router.post("/cases/{case_id}/hang-up")
def hang_up(case_id: int, request: Request, session: SessionDep, user: ConsoleUser,
            form: FormDep) -> Response:
    def work() -> str:
        _ingest(request, session, user, case_id, "system", HANG_UP_TEXT, None)
        return "Hang-up recorded: a callback is scheduled (see Follow-ups)."

    return attempt(case_id, "followups", work)


def _ingest(request: Request, session: Session, user: User, case_id: int, role: str,
            text: str, key: str | None) -> Any:
    from kettle.cases import service as cases

    visible_case(session=session, case_id=case_id, user=user)
    if key and cases.find_message(session=session, case_id=case_id, idempotency_key=key):
        return None  # a double submit of the same form: already stored
    return cases.ingest_message(session=session, case_id=case_id, role=role, text=text,
                                sent_at=None, idempotency_key=key or None,
                                settings=request.app.state.workflow, actor_id=user.id)


@router.post("/promises/{promise_id}/kept")
def promise_kept(promise_id: int, session: SessionDep, user: ConsoleUser) -> Response:
    from kettle.promises import service as promises

    promise = promises.get(session=session, promise_id=promise_id)

    def work() -> str:
        visible_case(session=session, case_id=promise.case_id, user=user)
        promises.set_state(session=session, promise_id=promise_id, state="kept",
                           actor_id=user.id)
        return f"Promise marked kept: {promise.action}."

    return attempt(promise.case_id, "promises", work)


@router.post("/follow-ups/{follow_up_id}/done")
def follow_up_done(follow_up_id: int, request: Request, session: SessionDep,
                   user: ConsoleUser) -> Response:
    from kettle.promises import service as promises

    row = promises.get_follow_up(session=session, follow_up_id=follow_up_id)

    def work() -> str:
        visible_case(session=session, case_id=row.case_id, user=user)
        promises.set_follow_up_state(session=session, follow_up_id=follow_up_id, state="done",
                                     actor_id=user.id, settings=request.app.state.workflow)
        return f"Follow-up ({row.kind}) marked done."

    return attempt(row.case_id, "followups", work)


@router.post("/cases/{case_id}/concessions")
def log_concession(case_id: int, request: Request, session: SessionDep, user: ConsoleUser,
                   form: FormDep) -> Response:
    from kettle.api.routers.concessions import policy_of
    from kettle.cases import concessions
    from kettle.cases.schemas import ConcessionCreate

    def work() -> str:
        visible_case(session=session, case_id=case_id, user=user)
        body = ConcessionCreate(kind=form.get("kind", "credit"),  # type: ignore[arg-type]
                                value=_number(form.get("value", ""), "value"),
                                description=form.get("description", ""))
        row = concessions.create(session=session, case_id=case_id, concession_in=body,
                                 actor_id=user.id, policy=policy_of(request))
        return f"Concession recorded: {row.kind} of {row.value:.2f}."

    return attempt(case_id, "concessions", work)


@router.post("/cases/{case_id}/escalations")
def escalate(case_id: int, session: SessionDep, user: ConsoleUser, form: FormDep) -> Response:
    from kettle.cases import escalations
    from kettle.cases.schemas import EscalationCreate

    def work() -> str:
        visible_case(session=session, case_id=case_id, user=user)
        target = form.get("to", "")
        kind, _, value = target.partition(":")
        body = EscalationCreate(
            to_user_id=int(value) if kind == "user" and value.isdigit() else None,
            to_team=value if kind == "team" and value else None,
            reason=form.get("reason", "").strip())
        escalations.create(session=session, case_id=case_id, escalation_in=body,
                           actor_id=user.id)
        return "Referred; you still own the case and will see the answer here."

    return attempt(case_id, "escalations", work)


@router.post("/cases/{case_id}/root-causes")
def root_cause(case_id: int, session: SessionDep, user: ConsoleUser, form: FormDep) -> Response:
    from kettle.cases import root_causes
    from kettle.cases.schemas import RootCauseCreate

    def work() -> str:
        visible_case(session=session, case_id=case_id, user=user)
        body = RootCauseCreate(category=form.get("category", "").strip(),
                               surface=form.get("surface", "").strip(),
                               underlying=form.get("underlying", "").strip())
        root_causes.create(session=session, case_id=case_id, root_cause_in=body,
                           actor_id=user.id)
        return "Root cause recorded."

    return attempt(case_id, "rootcause", work)
