"""Messages: ingest (idempotent) and read a case's conversation."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Request, Response
from pydantic import BaseModel, Field

from kettle.api.access import record_view, visible_case
from kettle.api.deps import CurrentUser, SessionDep
from kettle.api.pagination import PageDep, page_of_list
from kettle.api.schemas import Page
from kettle.cases.schemas import MessageRead
from kettle.db.base import utcnow

router = APIRouter(prefix="/cases/{case_id}/messages", tags=["messages"])


class MessageIn(BaseModel):
    role: Literal["customer", "agent", "system"]
    text: str = Field(min_length=1)
    sent_at: datetime | None = Field(
        default=None, description="When it was sent; naive = the customer's wall time"
    )
    external_id: str | None = Field(default=None, max_length=200,
                                    description="The helpdesk's id: a replay is not stored twice")


def message_out(message: Any) -> dict[str, Any]:
    return MessageRead.model_validate(message).model_dump(mode="json")


@router.post(
    "", status_code=201,
    summary="Ingest a message: analyse it and update the case", response_model=MessageRead,
    responses={200: {"description": "A replay: the message stored earlier, unchanged"}},
)
def ingest(
    case_id: int, body: MessageIn, request: Request, response: Response,
    session: SessionDep, user: CurrentUser,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> dict[str, Any]:
    from kettle.cases import service as cases

    visible_case(session=session, case_id=case_id, user=user)
    earlier = cases.find_message(session=session, case_id=case_id,
                                 external_id=body.external_id, idempotency_key=idempotency_key)
    if earlier is not None:
        response.status_code = 200
        return message_out(earlier)
    started = utcnow()
    message = cases.ingest_message(
        session=session, case_id=case_id, role=body.role, text=body.text,
        sent_at=body.sent_at, external_id=body.external_id,
        idempotency_key=idempotency_key, settings=request.app.state.workflow, actor_id=user.id,
    )
    if message.created_at < started:
        response.status_code = 200  # a concurrent duplicate was stored first: a replay
    return message_out(message)


@router.get("", summary="The case's messages, oldest first",
            response_model=Page[MessageRead])
def list_messages(
    case_id: int, request: Request, session: SessionDep, user: CurrentUser, params: PageDep
) -> dict[str, Any]:
    from kettle.cases import service as cases

    case = visible_case(session=session, case_id=case_id, user=user)
    record_view(session=session, user=user, case=case, what="messages",
                enabled=request.app.state.api.api_audit_reads)
    found = cases.get_messages(session=session, case_id=case_id)
    return page_of_list([message_out(m) for m in found], params)
