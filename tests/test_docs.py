"""Every documented example runs: `$ kettle …` lines and ```python blocks in README and docs.

The commands of one document run in document order (a doc may create a database
before it lists cases), against a fresh SQLite file per document. `kettle eval`
commands re-run whole evaluations, so they belong to the slow suite.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
KETTLE = str(Path(sys.executable).with_name("kettle"))
FENCE = re.compile(r"```(console|python)\n(.*?)```", re.DOTALL)


def _blocks(doc: Path) -> list[tuple[str, str]]:
    return FENCE.findall(doc.read_text(encoding="utf-8"))


def _commands(doc: Path) -> list[str]:
    return [
        line[2:]
        for lang, body in _blocks(doc)
        if lang == "console"
        for line in body.splitlines()
        if line.startswith("$ kettle ")
    ]


DOC_COMMANDS = [(doc, _commands(doc)) for doc in DOCS if _commands(doc)]
PYTHON = [(doc.name, body) for doc in DOCS for lang, body in _blocks(doc) if lang == "python"]


def _run_all(doc: Path, commands: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "KETTLE_DATABASE_URL": f"sqlite:///{tmp_path / 'docs.sqlite'}"}
    for command in commands:
        argv = shlex.split(command, comments=True)
        result = subprocess.run([KETTLE, *argv[1:]], cwd=REPO, env=env, capture_output=True,
                                text=True, timeout=900, check=False)
        assert result.returncode == 0, f"{doc.name}: {command}\n{result.stderr[-2000:]}"


def test_docs_have_examples() -> None:
    assert sum(len(c) for _, c in DOC_COMMANDS) >= 5
    assert PYTHON


@pytest.mark.parametrize(("doc", "commands"), DOC_COMMANDS, ids=[d.name for d, _ in DOC_COMMANDS])
def test_documented_commands_run(
    doc: Path, commands: list[str], tmp_path: Path, shared_data: Path
) -> None:
    _run_all(doc, [c for c in commands if not c.startswith("kettle eval")], tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize(("doc", "commands"), DOC_COMMANDS, ids=[d.name for d, _ in DOC_COMMANDS])
def test_documented_evaluations_run(
    doc: Path, commands: list[str], tmp_path: Path, shared_data: Path
) -> None:
    _run_all(doc, [c for c in commands if c.startswith("kettle eval")], tmp_path)


@pytest.mark.parametrize(("doc", "code"), PYTHON, ids=[f"{d}#{i}" for i, (d, _) in
                                                       enumerate(PYTHON)])
def test_documented_python_runs(doc: str, code: str, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETTLE_DATABASE_URL", f"sqlite:///{tmp_path / 'docs.sqlite'}")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, doc, "exec"), {"__name__": "__doc_example__"})


def test_evaluation_page_matches_the_committed_figures() -> None:
    result = subprocess.run([sys.executable, "scripts/build_evaluation_doc.py", "--check"],
                            cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
