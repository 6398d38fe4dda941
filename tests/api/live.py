"""A real `kettle serve` process on a free loopback port, for the end-to-end tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def spawn(args: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """``python -m kettle.cli.main ARGS`` with stdout and stderr appended to ``log``."""
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", "kettle.cli.main", *args],
                                stdout=out, stderr=subprocess.STDOUT, env=env)


def wait_healthy(proc: subprocess.Popen[bytes], url: str, log: Path, timeout: float,
                 label: str) -> None:
    """Wait until ``url``/healthz answers 200; stop ``proc`` and raise if it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{label} exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(url + "/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    stop_process(proc)
    raise RuntimeError(f"{label} did not start in {timeout}s: {log.read_text()[-2000:]}")


def stop_process(proc: subprocess.Popen[bytes] | None) -> None:
    """Terminate politely, then kill when it does not exit within 15 s."""
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)

class LiveServer:
    """``kettle serve`` as a subprocess; ``kill()`` is SIGKILL (a crash), ``stop()`` is polite."""

    def __init__(self, database_url: str, log: Path, env: dict[str, str] | None = None) -> None:
        self.database_url = database_url
        self.log = log
        self.extra_env = env or {}
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> LiveServer:
        env = {**os.environ, "KETTLE_DATABASE_URL": self.database_url, **self.extra_env}
        self.proc = spawn(["serve", "--host", "127.0.0.1", "--port", str(self.port),
                           "--log-level", "warning"], self.log, env)
        wait_healthy(self.proc, self.url, self.log, timeout, "server")
        return self

    def __enter__(self) -> LiveServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        stop_process(self.proc)

    def client(self, token: str | None = None, **kwargs: Any) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60.0, **kwargs)


def create_user(database_url: str, role: str, name: str, team: str | None = "north"
                ) -> tuple[int, str]:
    """A user and token made with `kettle users create` (the admin bootstrap)."""
    env = {**os.environ, "KETTLE_DATABASE_URL": database_url}
    args = ["users", "create", "--role", role, "--name", name]
    if team:
        args += ["--team", team]
    done = subprocess.run([sys.executable, "-m", "kettle.cli.main", *args], env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    first, token = done.stdout.strip().splitlines()[-2:]
    return int(first.split()[1]), token.strip()
