"""Pydantic schemas for cases and what hangs off them (API bodies and service inputs)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

MessageRole = Literal["customer", "agent", "system"]
Severity = Literal["low", "medium", "high", "critical"]
ConcessionKind = Literal["refund", "credit", "gift", "exception"]


class CustomerIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    contact: str | None = Field(default=None, max_length=320, description="e-mail or phone")
    tz: str = Field(default="UTC", description="IANA time zone, e.g. Europe/Berlin")
    value_tier: str = Field(default="standard", description="a tier of the concession policy")


class CustomerRead(CustomerIn):
    model_config = ConfigDict(from_attributes=True)
    id: int


class CaseCreate(BaseModel):
    customer: CustomerIn
    channel: str = Field(default="chat", max_length=32)
    subject: str = Field(default="", max_length=300)
    owner_id: int | None = None
    team: str | None = Field(default=None, description="default: the owner's team")
    severity: Severity = "medium"
    surface_issue: str | None = None
    external_id: str | None = Field(default=None, max_length=200)


class CaseUpdate(BaseModel):
    """Fields a person may change; the stage changes only through ``cases.service.move``."""

    subject: str | None = Field(default=None, max_length=300)
    channel: str | None = Field(default=None, max_length=32)
    owner_id: int | None = None
    team: str | None = None
    severity: Severity | None = None
    surface_issue: str | None = None
    resolution: str | None = None


class CaseRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    external_id: str | None
    customer: CustomerRead
    channel: str
    subject: str
    owner_id: int | None
    team: str | None
    stage: str
    temperature: float | None
    severity: str
    surface_issue: str | None
    resolution: str | None
    satisfaction: int | None
    reopen_count: int
    created_at: datetime
    updated_at: datetime
    resolved_at: datetime | None
    closed_at: datetime | None


class MessageRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    case_id: int
    role: str
    text: str
    sent_at: datetime
    external_id: str | None
    idempotency_key: str | None
    temperature: float | None
    analysis: dict[str, Any] | None
    created_at: datetime


class StageMoveRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    from_stage: str
    to_stage: str
    actor: str
    reason: str
    moved_at: datetime


class RootCauseCreate(BaseModel):
    category: str = Field(min_length=1, max_length=100)
    surface: str = Field(min_length=1)
    underlying: str = Field(min_length=1)


class RootCauseRead(RootCauseCreate):
    model_config = ConfigDict(from_attributes=True)
    id: int
    case_id: int
    created_at: datetime


class ProcessReviewRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    root_cause_id: int
    title: str
    state: str
    created_at: datetime


class EscalationCreate(BaseModel):
    to_user_id: int | None = None
    to_team: str | None = None
    reason: str = Field(min_length=1)


class EscalationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    case_id: int
    to_user_id: int | None
    to_team: str | None
    reason: str
    state: str
    answer: str | None
    created_by: str
    created_at: datetime
    answered_at: datetime | None


class ConcessionCreate(BaseModel):
    kind: ConcessionKind
    value: float = Field(ge=0)
    description: str = ""
    approved_by_id: int | None = None


class ConcessionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    case_id: int
    kind: str
    value: float
    description: str
    tier: str
    severity: str
    approved_by_id: int | None
    created_by: str
    created_at: datetime


class ConcessionProposal(BaseModel):
    kind: str
    tier: str
    severity: str
    expected: float
    proposed: float
    limit: float
    text: str
