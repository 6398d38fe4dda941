"""Write and read the audit log. Every service change calls :func:`record`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kettle.audit.models import AuditEntry


def record(
    *,
    session: Session,
    action: str,
    entity: Any = None,
    entity_type: str | None = None,
    entity_id: int | None = None,
    actor_id: int | None = None,
    actor: str | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Add one entry (flushed with the caller's transaction, never committed alone).

    ``entity`` is an ORM object (its table name and id are used) or None with
    ``entity_type``/``entity_id`` given. ``actor`` defaults to ``user:<id>`` or
    ``system``.
    """
    if entity is not None:
        entity_type = entity_type or entity.__tablename__
        entity_id = entity_id if entity_id is not None else entity.id
    entry = AuditEntry(
        actor_id=actor_id,
        actor=actor or (f"user:{actor_id}" if actor_id is not None else "system"),
        action=action,
        entity_type=entity_type or "unknown",
        entity_id=entity_id,
        before=_jsonable(before),
        after=_jsonable(after),
    )
    session.add(entry)
    return entry


def get_all(
    *,
    session: Session,
    entity_type: str | None = None,
    entity_id: int | None = None,
    limit: int = 100,
) -> list[AuditEntry]:
    """Entries, newest first, optionally for one entity."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if entity_type is not None:
        query = query.where(AuditEntry.entity_type == entity_type)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    return [*session.scalars(query)]


def _jsonable(values: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    out: dict[str, Any] = {}
    for key, value in values.items():
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        out[key] = value
    return out
