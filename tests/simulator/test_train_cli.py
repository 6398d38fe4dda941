"""`kettle train`: the list, the history and a session typed into a pseudo-terminal."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

from kettle.simulator.scenarios import library
from tests.simulator.trainees import DOUBT_AND_POLICY, METHOD

KETTLE = str(Path(sys.executable).with_name("kettle"))
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def kettle(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KETTLE, *args], capture_output=True, text=True, timeout=120,
                          check=False)


def test_list_prints_one_scenario_per_line() -> None:
    result = kettle("train", "--list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(library()) >= 12
    assert [line.split()[0] for line in lines] == [s.id for s in library()]


def test_unknown_scenario_is_a_one_line_error() -> None:
    result = kettle("train", "no-such-scenario", "--no-save")
    assert result.returncode != 0
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and "E802" in lines[0] and "courier-express" in lines[0]


class Terminal:
    """A child process on a pseudo-terminal: type lines, wait for output."""

    def __init__(self, argv: list[str]) -> None:
        self.master, slave = pty.openpty()
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "110", "LINES": "40"}
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     close_fds=True)
        os.close(slave)
        self.output = ""
        self.closed = False

    def _read(self, wait: float) -> None:
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the child has closed the terminal
            chunk = b""
        if not chunk:
            self.closed = True
        self.output += chunk.decode("utf-8", "replace")

    def expect(self, pattern: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while not re.search(pattern, self.text):
            left = deadline - time.monotonic()
            if left <= 0 or self.closed:
                raise AssertionError(f"no {pattern!r} in:\n{self.text[-3000:]}")
            self._read(min(left, 0.5))
        return self.text

    def prompts(self) -> int:
        return len(re.findall(r"(?:you|call back)> ", self.text))

    def reply(self, line: str, timeout: float = 60.0) -> None:
        """Type a reply and wait for the next prompt (or the end of the session)."""
        seen = self.prompts()
        os.write(self.master, (line + "\r").encode())
        deadline = time.monotonic() + timeout
        while self.prompts() <= seen and "debrief" not in self.text:
            if time.monotonic() > deadline or self.closed:
                raise AssertionError(f"no answer to {line!r} in:\n{self.text[-3000:]}")
            self._read(0.5)

    def finish(self, timeout: float = 60.0) -> int:
        """Read everything until the child exits; its exit code."""
        deadline = time.monotonic() + timeout
        while not self.closed and time.monotonic() < deadline:
            self._read(0.5)
        code = self.proc.wait(timeout=max(deadline - time.monotonic(), 1))
        os.close(self.master)
        return code

    @property
    def text(self) -> str:
        return ANSI.sub("", self.output).replace("\r", "")


def _session(argv: list[str], replies: list[str]) -> tuple[str, int]:
    term = Terminal([KETTLE, "train", *argv])
    try:
        term.expect(r"you> ")
        for reply in replies:
            term.reply(reply)
        code = term.finish()
        return term.text, code
    except BaseException:
        term.proc.kill()
        raise


def test_a_method_session_in_the_terminal_cools_resolves_and_is_saved(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 't.sqlite'}"
    text, code = _session(["shoe-return-no-box", "--seed", "1", "--trainee", "ana",
                           "--url", url], METHOD["shoe-return-no-box"])
    assert code == 0, text
    assert "The shoe returned without its box" in text
    assert "customer: You refused my refund" in text
    assert "°C" in text and "named the feeling" in text
    assert "The customer accepted your solution" in text
    assert "outcome: resolved" in text and "method score:" in text
    assert "Show you are on their side" in text  # the QA scorecard's steps
    history = kettle("train", "--history", "--trainee", "ana", "--url", url)
    assert history.returncode == 0, history.stderr
    assert "shoe-return-no-box" in history.stdout and "resolved" in history.stdout
    assert "ana: 1 sessions, 1 resolved" in history.stdout


def test_a_hang_up_in_the_terminal_asks_for_a_callback(tmp_path: Path) -> None:
    term = Terminal([KETTLE, "train", "shoe-return-no-box", "--no-save", "--pressure", "600"])
    try:
        term.expect(r"Pressure mode: 600 s per reply")
        term.expect(r"you> ")
        term.reply(DOUBT_AND_POLICY[0])
        assert "doubt turns the heat up" in term.text
        term.reply(DOUBT_AND_POLICY[1])
        text = term.expect(r"call back> ")
        assert "The customer hung up" in text and "*hangs up*" in text
        term.reply("/end")
        code = term.finish()
    except BaseException:
        term.proc.kill()
        raise
    text = term.text
    assert code == 0, text
    assert "outcome: hung_up" in text
    assert "worst reply" in text and "try: " in text


def test_history_on_an_empty_database(tmp_path: Path) -> None:
    result = kettle("train", "--history", "--url", f"sqlite:///{tmp_path / 'e.sqlite'}")
    assert result.returncode == 0, result.stderr
    assert "no saved training sessions" in result.stdout
