"""The audit log: who saw and changed what (admin only)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

from kettle.api.deps import AdminUser, SessionDep
from kettle.api.pagination import PageDep, page_probe
from kettle.api.schemas import Page

router = APIRouter(prefix="/audit", tags=["audit"])


class AuditRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    actor_id: int | None
    actor: str
    action: str
    entity_type: str
    entity_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@router.get("", summary="Audit entries, newest first (admin)", response_model=Page[AuditRead])
def list_audit(
    session: SessionDep, admin: AdminUser, params: PageDep,
    entity_type: str | None = None, entity_id: int | None = None,
) -> dict[str, Any]:
    from kettle.audit import service as audit

    rows = audit.get_all(session=session, entity_type=entity_type, entity_id=entity_id,
                         limit=params.offset + params.limit + 1)
    out = [AuditRead.model_validate(r).model_dump(mode="json") for r in rows[params.offset:]]
    return page_probe(out, params)
