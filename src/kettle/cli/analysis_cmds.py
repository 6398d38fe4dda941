"""`kettle read`, `kettle check` and `kettle analyze`: the engine from the command line."""

from __future__ import annotations

import argparse
import json
from typing import Any

from kettle.cli.inputs import conversations_from_file, text_argument


def register(subparsers: Any) -> None:
    from kettle.analysis.types import TIERS

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON instead of text")
    common.add_argument("--playbook", metavar="FILE", help="organisation playbook (YAML)")
    common.add_argument("--no-color", action="store_true", help="plain text, no colours")

    read = subparsers.add_parser(
        "read", parents=[common], help="temperature, emotions and signals of a customer message"
    )
    read.add_argument("text", metavar="TEXT", help="the customer's message ('-' reads stdin)")
    read.add_argument("--tier", choices=TIERS, default="fast",
                      help="fast: linear heads (default); accurate: fine-tuned MiniLM, slower")
    read.set_defaults(handler=run_read)

    check = subparsers.add_parser(
        "check", parents=[common], help="check an agent reply before it is sent"
    )
    check.add_argument("text", metavar="TEXT", help="the agent's reply ('-' reads stdin)")
    check.add_argument("--context", metavar="FILE", help="the conversation so far (JSON/JSONL)")
    _time_options(check)
    check.set_defaults(handler=run_check)

    analyze = subparsers.add_parser(
        "analyze", parents=[common], help="analyse whole conversations (JSON or JSONL)"
    )
    source = analyze.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", metavar="FILE", help="a conversation file")
    source.add_argument("--sample", nargs="?", const="movers", metavar="NAME",
                        help="analyse a bundled sample conversation (default: movers)")
    _time_options(analyze)
    analyze.set_defaults(handler=run_analyze)


def _time_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tz", metavar="ZONE", help="the customer's IANA time zone")
    parser.add_argument("--now", metavar="ISO", help="reference time (default: now)")


def _console(args: argparse.Namespace) -> Any:
    from rich.console import Console

    return Console(no_color=args.no_color, highlight=False, soft_wrap=True)


def _playbook(args: argparse.Namespace) -> Any:
    from kettle.analysis.playbook import load_playbook
    from kettle.config import get_settings

    return load_playbook(args.playbook or get_settings().playbook)


def _now(args: argparse.Namespace) -> Any:
    from kettle.analysis.conversation import parse_time

    return parse_time(args.now, field="--now")


def run_read(args: argparse.Namespace) -> int:
    from kettle.analysis.thermometer import read

    text = text_argument(args.text)
    reading = read(text, playbook=_playbook(args), tier=args.tier)
    if args.json:
        print(json.dumps(reading.to_dict(), ensure_ascii=False))
    else:
        from kettle.cli.render import print_reading

        print_reading(_console(args), text, reading)
    return 0


def run_check(args: argparse.Namespace) -> int:
    from kettle.analysis.coach import check

    text = text_argument(args.text)
    turns: list[Any] = []
    tz = args.tz
    if args.context:
        conversation = conversations_from_file(args.context)[0]
        turns = conversation["turns"]
        tz = tz or conversation.get("tz")
    review = check(text, conversation=turns, playbook=_playbook(args), now=_now(args), tz=tz)
    if args.json:
        print(json.dumps(review.to_dict(), ensure_ascii=False))
    else:
        from kettle.cli.render import print_review

        print_review(_console(args), text, review)
    return 0


def run_analyze(args: argparse.Namespace) -> int:
    if args.sample:
        from kettle import samples

        conversations = [samples.load(args.sample)]
    else:
        conversations = conversations_from_file(args.file)
    playbook = _playbook(args)
    console = _console(args)
    for conversation in conversations:
        result = analyze_conversation(conversation, playbook=playbook, tz=args.tz, now=_now(args))
        if args.json:
            print(json.dumps(result["json"], ensure_ascii=False))
        else:
            from kettle.cli.render import print_track

            if len(conversations) > 1 or conversation.get("title"):
                console.rule(str(conversation.get("title") or conversation.get("id", "")))
            print_track(console, result["turns"], result["track"], result["reviews"],
                        result["suggestions"])
    return 0


def analyze_conversation(
    conversation: dict[str, Any], *, playbook: Any, tz: str | None, now: Any
) -> dict[str, Any]:
    """Track a conversation, review every agent turn in its context, and suggest."""
    from kettle.analysis.coach import check
    from kettle.analysis.conversation import as_turns, zone_hint
    from kettle.analysis.stage import track
    from kettle.analysis.suggestions import suggest

    turns = as_turns(conversation["turns"])
    zone = tz or conversation.get("tz") or zone_hint(turns)
    tracked = track(turns, playbook=playbook, now=now, tz=zone)
    reviews: list[Any] = []
    for i, turn in enumerate(turns):
        if turn.role == "agent":
            reviews.append(check(turn.text, conversation=turns[:i], playbook=playbook,
                                 now=turn.sent_at or now, tz=zone))
        else:
            reviews.append(None)
    suggestions = suggest(turns, playbook=playbook, now=now, tz=zone)
    payload = {
        "id": conversation.get("id"),
        "track": tracked.to_dict(),
        "turns": [
            {**t.to_dict(), **({"review": r.to_dict()} if r else {})}
            for t, r in zip(turns, reviews, strict=True)
        ],
        "readings": [r.to_dict() for r in tracked.readings],
        "suggestions": [s.to_dict() for s in suggestions],
    }
    return {
        "json": payload,
        "turns": [(t.role, t.text) for t in turns],
        "track": tracked,
        "reviews": reviews,
        "suggestions": suggestions,
    }
