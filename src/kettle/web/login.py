"""Sign in and out of the console; the about page (licences of the sample data)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kettle.api.deps import SessionDep
from kettle.web.auth import (
    COOKIE,
    CsrfDep,
    FormDep,
    console_state,
    session_cookie,
    user_from_cookie,
)
from kettle.web.templating import render

router = APIRouter()


def _safe_next(target: str | None) -> str:
    """Only local console paths: a login must not redirect to another site."""
    if target and target.startswith("/console") and not target.startswith("//"):
        return target
    return "/console/"


def _signed_in(request: Request, user: object, target: str | None) -> Response:
    state = console_state(request)
    response = RedirectResponse(_safe_next(target), status_code=303)
    response.set_cookie(COOKIE, session_cookie(state, user),  # type: ignore[arg-type]
                        max_age=int(state.settings.session_hours * 3600), httponly=True,
                        samesite="lax", secure=state.settings.secure_cookie, path="/")
    return response


def _demo_users(request: Request, session: SessionDep) -> list[object]:
    if not console_state(request).settings.demo:
        return []
    from kettle.users import service as users

    return [u for u in users.get_all(session=session) if u.active]


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, session: SessionDep, next: str | None = None,
               error: str | None = None) -> Response:
    state = console_state(request)
    if user_from_cookie(state, session, request.cookies.get(COOKIE)) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return render(request, "login.html", {
        "next": _safe_next(next), "error": error, "demo_users": _demo_users(request, session),
        "title": "Sign in"}, status_code=401 if error else 200)


@router.post("/login")
def login(request: Request, session: SessionDep, form: FormDep) -> Response:
    from kettle.users import service as users

    user = users.get_user_by_token(session=session, token=form.get("token", "").strip())
    if user is None:
        return login_page(request, session, form.get("next"),
                          error="That token is unknown, revoked or belongs to an inactive user.")
    return _signed_in(request, user, form.get("next"))


@router.post("/login/demo")
def login_demo(request: Request, session: SessionDep, form: FormDep) -> Response:
    from kettle.users.models import User

    if not console_state(request).settings.demo:
        return render(request, "error.html", {"title": "Not available",
                      "message": "Signing in without a token works in demo mode only."},
                      status_code=404)
    user = session.get(User, int(form.get("user_id", "0") or 0))
    if user is None or not user.active:
        return login_page(request, session, form.get("next"), error="No such demo user.")
    return _signed_in(request, user, form.get("next"))


@router.post("/logout", dependencies=[CsrfDep])
def logout() -> Response:
    response = RedirectResponse("/console/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/about", response_class=HTMLResponse)
def about(request: Request, session: SessionDep) -> Response:
    state = console_state(request)
    user = user_from_cookie(state, session, request.cookies.get(COOKIE))
    request.state.user = user
    return render(request, "about.html", {"title": "About"})
