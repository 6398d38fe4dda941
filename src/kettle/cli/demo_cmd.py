"""`kettle demo`: the web console on a fresh SQLite database filled with sample cases."""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import webbrowser
from pathlib import Path
from typing import Any

from kettle.errors import InvalidInput


def register(subparsers: Any) -> None:
    demo = subparsers.add_parser(
        "demo", help="run the web console on a fresh database with sample cases",
        description="Create a fresh SQLite database, fill it with demo users and cases "
        "(the method's stories and STC-3 helpdesk dialogues, CC BY 4.0), and serve the "
        "console and the REST API on it.",
    )
    demo.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    demo.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    demo.add_argument("--no-browser", action="store_true", help="do not open a browser")
    demo.add_argument("--database", type=Path, default=None,
                      help="SQLite file to create (default: a new temporary directory)")
    demo.set_defaults(handler=run_demo)


def check_port(host: str, port: int) -> None:
    """Fail with one line when ``port`` is out of range or already taken on ``host``."""
    if not 0 < port < 65536:
        raise InvalidInput(f"port {port} is out of range 1-65535", field="--port")
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise InvalidInput(f"cannot listen on {host}:{port} ({exc.strerror}); "
                               "choose another with --port", field="--port") from None


def fresh_database(path: Path | None) -> str:
    """The URL of a new, migrated SQLite database at ``path`` (refuses to reuse a file)."""
    from kettle.db import upgrade

    if path is None:
        path = Path(tempfile.mkdtemp(prefix="kettle-demo-")) / "kettle-demo.sqlite"
    elif path.exists():
        raise InvalidInput(f"{path} already exists; the demo needs a new file",
                           field="--database")
    path.parent.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{path.resolve()}"
    upgrade(url)
    return url


def run_demo(args: argparse.Namespace) -> int:
    import uvicorn

    from kettle.db import session_factory
    from kettle.web.demo_data import seed

    check_port(args.host, args.port)
    url = fresh_database(args.database)
    factory = session_factory(url)
    with factory() as session:
        seeded = seed(session)
    bind = factory.kw.get("bind")
    if bind is not None:
        bind.dispose()
    shown = "localhost" if args.host in ("0.0.0.0", "::") else args.host
    console = f"http://{shown}:{args.port}/console/"
    _print_banner(console, url, seeded)
    if not args.no_browser:
        threading.Timer(1.5, webbrowser.open, args=(console,)).start()
    uvicorn.run(demo_app(url), host=args.host, port=args.port, log_level="warning")
    return 0


def demo_app(url: str) -> Any:
    """The API and the console in demo mode (sign in by picking a demo user) on ``url``."""
    from kettle.api import create_app
    from kettle.api.settings import ApiSettings
    from kettle.cases.settings import WorkflowSettings
    from kettle.config import get_settings
    from kettle.web.settings import ConsoleSettings

    return create_app(get_settings(), ApiSettings(database_url=url),
                      WorkflowSettings(database_url=url), ConsoleSettings(demo=True))


def _print_banner(console: str, url: str, seeded: Any) -> None:
    print(f"Kettle demo console: {console}", flush=True)
    print(f"  database: {url} ({len(seeded.stories) + len(seeded.dialogues)} cases)")
    print("  sign in by picking a demo user; API tokens (for curl / the REST API):")
    for name, token in seeded.tokens.items():
        print(f"    {name}: {token}")
    print("  sample dialogues: STC-3 DCH-1 (NTCIR-14), CC BY 4.0; stories written for Kettle")
    print("  press Ctrl+C to stop", flush=True)
