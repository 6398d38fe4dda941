"""`kettle serve` (the REST API under uvicorn) and `kettle users create` (API tokens)."""

from __future__ import annotations

import argparse
from typing import Any

from kettle.errors import InvalidInput


def register(subparsers: Any) -> None:
    serve = subparsers.add_parser(
        "serve", help="run the REST API (uvicorn)",
        description="Serve the REST API on create_app(settings from KETTLE_* variables).",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    serve.add_argument("--migrate", action="store_true",
                       help="bring the database up to date before serving")
    serve.add_argument("--log-level", default="info",
                       choices=("critical", "error", "warning", "info", "debug"))
    serve.set_defaults(handler=run_serve)

    users = subparsers.add_parser("users", help="manage API users and tokens")
    sub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    create = sub.add_parser("create", help="create a user and print their API token")
    create.add_argument("--name", required=True)
    create.add_argument("--role", choices=("agent", "lead", "admin"), default="agent")
    create.add_argument("--team", default=None)
    create.add_argument("--email", default=None)
    create.add_argument("--database-url", default=None,
                        help="database (default: KETTLE_DATABASE_URL)")
    create.set_defaults(handler=run_users_create)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    if not 0 < args.port < 65536:
        raise InvalidInput(f"port {args.port} is out of range 1-65535", field="--port")
    if args.workers < 1:
        raise InvalidInput("--workers must be at least 1", field="--workers")
    if args.migrate:
        from kettle.db import upgrade

        upgrade(None)
    uvicorn.run("kettle.api.app:app_from_env", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level=args.log_level)
    return 0


def run_users_create(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from kettle.db import session_factory
    from kettle.users import service as users
    from kettle.users.schemas import UserCreate

    try:
        user_in = UserCreate(name=args.name, role=args.role, team=args.team, email=args.email)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InvalidInput(str(first["msg"]), field="--" + str(first["loc"][0])) from None
    factory = session_factory(args.database_url)
    with factory() as session:
        user = users.create(session=session, user_in=user_in)
        token = users.issue_token(session=session, user_id=user.id)
        print(f"user {user.id} ({user.role}) created; API token (shown once):")
        print(token)
    bind = factory.kw.get("bind")
    if bind is not None:
        bind.dispose()
    return 0
