"""The viewer's scope as two query filters: the case owner and the case team."""

from __future__ import annotations

from typing import TypeVarTuple

from sqlalchemy import Select

from kettle.cases.models import Case

_Ts = TypeVarTuple("_Ts")


def scoped(
    query: Select[*_Ts], owner_id: int | None, team: str | None
) -> Select[*_Ts]:
    """``query`` (which selects from or joins ``cases``) limited to the scope.

    ``owner_id`` and ``team`` come from :func:`kettle.api.access.case_scope`
    (agent: their own cases; lead: their team's; admin: all, or what they ask for).
    """
    if owner_id is not None:
        query = query.where(Case.owner_id == owner_id)
    if team is not None:
        query = query.where(Case.team == team)
    return query
