"""The web console (C5): server-rendered Jinja2 pages plus small vanilla JS modules.

It is a face like the CLI and the REST API: pages call the same services and the
same access rules (:mod:`kettle.api.access`), never the database directly and
never their own copy of a role check. Everything ships inside the package
(templates/, static/); nothing is fetched from a CDN.

How to add a page
-----------------
1. Write a module ``kettle/web/<page>.py`` with ``router = APIRouter()`` and
   register it in ``PAGE_MODULES`` in :mod:`kettle.web.app`. The console is a
   sub-application mounted at ``/console``, so route paths are relative to it:
   ``@router.get("/dashboard")`` serves ``/console/dashboard``; JSON endpoints for
   a page's scripts go under ``/api/...`` (served at ``/console/api/...``). Links
   and redirects in templates use the full path (``/console/...``).
2. Get the signed-in user and a database session through the dependencies in
   :mod:`kettle.web.auth`: ``user: ConsoleUser`` (a lead-only page uses
   ``ConsoleLead``) and ``session: SessionDep``. A request without a valid
   console cookie is sent to the login page (HTML) or gets a 401 (JSON).
3. Render with ``render(request, "<page>.html", {...})`` from
   :mod:`kettle.web.templating`; the template ``{% extends "base.html" %}`` and
   fills ``{% block content %}`` (``{% block title %}`` and ``{% block scripts %}``
   too). ``user``, ``csrf`` and ``nav`` are in every template's context.
4. Forms that change something POST with the hidden ``csrf`` field
   (``{{ csrf_field() }}``); scripts send the ``X-CSRF-Token`` header
   (the token is in ``<meta name="csrf-token">``). Check it with ``CsrfDep``.
5. Static files go in ``static/`` and are served at ``/console/static/``;
   link them with ``{{ static('file.css') }}`` (the URL carries a version so
   caches refresh on upgrade).
6. Link to a case as ``<a href="/console/cases/{id}">`` (the agent view); the
   end-to-end browser test finds a case on the team dashboard by that link.
   Show temperatures with the ``gauge`` macro of ``_macros.html``
   (``{% from "_macros.html" import gauge %}``, ``{{ gauge(Gauge.of(t)) }}`` with
   :class:`kettle.web.views.Gauge`).
"""
