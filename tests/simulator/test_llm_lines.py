"""LLM customer lines against a local fake OpenAI-compatible server: used when they pass
the checks, scripted lines when they do not or when the server fails."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest

from kettle.integrations.llm import OpenAICompatibleBackend
from kettle.simulator.lines import LineRequest, LineSource, LLMLines, ScriptedLines, vet_line
from kettle.simulator.runner import Session
from kettle.simulator.scenarios import get

GOOD_HOT = "I don't want excuses. My parcel was supposed to be here this morning and it ISN'T!"


class FakeChat:
    """A local server speaking POST /v1/chat/completions with scripted contents."""

    def __init__(self) -> None:
        self.contents: list[str] = [GOOD_HOT]
        self.status = 200
        self.requests: list[dict[str, Any]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                fake.requests.append({"path": self.path, **json.loads(self.rfile.read(length))})
                body = json.dumps({"choices": [
                    {"index": i, "message": {"role": "assistant", "content": c}}
                    for i, c in enumerate(fake.contents)
                ]}).encode()
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)


@pytest.fixture
def fake() -> Iterator[FakeChat]:
    server = FakeChat()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


def _lines(fake: FakeChat) -> LLMLines:
    return LLMLines(OpenAICompatibleBackend(fake.url, "fake", timeout=5),
                    fallback=ScriptedLines(0))


def test_a_good_llm_line_is_used_and_the_prompt_plays_the_customer(fake: FakeChat) -> None:
    lines = _lines(fake)
    assert isinstance(lines, LineSource)
    session = Session(get("courier-express"), lines=lines)
    assert session.opening.source == "llm" and session.opening.text == GOOD_HOT
    request = fake.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["model"] == "fake"
    system = request["messages"][0]["content"]
    assert "James Okafor" in system and "Never act as the agent" in system
    exchange = session.reply("Can I have your order number please?")
    assert exchange.customer.source == "llm"
    assert "Can I have your order number" in fake.requests[1]["messages"][1]["content"]
    assert lines.problems == []


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("I'm sorry for the trouble. I will call the depot and get back to you by 3 pm.",
         "agent"),
        ("As an AI language model, I cannot pretend to be a customer.", "AI"),
        ("Customer: " + "blah " * 120, "longer"),
    ],
    ids=["agent-promise", "ai", "too-long"],
)
def test_an_unusable_llm_line_falls_back_to_the_script(fake: FakeChat, content: str,
                                                      why: str) -> None:
    fake.contents = [content]
    lines = _lines(fake)
    session = Session(get("courier-express"), lines=lines)
    assert session.opening.source == "scripted"
    assert session.opening.text in get("courier-express").lines("opening")
    assert session.opening.problem and why in session.opening.problem
    assert lines.problems


def test_a_calm_line_for_a_boiling_customer_is_rejected(fake: FakeChat) -> None:
    scenario = get("courier-express")
    request = LineRequest(scenario, "venting", 92.0, ())
    calm = "Thank you so much, that's lovely, all sorted now."
    assert "too calm" in (vet_line(calm, request) or "")
    assert vet_line(GOOD_HOT, request) is None
    threat = "I'm cancelling and I'll see you in court."
    assert vet_line(threat, LineRequest(scenario, "accept", 40.0, ())) is not None
    fake.contents = [calm, GOOD_HOT]  # the first choice fails the check, the second is used
    line = _lines(fake).line(request)
    assert line.source == "llm" and line.text == GOOD_HOT


def test_a_failing_server_falls_back(fake: FakeChat) -> None:
    fake.status = 500
    lines = _lines(fake)
    session = Session(get("shoe-return-no-box"), lines=lines)
    assert session.opening.source == "scripted"
    assert "LLM failed" in (session.opening.problem or "") and "500" in lines.problems[0]


def test_hang_up_lines_stay_scripted(fake: FakeChat) -> None:
    lines = _lines(fake)
    line = lines.line(LineRequest(get("shoe-return-no-box"), "hang_up", 99.0, ()))
    assert line.source == "scripted" and fake.requests == []
