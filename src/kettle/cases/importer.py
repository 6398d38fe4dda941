"""Import conversations (JSONL, the eval schema) as cases, one case per line; idempotent.

Each line is ``{"id", "turns": [{"role", "text", "sent_at"?}], ...}``. The case
gets ``external_id = "import:<id>"`` and each turn ``external_id = "<index>"``,
so importing the same file again adds nothing. Role ``other`` counts as the
customer. Errors name the line and the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kettle.cases.ingest import ingest_message
from kettle.cases.models import Case
from kettle.cases.schemas import CaseCreate, CustomerIn
from kettle.cases.settings import WorkflowSettings
from kettle.db.base import utcnow
from kettle.errors import DataFileError

_ROLES = {"customer": "customer", "other": "customer", "agent": "agent", "system": "system"}


@dataclass(slots=True)
class ImportResult:
    cases_created: int = 0
    cases_existing: int = 0
    messages_created: int = 0
    messages_existing: int = 0


def import_conversations(
    *,
    session: Session,
    lines: Iterable[str],
    owner_id: int | None = None,
    tz: str = "UTC",
    settings: WorkflowSettings | None = None,
) -> ImportResult:
    """Import every JSONL line (blank lines skipped); commits per message."""
    from kettle.cases import service

    result = ImportResult()
    start = utcnow()
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        conv_id, turns, row_tz = _parse(number, raw)
        external = f"import:{conv_id}"
        case = session.scalar(select(Case).where(Case.external_id == external))
        if case is None:
            case_in = CaseCreate(
                customer=CustomerIn(name=f"Customer {conv_id}", tz=row_tz or tz),
                subject=f"Imported conversation {conv_id}",
                owner_id=owner_id,
                external_id=external,
            )
            case = service.create(session=session, case_in=case_in)
            result.cases_created += 1
        else:
            result.cases_existing += 1
        known = {m.external_id for m in case.messages}
        for index, (role, text, sent_at) in enumerate(turns):
            if str(index) in known:
                result.messages_existing += 1
                continue
            ingest_message(
                session=session,
                case_id=case.id,
                role=role,
                text=text,
                sent_at=sent_at or start + timedelta(seconds=index),
                external_id=str(index),
                settings=settings,
            )
            result.messages_created += 1
    return result


def _parse(
    number: int, raw: str
) -> tuple[str, list[tuple[str, str, datetime | None]], str | None]:
    """The conversation's id, its turns, and its customer time zone when the line has one."""
    try:
        data: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"line {number}: not valid JSON ({exc.msg})", field="line") from None
    if not isinstance(data, dict):
        raise DataFileError(f"line {number}: expected a JSON object", field="line")
    if not isinstance(data.get("id"), str | int) or data.get("id") == "":
        raise DataFileError(f"line {number}: missing or bad 'id'", field="id")
    turns = data.get("turns")
    if not isinstance(turns, list) or not turns:
        raise DataFileError(f"line {number}: 'turns' must be a non-empty list", field="turns")
    row_tz = data.get("tz")
    if row_tz is not None:
        from kettle.analysis.timeparse import zone_of
        from kettle.errors import UnknownTimeZone

        try:
            if not isinstance(row_tz, str):
                raise UnknownTimeZone("not a string")
            zone_of(row_tz)
        except UnknownTimeZone:
            raise DataFileError(
                f"line {number}: unknown time zone {row_tz!r}", field="tz"
            ) from None
    return str(data["id"]), [_turn(number, i, t) for i, t in enumerate(turns)], row_tz


def _turn(number: int, index: int, turn: Any) -> tuple[str, str, datetime | None]:
    where = f"turns[{index}]"
    if not isinstance(turn, dict):
        raise DataFileError(f"line {number}: {where} must be an object", field=where)
    role = _ROLES.get(str(turn.get("role")))
    if role is None:
        raise DataFileError(
            f"line {number}: {where}.role {turn.get('role')!r} is not one of "
            f"customer, agent, other, system",
            field=f"{where}.role",
            choices=tuple(_ROLES),
        )
    text = turn.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DataFileError(
            f"line {number}: {where}.text must be non-empty text", field=f"{where}.text"
        )
    sent_at = None
    if turn.get("sent_at") is not None:
        try:
            sent_at = datetime.fromisoformat(str(turn["sent_at"]))
        except ValueError:
            raise DataFileError(
                f"line {number}: {where}.sent_at is not an ISO date-time", field=f"{where}.sent_at"
            ) from None
    return role, text, sent_at
