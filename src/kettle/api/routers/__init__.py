"""The API's routers, in the order they appear in the OpenAPI document."""

from __future__ import annotations

from fastapi import APIRouter

from kettle.api.routers import (
    analytics,
    analyze,
    audit,
    cases,
    concessions,
    customers,
    escalations,
    messages,
    promises,
    users,
)

ROUTERS: tuple[APIRouter, ...] = (
    analyze.router,
    cases.router,
    messages.router,
    promises.router,
    escalations.router,
    concessions.router,
    customers.router,
    users.router,
    audit.router,
    analytics.router,
)
