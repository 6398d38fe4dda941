"""The agent view: the queue (``/console/``) and one case (``/console/cases/{id}``).

The reply box's live check posts to ``/console/api/cases/{id}/check``, which runs
:func:`kettle.analysis.check` with the case's conversation, the customer's time
zone and the current time (the same call ``POST /analyze/check`` makes).
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from kettle.api.access import record_view
from kettle.api.deps import ReadSessionDep, SessionDep
from kettle.api.errors import ApiError, kettle_status
from kettle.errors import KettleError
from kettle.web import caseview
from kettle.web.auth import ConsoleReader, ConsoleUser, CsrfDep
from kettle.web.templating import render

router = APIRouter()


class DraftIn(BaseModel):
    reply: str = Field(min_length=1, max_length=20_000, description="The draft reply")


@router.get("/", response_class=HTMLResponse)
def queue_page(request: Request, session: ReadSessionDep, user: ConsoleReader,
               notice: str | None = None, error: str | None = None) -> Response:
    items = caseview.queue(session, user)
    return render(request, "queue.html", {"active": "agent", "queue": items,
                                          "notice": notice, "error": error})


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(case_id: int, request: Request, session: SessionDep, user: ConsoleUser,
              notice: str | None = None, error: str | None = None) -> Response:
    try:
        context = caseview.case_page(request, session, user, case_id)
    except ApiError as exc:
        return _error_page(request, exc.status, exc.message)
    except KettleError as exc:
        return _error_page(request, kettle_status(exc), exc.one_line())
    record_view(session=session, user=user, case=context["case"], what="case",
                enabled=request.app.state.api.api_audit_reads)
    context.update(active="agent", queue=caseview.queue(session, user), notice=notice,
                   error=error, policy_currency=_currency(request), reply_key=uuid.uuid4().hex,
                   referral_targets=caseview.referral_targets(session, user, context["case"]))
    return render(request, "case.html", context)


def _error_page(request: Request, status: int, message: str) -> Response:
    title = {403: "Not your case", 404: "No such case"}.get(status, "Something went wrong")
    return render(request, "error.html", {"title": title, "message": message},
                  status_code=status)


@router.post("/api/cases/{case_id}/check", dependencies=[CsrfDep])
def check_draft(case_id: int, body: DraftIn, request: Request, session: ReadSessionDep,
                user: ConsoleReader) -> dict[str, Any]:
    return caseview.check_reply(request, session, user, case_id, body.reply)


def _currency(request: Request) -> str:
    from kettle.api.routers.concessions import policy_of

    return str(policy_of(request).currency)
