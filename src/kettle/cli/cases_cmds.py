"""Workflow commands: db upgrade, worker, cases list|show, promises due, import."""

from __future__ import annotations

import argparse
import functools
import json
from collections.abc import Callable
from typing import Any

Handler = Callable[[argparse.Namespace], int]


def _storage_errors(handler: Handler) -> Handler:
    """Turn database failures into one-line errors that say what to do."""

    @functools.wraps(handler)
    def wrapped(args: argparse.Namespace) -> int:
        from sqlalchemy.exc import OperationalError, ProgrammingError

        from kettle.cases.errors import StorageError

        try:
            return handler(args)
        except (OperationalError, ProgrammingError) as exc:
            detail = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
            hint = "; run `kettle db upgrade` first" if _missing_table(detail) else ""
            raise StorageError(f"database error: {detail}{hint}", field="url") from None

    return wrapped


def _missing_table(detail: str) -> bool:
    return "no such table" in detail or "does not exist" in detail


def register(subparsers: Any) -> None:
    _register_db_and_worker(subparsers)
    _register_cases(subparsers)
    _register_promises_and_import(subparsers)


def _register_db_and_worker(subparsers: Any) -> None:
    db = subparsers.add_parser("db", help="database schema (Alembic migrations)")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = db_sub.add_parser("upgrade", help="create or migrate the tables to the latest revision")
    _url(up)
    up.set_defaults(handler=_db_upgrade)

    work = subparsers.add_parser("worker", help="send due reminders and follow-ups")
    _url(work)
    work.add_argument("--once", action="store_true", help="one pass, then exit")
    work.add_argument(
        "--interval",
        type=float,
        default=30.0,
        metavar="S",
        help="seconds between passes (default 30)",
    )
    work.add_argument(
        "--print",
        action="store_true",
        dest="print_notes",
        help="also print each notification as a JSON line (redacted)",
    )
    work.set_defaults(handler=_worker)


def _register_cases(subparsers: Any) -> None:

    cases = subparsers.add_parser("cases", help="list and show cases")
    cases_sub = cases.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    ls = cases_sub.add_parser("list", help="cases, newest first")
    _url(ls)
    ls.add_argument("--owner", type=int, help="owner user id")
    ls.add_argument("--team")
    ls.add_argument("--stage")
    ls.add_argument("--open", action="store_true", help="only cases still being worked on")
    ls.add_argument("--limit", type=int, default=50)
    ls.add_argument("--json", action="store_true", help="JSON lines (customer data redacted)")
    ls.set_defaults(handler=_cases_list)
    show = cases_sub.add_parser("show", help="one case with its messages and promises")
    _url(show)
    show.add_argument("case_id", type=int)
    show.set_defaults(handler=_cases_show)


def _register_promises_and_import(subparsers: Any) -> None:

    prom = subparsers.add_parser("promises", help="promise queues")
    prom_sub = prom.add_subparsers(dest="promises_command", metavar="ACTION", required=True)
    due = prom_sub.add_parser("due", help="overdue promises and those due today")
    _url(due)
    due.add_argument("--owner", type=int)
    due.add_argument("--team")
    due.add_argument("--tz", default="UTC", help="zone that defines 'today' (default UTC)")
    due.set_defaults(handler=_promises_due)
    failed = prom_sub.add_parser(
        "failed", help="reminders the worker gave up on (promises and follow-ups)"
    )
    _url(failed)
    failed.add_argument(
        "--retry", action="store_true", help="put them back in the queue with fresh attempts"
    )
    failed.set_defaults(handler=_promises_failed)

    imp = subparsers.add_parser("import", help="import conversations (JSONL, eval schema)")
    _url(imp)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--owner", type=int, help="owner user id of the new cases")
    imp.add_argument("--tz", default="UTC", help="customer time zone (default UTC)")
    imp.set_defaults(handler=_import)


def _url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", help="database URL (default KETTLE_DATABASE_URL or SQLite file)")


@_storage_errors
def _db_upgrade(args: argparse.Namespace) -> int:
    from kettle.db import database_url, upgrade

    upgrade(args.url)
    print(f"database at head: {_safe(database_url(args.url))}")
    return 0


@_storage_errors
def _worker(args: argparse.Namespace) -> int:
    from kettle.cases.settings import WorkflowSettings
    from kettle.db import session_factory
    from kettle.promises import worker

    settings = WorkflowSettings()
    sessions = session_factory(args.url or settings.database_url)
    notifiers = worker.notifiers_from(settings, sessions)
    if args.print_notes:
        notifiers.append(worker.PrintNotifier())
    if not notifiers:
        from kettle.cases.errors import WorkflowInputError

        raise WorkflowInputError(
            "no notifier configured: set KETTLE_WEBHOOK_URL (and KETTLE_WEBHOOK_SECRET), "
            "KETTLE_SMTP_HOST and KETTLE_SMTP_TO, or pass --print",
            field="notifier",
        )
    result = worker.run(
        sessions=sessions,
        notifiers=notifiers,
        settings=settings,
        interval_s=args.interval,
        once=args.once,
    )
    print(
        f"late {result.late}, promise reminders {result.promise_reminders}, "
        f"follow-ups {result.follow_ups}, failed {result.failed}, "
        f"given up {result.given_up}, handed back {result.released}"
    )
    return 0 if result.failed == 0 else 1


@_storage_errors
def _cases_list(args: argparse.Namespace) -> int:
    from kettle.cases import service
    from kettle.redaction import redact

    with _sessions(args)() as session:
        rows = service.get_all(
            session=session,
            owner_id=args.owner,
            team=args.team,
            stage=args.stage,
            open_only=args.open,
            limit=args.limit,
        )
        for case in rows:
            if args.json:
                print(
                    json.dumps(
                        {
                            "id": case.id,
                            "stage": case.stage,
                            "owner_id": case.owner_id,
                            "team": case.team,
                            "temperature": case.temperature,
                            "subject": redact(case.subject),
                        }
                    )
                )
            else:
                temp = "-" if case.temperature is None else f"{case.temperature:.0f}°C"
                print(f"#{case.id:<5} {case.stage:<16} {temp:>6}  {redact(case.subject)}")
    return 0


@_storage_errors
def _cases_show(args: argparse.Namespace) -> int:
    from kettle.cases import service
    from kettle.promises import service as promises
    from kettle.redaction import redact

    with _sessions(args)() as session:
        case = service.get(session=session, case_id=args.case_id)
        print(f"case #{case.id}: {redact(case.subject)}  [{case.stage}]  team {case.team or '-'}")
        for msg in service.get_messages(session=session, case_id=case.id):
            temp = f" {msg.temperature:.0f}°C" if msg.temperature is not None else ""
            print(f"  {msg.sent_at:%Y-%m-%d %H:%M} {msg.role:<8}{temp} {redact(msg.text)}")
        for p in promises.get_all(session=session, case_id=case.id):
            due = p.due_at.isoformat() if p.due_at else "no time"
            print(f"  promise #{p.id} [{p.state}] {p.action} (due {due})")
    return 0


@_storage_errors
def _promises_due(args: argparse.Namespace) -> int:
    from kettle.promises import service as promises

    with _sessions(args)() as session:
        late = promises.list_overdue(session=session, owner_id=args.owner, team=args.team)
        today = promises.list_due_today(
            session=session, tz=args.tz, owner_id=args.owner, team=args.team
        )
        for label, rows in (("overdue", late), ("due today", today)):
            print(f"{label}: {len(rows)}")
            for p in rows:
                due = p.due_at.isoformat() if p.due_at else "-"
                print(f"  #{p.id} case {p.case_id} [{p.state}] {p.action} (due {due})")
    return 0


@_storage_errors
def _promises_failed(args: argparse.Namespace) -> int:
    from kettle.promises import claims
    from kettle.redaction import redact

    with _sessions(args)() as session:
        rows = claims.get_failed(session=session)
        print(f"failed reminders: {len(rows)}")
        for row in rows:
            what = row.__tablename__.rstrip("s").replace("_", "-")
            when = row.failed_at.isoformat() if row.failed_at else "-"
            error = redact(row.last_error or "")[:200]
            print(f"  {what} #{row.id} case {row.case_id} attempts {row.attempts} "
                  f"failed {when}: {error}")
        if args.retry and rows:
            print(f"queued again: {claims.retry_failed(session=session, rows=rows)}")
    return 0


@_storage_errors
def _import(args: argparse.Namespace) -> int:
    from kettle.cases.importer import import_conversations

    with _sessions(args)() as session, open(args.file, encoding="utf-8-sig") as lines:
        result = import_conversations(session=session, lines=lines, owner_id=args.owner, tz=args.tz)
    print(
        f"cases: {result.cases_created} new, {result.cases_existing} already there; "
        f"messages: {result.messages_created} new, {result.messages_existing} already there"
    )
    return 0


def _sessions(args: argparse.Namespace) -> Any:
    from kettle.db import session_factory

    return session_factory(args.url)


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
