"""Entry point of the `kettle` command.

Each command group lives in its own module with a ``register(subparsers)``
function; heavy imports happen inside the handlers so that ``kettle read`` starts
fast. Every :class:`~kettle.errors.KettleError` becomes one line on stderr and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import NoReturn

from kettle.errors import KettleError

#: Modules that add commands, in the order they appear in ``kettle --help``.
COMMAND_MODULES: tuple[str, ...] = (
    "kettle.cli.analysis_cmds",
    "kettle.cli.eval_cmd",
    "kettle.cli.serve_cmd",
    "kettle.cli.cases_cmds",
    "kettle.cli.demo_cmd",
    "kettle.cli.train_cmd",
    "kettle.cli.qa_cmd",
)


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="kettle",
        description="Takes the heat out of angry-customer conversations.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from kettle import __version__

        print(__version__)
        return 0
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except KettleError as exc:
        print(f"kettle: error: {exc.one_line()}", file=sys.stderr)
        return exc.exit_code
    except (OSError, UnicodeError) as exc:
        print(f"kettle: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
