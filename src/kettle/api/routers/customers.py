"""Customer data on request: export or delete everything about a customer (admin only)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from kettle.api.deps import AdminUser, SessionDep

router = APIRouter(prefix="/customers", tags=["customer data"])


@router.get("/{customer_id}/export", summary="Everything held about a customer (admin)")
def export_customer(
    customer_id: int, session: SessionDep, admin: AdminUser, redacted: bool = False
) -> dict[str, Any]:
    from kettle.cases import customers

    return customers.export(session=session, customer_id=customer_id, redacted=redacted,
                            actor_id=admin.id)


@router.delete("/{customer_id}", summary="Delete a customer and their cases (admin; audited)")
def delete_customer(customer_id: int, session: SessionDep, admin: AdminUser) -> dict[str, Any]:
    from kettle.cases import customers

    counts = customers.delete(session=session, customer_id=customer_id, actor_id=admin.id)
    return {"deleted": True, "customer_id": customer_id, **counts}
