"""Limit/offset pagination with a ``next`` link, shared by every list endpoint."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from kettle.api.errors import ApiError


@dataclass(frozen=True)
class PageParams:
    limit: int
    offset: int
    url: str


def page_params(
    request: Request,
    limit: Annotated[int | None, Query(ge=1, description="Items per page")] = None,
    offset: Annotated[int, Query(ge=0, description="Items to skip")] = 0,
) -> PageParams:
    api = request.app.state.api
    size = limit if limit is not None else api.api_page_limit
    if size > api.api_max_page_limit:
        raise ApiError(422, f"limit must be at most {api.api_max_page_limit}", field="limit")
    return PageParams(limit=size, offset=offset, url=str(request.url))


PageDep = Annotated[PageParams, Depends(page_params)]


def page(items: Sequence[Any], *, total: int, params: PageParams) -> dict[str, Any]:
    """The page envelope: ``items``, ``total``, ``limit``, ``offset`` and ``next``."""
    following = params.offset + params.limit
    next_url = None
    if following < total:
        from starlette.datastructures import URL

        next_url = str(URL(params.url).include_query_params(offset=following,
                                                            limit=params.limit))
    return {"items": list(items), "total": total, "limit": params.limit,
            "offset": params.offset, "next": next_url}


def page_of_list(items: Sequence[Any], params: PageParams) -> dict[str, Any]:
    """Page through a list a service returned whole (short per-case lists)."""
    chunk = items[params.offset: params.offset + params.limit]
    return page(chunk, total=len(items), params=params)


def page_probe(items: Sequence[Any], params: PageParams) -> dict[str, Any]:
    """A page from a service asked for ``limit + 1`` rows: an extra row means a next page.

    ``total`` is null here: the service has no count for this listing.
    """
    more = len(items) > params.limit
    shown = list(items[: params.limit])
    next_url = None
    if more:
        from starlette.datastructures import URL

        next_url = str(URL(params.url).include_query_params(
            offset=params.offset + params.limit, limit=params.limit))
    return {"items": shown, "total": None, "limit": params.limit, "offset": params.offset,
            "next": next_url}
