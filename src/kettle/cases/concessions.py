"""Concessions against a YAML policy: propose a bit more than expected, refuse above tier.

The policy (default shipped in ``kettle/cases/data/concession_policy.yaml``)
gives, per customer value tier and case severity, the value a customer would
expect and the limit an agent may grant alone. Anything above the limit needs
an approver whose role is in ``approver_roles``.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from kettle.audit import service as audit
from kettle.cases.errors import ApprovalRequired, NotFound, WorkflowInputError
from kettle.cases.models import Case, Concession
from kettle.cases.schemas import ConcessionCreate, ConcessionProposal
from kettle.errors import PlaybookError
from kettle.users.models import User


@dataclass(frozen=True, slots=True)
class Band:
    expected: float
    limit: float


@dataclass(frozen=True, slots=True)
class Policy:
    tiers: dict[str, dict[str, Band]]
    generosity: float
    approver_roles: tuple[str, ...]
    currency: str

    def band(self, tier: str, severity: str) -> Band:
        """The band for ``tier`` and ``severity``; unknown names are errors listing the choices."""
        if tier not in self.tiers:
            raise WorkflowInputError(
                f"no concession tier {tier!r}", field="value_tier", choices=tuple(self.tiers)
            )
        bands = self.tiers[tier]
        if severity not in bands:
            raise WorkflowInputError(
                f"no severity {severity!r} in tier {tier!r}", field="severity", choices=tuple(bands)
            )
        return bands[severity]


def load_policy(path: str | Path | None = None) -> Policy:
    """The policy at ``path``, or the default shipped with Kettle."""
    if path is None:
        text = (resources.files("kettle.cases") / "data" / "concession_policy.yaml").read_text(
            encoding="utf-8"
        )
    else:
        text = Path(path).read_text(encoding="utf-8-sig")
    return _parse(yaml.safe_load(text), str(path or "default policy"))


def _parse(data: Any, where: str) -> Policy:
    try:
        tiers = {
            str(tier): {
                str(sev): Band(float(b["expected"]), float(b["limit"])) for sev, b in bands.items()
            }
            for tier, bands in data["tiers"].items()
        }
        policy = Policy(
            tiers=tiers,
            generosity=float(data.get("generosity", 0.25)),
            approver_roles=tuple(data.get("approver_roles", ("lead", "admin"))),
            currency=str(data.get("currency", "EUR")),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PlaybookError(f"{where}: invalid concession policy ({exc!r})") from None
    for tier, bands in tiers.items():
        for sev, band in bands.items():
            if not 0 <= band.expected <= band.limit:
                raise PlaybookError(f"{where}: {tier}/{sev} needs 0 <= expected <= limit")
    return policy


def propose(
    *, session: Session, case_id: int, kind: str = "credit", policy: Policy | None = None
) -> ConcessionProposal:
    """What to offer: a bit more than the customer expects, within the tier's limit."""
    book = policy or load_policy()
    case = _case(session, case_id)
    tier, severity = case.customer.value_tier, case.severity
    band = book.band(tier, severity)
    proposed = round(min(band.limit, band.expected * (1 + book.generosity)), 2)
    text = (
        f"Offer a {kind} of {proposed:.2f} {book.currency}: a little more than the "
        f"{band.expected:.2f} a {tier} customer expects for a {severity} problem."
    )
    return ConcessionProposal(
        kind=kind,
        tier=tier,
        severity=severity,
        expected=band.expected,
        proposed=proposed,
        limit=band.limit,
        text=text,
    )


def create(
    *,
    session: Session,
    case_id: int,
    concession_in: ConcessionCreate,
    actor_id: int | None = None,
    policy: Policy | None = None,
) -> Concession:
    """Record a concession; above the tier's limit it needs an approver with an approver role."""
    book = policy or load_policy()
    case = _case(session, case_id)
    tier, severity = case.customer.value_tier, case.severity
    band = book.band(tier, severity)
    if concession_in.value > band.limit:
        _check_approver(session, concession_in.approved_by_id, book, band, concession_in.value)
    row = Concession(
        case_id=case.id,
        kind=concession_in.kind,
        value=concession_in.value,
        description=concession_in.description,
        tier=tier,
        severity=severity,
        approved_by_id=concession_in.approved_by_id,
        created_by=f"user:{actor_id}" if actor_id else "system",
    )
    session.add(row)
    session.flush()
    audit.record(
        session=session,
        action="create",
        entity=row,
        actor_id=actor_id,
        after={"kind": row.kind, "value": row.value, "approved_by_id": row.approved_by_id},
    )
    session.commit()
    return row


def get_all(*, session: Session, case_id: int) -> list[Concession]:
    """The case's concessions, oldest first."""
    query = select(Concession).where(Concession.case_id == case_id).order_by(Concession.id)
    return [*session.scalars(query)]


def _check_approver(
    session: Session, approver_id: int | None, book: Policy, band: Band, value: float
) -> None:
    if approver_id is None:
        raise ApprovalRequired(
            f"{value:.2f} is above this tier's limit of {band.limit:.2f}: it needs an approver",
            field="approved_by_id",
        )
    approver = session.get(User, approver_id)
    if approver is None:
        raise NotFound(f"no user {approver_id}", field="approved_by_id")
    if approver.role not in book.approver_roles:
        raise ApprovalRequired(
            f"user {approver_id} ({approver.role}) cannot approve this",
            field="approved_by_id",
            choices=book.approver_roles,
        )


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"no case {case_id}", field="case_id")
    return case
