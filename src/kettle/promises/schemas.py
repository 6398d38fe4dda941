"""Pydantic schemas for promises and follow-ups."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PromiseState = Literal["open", "kept", "late", "broken", "cancelled"]
FollowUpKind = Literal["callback", "progress", "satisfaction"]
FollowUpState = Literal["open", "sent", "done", "cancelled"]


class PromiseCreate(BaseModel):
    """A promise made by hand (engine promises come from ingest)."""

    action: str = Field(min_length=1)
    due_at: datetime | None = Field(default=None, description="aware; naive = customer's zone")
    owner_id: int | None = Field(default=None, description="default: the case owner")
    message_id: int | None = None


class PromiseRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    case_id: int
    message_id: int | None
    owner_id: int | None
    action: str
    due_at: datetime | None
    due_phrase: str | None
    source: str
    state: PromiseState
    reminded_at: datetime | None
    created_at: datetime
    closed_at: datetime | None


class FollowUpCreate(BaseModel):
    kind: FollowUpKind
    due_at: datetime
    context: str = ""


class FollowUpRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    case_id: int
    kind: FollowUpKind
    due_at: datetime
    state: FollowUpState
    context: str
    sent_at: datetime | None
    created_at: datetime
    done_at: datetime | None
