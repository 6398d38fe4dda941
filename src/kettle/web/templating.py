"""Jinja2 rendering for the console: one environment, templates loaded from the package."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from kettle import __version__

#: The navigation bar: (label, path, key); a page passes ``active=<key>``.
NAV: tuple[tuple[str, str, str], ...] = (
    ("Agent", "/console/", "agent"),
    ("Team dashboard", "/console/dashboard", "dashboard"),
    ("Training", "/console/training", "training"),
)

STC3_ATTRIBUTION = (
    "Sample dialogues from the STC-3 DCH-1 helpdesk corpus (Zeng et al., NTCIR-14), "
    "licensed CC BY 4.0; shortened and anonymised for the demo."
)


def static_url(name: str) -> str:
    return f"/console/static/{name}?v={__version__}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("kettle.web", "templates"),
        autoescape=select_autoescape(("html", "svg")),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(static=static_url, nav=NAV, version=__version__,
                       attribution=STC3_ATTRIBUTION)
    return env


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    """Render template ``name`` with ``context`` plus the signed-in ``user`` and ``csrf``."""
    csrf: str = getattr(request.state, "csrf", "")
    full = {
        "request": request,
        "user": getattr(request.state, "user", None),
        "csrf": csrf,
        "csrf_field": lambda: Markup('<input type="hidden" name="csrf" value="{}">').format(csrf),
        "demo": request.app.state.console.settings.demo,
        **(context or {}),
    }
    html = environment().get_template(name).render(full)
    return HTMLResponse(html, status_code=status_code)
