"""Mount the console on the API app: ``mount_console(app)`` (called by ``create_app``)."""

from __future__ import annotations

from importlib import import_module
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from kettle.api import errors
from kettle.api.errors import error_body
from kettle.web.auth import ConsoleState, CsrfFailed, LoginRequired, RoleRequired
from kettle.web.settings import ConsoleSettings

#: Modules with a ``router`` of console pages, in the order they are included.
PAGE_MODULES: tuple[str, ...] = (
    "kettle.web.login",
    "kettle.web.agent",
    "kettle.web.actions",
    "kettle.web.dashboard",
    "kettle.web.training",
)


def mount_console(app: FastAPI, settings: ConsoleSettings | None = None) -> None:
    """Serve the console under ``/console`` on ``app`` (unless ``settings.enabled`` is off).

    The console is a sub-application mounted at ``/console``: its routes stay out of
    the API's OpenAPI document and route table, and its error handlers (sign-in
    redirects, HTML error pages) never touch API responses. It shares the API
    app's ``state`` (settings, session factory), so dependencies work unchanged.
    """
    settings = settings or ConsoleSettings()
    if not settings.enabled:
        return
    app.state.console = ConsoleState.build(settings)
    console = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    console.state = app.state
    errors.install(console)
    console.add_exception_handler(LoginRequired, _on_login_required)  # type: ignore[arg-type]
    console.add_exception_handler(CsrfFailed, _on_csrf)  # type: ignore[arg-type]
    console.add_exception_handler(RoleRequired, _on_role)  # type: ignore[arg-type]
    static_dir = Path(str(files("kettle.web") / "static"))
    console.mount("/static", StaticFiles(directory=static_dir), name="static")
    for name in PAGE_MODULES:
        console.include_router(import_module(name).router)
    app.mount("/console", console, name="console")
    app.add_route("/", _to_console, include_in_schema=False)
    app.add_route("/console", _to_console, include_in_schema=False)


async def _to_console(request: Request) -> Response:
    return RedirectResponse("/console/", status_code=307)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/console/api/") or request.method != "GET"


async def _on_login_required(request: Request, exc: LoginRequired) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body("H401", "sign in to the console first"), status_code=401)
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/console/login?next={quote(target, safe='')}", status_code=303)


async def _on_csrf(request: Request, exc: CsrfFailed) -> Response:
    return JSONResponse(error_body("H403", "missing or wrong CSRF token; reload the page",
                                   field="csrf"), status_code=403)


async def _on_role(request: Request, exc: RoleRequired) -> Response:
    from kettle.web.templating import render

    if _wants_json(request):
        return JSONResponse(error_body("H403", str(exc)), status_code=403)
    return render(request, "error.html", {"title": "Not for your role", "message": str(exc)},
                  status_code=403)
