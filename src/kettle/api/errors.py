"""The uniform error layer: every failure becomes ``{"error": {code, message, field}}``.

FastAPI's own 422 validation errors, Starlette's 404/405, authentication and
role failures, oversized bodies and :class:`~kettle.errors.KettleError` all come
out in the same machine-readable shape, so a client needs one error parser.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from kettle.errors import InvalidInput, KettleError, LLMError, ModelError

log = logging.getLogger("kettle.api")

#: Stable codes for errors the HTTP layer itself raises (``H`` + the status).
HTTP_CODES: dict[int, str] = {
    400: "H400",
    401: "H401",
    403: "H403",
    404: "H404",
    405: "H405",
    409: "H409",
    413: "H413",
    415: "H415",
    422: "H422",
    500: "H500",
}


class ApiError(Exception):
    """An error raised by a router or dependency: status, message, optional field."""

    def __init__(
        self, status: int, message: str, *, field: str | None = None, code: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.code = code or HTTP_CODES.get(status, f"H{status}")


def error_body(code: str, message: str, field: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "field": field, **extra}}


def error_response(
    status: int, code: str, message: str, field: str | None = None,
    headers: dict[str, str] | None = None, **extra: Any,
) -> JSONResponse:
    return JSONResponse(error_body(code, message, field, **extra), status_code=status,
                        headers=headers)


def kettle_status(exc: KettleError) -> int:
    """The HTTP status of a domain error.

    A subclass may set ``http_status``; otherwise names decide (``NotFound`` →
    404, ``Conflict`` → 409, ``Forbidden``/``PermissionDenied`` → 403), bad
    input is 422 and any other refusal (a policy, an illegal move) is 400.
    """
    explicit = getattr(exc, "http_status", None)
    if isinstance(explicit, int):
        return explicit
    names = {cls.__name__ for cls in type(exc).__mro__}
    if names & {"NotFound", "NotFoundError"}:
        return 404
    if names & {"Conflict", "ConflictError", "AlreadyExists", "IllegalTransition"}:
        return 409
    if names & {"Forbidden", "PermissionDenied", "ApprovalRequired"}:
        return 403
    if isinstance(exc, ModelError):
        return 500
    if isinstance(exc, LLMError):
        return 502
    if isinstance(exc, InvalidInput) or "WorkflowInputError" in names:
        return 422
    return 400


def _field_of(loc: Sequence[Any]) -> str | None:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:] if len(parts) > 1 else parts
    return ".".join(parts) or None


async def _on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
    details = [
        {"field": _field_of(e.get("loc", ())), "message": str(e.get("msg", ""))} for e in errors
    ]
    return error_response(422, HTTP_CODES[422], str(first.get("msg", "invalid request")),
                          _field_of(first.get("loc", ())), details=details)


async def _on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    return error_response(exc.status_code, HTTP_CODES.get(exc.status_code, f"H{exc.status_code}"),
                          message, headers=getattr(exc, "headers", None))


async def _on_api(request: Request, exc: ApiError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    return error_response(exc.status, exc.code, exc.message, exc.field, headers=headers)


async def _on_kettle(request: Request, exc: KettleError) -> JSONResponse:
    body = exc.to_dict()
    return JSONResponse({"error": body}, status_code=kettle_status(exc))


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response(500, HTTP_CODES[500], "internal error; see the server log")


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(RequestValidationError, _on_validation)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _on_http)  # type: ignore[arg-type]
    app.add_exception_handler(ApiError, _on_api)  # type: ignore[arg-type]
    app.add_exception_handler(KettleError, _on_kettle)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _on_unexpected)
