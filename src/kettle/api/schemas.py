"""Request and response bodies shared by the routers."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from kettle.analysis.types import Tier

T = TypeVar("T")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TurnIn(Strict):
    role: Literal["customer", "agent", "system", "other"]
    text: str = Field(min_length=1)
    sent_at: datetime | None = None

    def plain(self) -> dict[str, Any]:
        return {"role": self.role, "text": self.text, "sent_at": self.sent_at}


class ReadIn(Strict):
    text: str = Field(min_length=1, description="The customer message")
    context: list[TurnIn] | None = Field(default=None, description="Turns before it")
    tier: Tier = Field(
        default="fast", description="fast: linear heads; accurate: fine-tuned MiniLM (slower)")


class CheckIn(Strict):
    reply: str = Field(min_length=1, description="The agent's reply (draft or sent)")
    conversation: list[TurnIn] | None = None
    now: datetime | None = Field(default=None, description="Reference time for due times")
    tz: str | None = Field(default=None, description="The customer's IANA time zone")
    playbook: dict[str, Any] | None = Field(
        default=None, description="Playbook additions on top of the server's playbook"
    )


class SuggestIn(Strict):
    conversation: list[TurnIn] = Field(min_length=1)
    now: datetime | None = None
    tz: str | None = None


class TrackIn(Strict):
    conversation: list[TurnIn] = Field(min_length=1)
    now: datetime | None = None
    tz: str | None = None


class Page(BaseModel, Generic[T]):
    """One page of a list: ``next`` is the URL of the following page, or null."""

    items: list[T]
    total: int | None = Field(description="null where the listing is not counted")
    limit: int
    offset: int
    next: str | None


class ErrorDetail(BaseModel):
    code: str = Field(description="stable code: E… from the domain, H<status> from HTTP")
    message: str
    field: str | None = Field(description="the input that was wrong, if one was")
    choices: list[str] | None = Field(default=None, description="valid values, where known")
    details: list[dict[str, Any]] | None = Field(
        default=None, description="every validation problem (422 from request validation)"
    )


class ErrorBody(BaseModel):
    """The body of every 4xx and 5xx answer."""

    error: ErrorDetail


#: Documented on every router so that OpenAPI shows the real error shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in (
        (400, "a refusal by the workflow"),
        (401, "missing or invalid API token"),
        (403, "wrong role, outside your scope, or approval required"),
        (404, "no such object"),
        (409, "illegal move or conflicting request"),
        (413, "request body too large"),
        (422, "invalid input"),
    )
}
