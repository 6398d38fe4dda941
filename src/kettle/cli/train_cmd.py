"""`kettle train`: practise on a simulated upset customer in the terminal.

``kettle train --list`` prints the scenarios, one per line; ``kettle train
[SCENARIO] [--seed N] [--pressure SECONDS] [--trainee NAME]`` runs a session
(type ``/end`` to stop); ``kettle train --history [--trainee NAME]`` shows the
saved sessions and each trainee's progress.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from kettle.simulator.debrief import Debrief
    from kettle.simulator.runner import Exchange, Session

END_WORDS = ("/end", "/quit", "/exit")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "train",
        help="practise on a simulated upset customer (training simulator)",
        description="Talk to a simulated upset customer whose temperature reacts to each "
        "reply; get a scored debrief at the end. Type /end to stop.",
    )
    parser.add_argument("scenario", nargs="?", help="scenario id or YAML file (see --list)")
    parser.add_argument("--list", action="store_true", help="print the scenarios, one per line")
    parser.add_argument("--history", action="store_true", help="show saved sessions")
    parser.add_argument("--seed", type=int, default=0, help="seed for the customer's lines")
    parser.add_argument("--pressure", type=float, metavar="SECONDS", default=None,
                        help="pressure mode: seconds allowed per reply (0: the scenario's)")
    parser.add_argument("--trainee", default=None, help="your name (saved with the session)")
    parser.add_argument("--url", help="database URL (default KETTLE_DATABASE_URL or SQLite file)")
    parser.add_argument("--no-save", action="store_true", help="do not save the session")
    parser.add_argument("--llm", action="store_true",
                        help="customer lines from the configured LLM (KETTLE_LLM_*), checked")
    parser.add_argument("--no-color", action="store_true", help="plain output")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    console = Console(no_color=args.no_color, highlight=False, soft_wrap=True)
    if args.list:
        return _list(console)
    if args.history:
        return _history(console, args)
    return _train(console, args)


def _list(console: Console) -> int:
    from kettle.simulator.scenarios import library

    for s in library():
        console.print(f"{s.id:32} {s.category:14} {s.starting_temperature:4.0f} °C  {s.title}",
                      markup=False)
    return 0


def _sessions(url: str | None) -> Any:
    from kettle.db import session_factory, upgrade

    upgrade(url)
    return session_factory(url)


def _history(console: Console, args: argparse.Namespace) -> int:
    from kettle.simulator import store

    with _sessions(args.url)() as db:
        rows = store.get_all(session=db, trainee=args.trainee, limit=200)
    if not rows:
        who = f" for {args.trainee}" if args.trainee else ""
        console.print(f"no saved training sessions{who}", markup=False)
        return 0
    for r in rows:
        score = "  –  " if r.score is None else f"{r.score:5.1f}"
        console.print(
            f"#{r.id:<4} {r.started_at:%Y-%m-%d %H:%M}  {r.trainee:16} {r.scenario_id:30} "
            f"{r.outcome:9} score {score}  peak {r.peak_temperature:5.1f} °C  "
            f"final {r.final_temperature:5.1f} °C  replies {r.turns}  hang-ups {r.hang_ups}",
            markup=False,
        )
    for p in store.progress(rows):
        trend = ""
        if p.first_score is not None and p.last_score is not None and p.sessions > 1:
            trend = f", score {p.first_score:.0f} → {p.last_score:.0f}"
        console.print(
            f"{p.trainee}: {p.sessions} sessions, {p.resolved} resolved, "
            f"{p.hang_ups} hang-ups{trend}",
            markup=False,
        )
    return 0


def _train(console: Console, args: argparse.Namespace) -> int:
    import random
    from datetime import UTC, datetime

    from kettle.simulator.runner import Session
    from kettle.simulator.scenarios import library, resolve

    scenario = (resolve(args.scenario) if args.scenario
                else random.Random(args.seed).choice(library()))
    pressure = args.pressure
    if pressure == 0:
        pressure = scenario.reply_seconds
    started = datetime.now(UTC)
    session = Session(scenario, seed=args.seed, pressure_s=pressure,
                      trainee=args.trainee or "trainee", lines=_lines(args))
    _intro(console, session)
    _loop(console, session)
    session.end()
    report = session.debrief()
    _print_debrief(console, report)
    if not args.no_save and session.exchanges:
        from kettle.simulator import store

        with _sessions(args.url)() as db:
            row = store.create(session=db, training=session, debrief=report, started_at=started)
            console.print(f"saved as session #{row.id} (kettle train --history)", markup=False)
    return 0


def _lines(args: argparse.Namespace) -> Any:
    if not args.llm:
        return None
    from kettle.config import Settings
    from kettle.integrations.llm import OpenAICompatibleBackend
    from kettle.simulator.lines import LLMLines, ScriptedLines

    s = Settings()
    backend = OpenAICompatibleBackend(s.llm_base_url, s.llm_model, s.llm_api_key, s.llm_timeout_s,
                                      temperature=0.8)
    return LLMLines(backend, fallback=ScriptedLines(args.seed))


def _intro(console: Console, session: Session) -> None:
    s = session.scenario
    console.print(f"[bold]{s.title}[/] ({s.category})")
    console.print(f"{s.persona.name} is on the line. {s.summary}", markup=False)
    if session.pressure_s:
        console.print(f"[yellow]Pressure mode: {session.pressure_s:g} s per reply.[/]")
    console.print("[dim]Type your reply and press Enter; /end stops the session.[/]")
    _customer(console, session.opening.text, session.temperature)


def _customer(console: Console, text: str, temperature: float) -> None:
    from rich.text import Text

    from kettle.cli.render import gauge

    console.print(gauge(temperature))
    console.print(Text("customer: ", style="bold magenta") + Text(text))


def _loop(console: Console, session: Session) -> None:
    while not session.finished:
        prompt = "call back> " if session.awaiting_callback else "you> "
        try:
            text = console.input(f"[bold cyan]{prompt}[/]")
        except EOFError:
            return
        if text.strip().lower() in END_WORDS:
            return
        if not text.strip():
            continue
        exchange = session.reply(text)
        _feedback(console, session, exchange)


def _feedback(console: Console, session: Session, exchange: Exchange) -> None:
    from rich.text import Text

    for effect in exchange.reaction.effects:
        style = "red" if effect.delta > 0 else "green" if effect.delta < 0 else "yellow"
        console.print(Text(f"  {effect.delta:+5.1f} °C  {effect.note}", style=style))
    if exchange.elapsed_s is not None and session.pressure_s:
        console.print(f"[dim]  answered in {exchange.elapsed_s:.0f} s "
                      f"(allowed {session.pressure_s:g} s)[/]")
    if exchange.review.verdict != "send":
        console.print(Text(f"  coach: {exchange.review.advice}", style="dim"))
    _customer(console, exchange.customer.text, exchange.reaction.temperature)
    if session.awaiting_callback:
        console.print("[bold red]The customer hung up.[/] Call them back: open with an "
                      "acknowledgement and say exactly what you will do.")
    elif exchange.reaction.branch == "accept":
        console.print("[green]The customer accepted your solution.[/] Close the conversation "
                      "(thank them, say how to reach you), or type /end.")


def _print_debrief(console: Console, report: Debrief) -> None:
    from rich.text import Text

    console.rule("debrief")
    outcome = report.outcome + (f": {report.resolution_text}" if report.resolution_text else "")
    console.print(Text(f"outcome: {outcome}", style="bold"))
    console.print("temperature: " + " → ".join(f"{t:.0f}" for t in report.curve)
                  + f" °C (peak {report.peak:.0f}, hang-ups {report.hang_ups})", markup=False)
    _print_scorecard(console, report.scorecard)
    for label, note in (("best reply", report.best), ("worst reply", report.worst)):
        if note is None:
            continue
        console.print(Text(f"{label} (#{note.index}, {note.delta:+.0f} °C): {note.reply}"))
        for rewrite in note.rewrites:
            console.print(Text(f"    try: {rewrite}", style="green"))
        if not note.rewrites and label == "worst reply":
            console.print(Text(f"    coach: {note.advice}", style="dim"))
    found = "you found it" if report.underlying_found else "not found"
    console.print(Text(f"underlying issue ({found}): {report.underlying}"))


def _print_scorecard(console: Console, card: dict[str, Any]) -> None:
    """The QA scorecard: the overall score, then each step with its score and evidence."""
    if not card:
        return
    console.print(f"method score: {card['overall']:.0f}/100 (the QA scorecard)", markup=False)
    for step in card.get("steps", []):
        value = "n/a " if step["score"] is None else f"{step['score']:.2f}"
        line = f"  {step['label']:34} {value}"
        evidence = step.get("evidence") or []
        if evidence:
            mark = "✓" if evidence[0]["good"] else "✗"
            line += f"  {mark} {evidence[0]['text']}"
        elif step.get("notes"):
            line += f"  {step['notes'][0]}"
        console.print(line, markup=False)
