"""The optional LLM backend: a real local server speaking the OpenAI chat protocol,
and httpx.MockTransport for unit-level checks."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import httpx
import pytest

from kettle.analysis.llm import DraftBackend, prompt_messages, repair
from kettle.analysis.suggestions import suggest, suggest_report
from kettle.analysis.types import Finding, Span, Turn
from kettle.config import Settings
from kettle.errors import LLMError
from kettle.integrations.llm import OpenAICompatibleBackend, backend_from_settings

CONVERSATION = [
    {
        "role": "customer",
        "text": "I paid for express delivery and my parcel still isn't here! I needed it "
        "for a meeting this morning.",
    }
]
CLEAN = "I'm so sorry your parcel hasn't arrived. I will call the courier now and get back " \
        "to you by 3 pm today."
BAD = "Calm down, that's not our policy."


def _completion(*contents: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "model": "fake",
        "choices": [
            {"index": i, "message": {"role": "assistant", "content": c}, "finish_reason": "stop"}
            for i, c in enumerate(contents)
        ],
    }


class FakeServer:
    """A tiny OpenAI-compatible server on 127.0.0.1 with a scripted answer."""

    def __init__(self) -> None:
        self.status = 200
        self.body: bytes = json.dumps(_completion(CLEAN)).encode()
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                fake.requests.append({"path": self.path, **json.loads(self.rfile.read(length))})
                fake.headers.append(dict(self.headers))
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(fake.body)))
                self.end_headers()
                self.wfile.write(fake.body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, status: int, body: dict[str, Any] | bytes) -> None:
        self.status = status
        self.body = body if isinstance(body, bytes) else json.dumps(body).encode()


@pytest.fixture
def fake() -> Iterator[FakeServer]:
    server = FakeServer()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


def test_clean_draft_is_shown_first_as_llm(fake: FakeServer) -> None:
    backend = OpenAICompatibleBackend(fake.url, "fake-model", api_key="sk-test", timeout=5)
    result = suggest_report(CONVERSATION, backend=backend, tz="UTC")
    assert result.problems == []
    first = result.suggestions[0]
    assert first.source == "llm" and first.text == CLEAN
    assert any(s.source == "embedded" for s in result.suggestions)
    request = fake.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["model"] == "fake-model"
    assert request["messages"][0]["role"] == "system"
    assert "express delivery" in request["messages"][1]["content"]
    assert fake.headers[0]["Authorization"] == "Bearer sk-test"


def test_draft_that_breaks_the_method_is_repaired_or_dropped(fake: FakeServer) -> None:
    from kettle.analysis.coach import check

    fake.answer(200, _completion(BAD))
    backend = OpenAICompatibleBackend(fake.url, "fake-model")
    shown = suggest(CONVERSATION, backend=backend, tz="UTC")
    assert all("calm down" not in s.text.lower() for s in shown)
    assert all("policy" not in s.text.lower() for s in shown)
    for s in shown:
        assert check(s.text, conversation=CONVERSATION).anti_patterns == ()
    assert any(s.source == "embedded" for s in shown)


@pytest.mark.parametrize(
    ("status", "body"),
    [(500, {"error": "boom"}), (200, b"<html>not json</html>"), (200, {"choices": []})],
    ids=["http-500", "garbage", "no-choices"],
)
def test_failing_server_falls_back_to_embedded(
    fake: FakeServer, status: int, body: dict[str, Any] | bytes
) -> None:
    fake.answer(status, body)
    backend = OpenAICompatibleBackend(fake.url, "fake-model")
    result = suggest_report(CONVERSATION, backend=backend, tz="UTC")
    assert result.suggestions and all(s.source == "embedded" for s in result.suggestions)
    assert len(result.problems) == 1 and "LLM" in result.problems[0]
    assert len(fake.requests) == 1  # a failing backend is not asked again for every kind


def test_strict_caller_gets_the_error(fake: FakeServer) -> None:
    fake.answer(500, {"error": "boom"})
    backend = OpenAICompatibleBackend(fake.url, "fake-model")
    with pytest.raises(LLMError, match="HTTP 500"):
        suggest(CONVERSATION, backend=backend, strict=True)


def test_unreachable_server_falls_back() -> None:
    backend = OpenAICompatibleBackend("http://127.0.0.1:9/v1", "fake-model", timeout=1)
    result = suggest_report(CONVERSATION, backend=backend)
    assert result.suggestions and result.problems
    assert all(s.source == "embedded" for s in result.suggestions)


def _mock(handler: Any) -> OpenAICompatibleBackend:
    return OpenAICompatibleBackend(
        "https://llm.example/v1/", "m", transport=httpx.MockTransport(handler)
    )


def test_mock_transport_request_shape_and_multiple_choices() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=_completion("First draft.", "  ", "Second draft."))

    turns = [Turn(role="customer", text="My order is late.")]
    drafts = _mock(handler).draft(turns, "plan")
    assert drafts == ["First draft.", "Second draft."]
    assert str(seen[0].url) == "https://llm.example/v1/chat/completions"
    body = json.loads(seen[0].content)
    assert body["model"] == "m" and body["n"] == 1
    assert "exactly what you will do" in body["messages"][1]["content"]
    assert "Authorization" not in seen[0].headers


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(404, json={"error": "no such model"}),
        httpx.Response(200, text="not json"),
        httpx.Response(200, json={"choices": [{"message": {"content": None}}]}),
        httpx.Response(200, json=["a", "list"]),
    ],
)
def test_mock_transport_errors_are_llm_errors(response: httpx.Response) -> None:
    backend = _mock(lambda request: response)
    with pytest.raises(LLMError):
        backend.draft([Turn(role="customer", text="Where is it?")], "reflection")


def test_timeout_is_an_llm_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(LLMError, match="ReadTimeout"):
        _mock(handler).draft([Turn(role="customer", text="Where is it?")], "plan")


def test_backend_satisfies_the_engine_protocol() -> None:
    assert isinstance(OpenAICompatibleBackend("http://x/v1", "m"), DraftBackend)


def test_backend_from_settings_is_off_by_default() -> None:
    assert backend_from_settings(Settings()) is None
    on = backend_from_settings(
        Settings(llm_enabled=True, llm_base_url="http://127.0.0.1:8080/v1", llm_model="qwen",
                 llm_api_key="k", llm_timeout_s=3.0)
    )
    assert on is not None
    assert on.base_url == "http://127.0.0.1:8080/v1" and on.model == "qwen"


def test_prompt_carries_the_method_and_the_transcript() -> None:
    messages = prompt_messages([Turn(role="customer", text="My van never came.")], "reflection")
    assert "calm down" in messages[0]["content"].lower()
    assert "Customer: My van never came." in messages[1]["content"]


def test_repair_replaces_the_offending_sentence_with_the_rewrite() -> None:
    draft = "I'm sorry about the delay. Calm down, please. I will call you by 5 pm."
    start = draft.index("Calm down")
    finding = Finding(
        kind="anti_pattern", name="calm_down", span=Span(start, start + 9, "Calm down"),
        rewrite="I understand how upsetting this is.",
    )
    assert repair(draft, [finding]) == (
        "I'm sorry about the delay. I understand how upsetting this is. I will call you by 5 pm."
    )


# D42's mark on LLM drafts: a draft in another language went through the coach unjudged
# (D38's not_checked), and any draft for a customer who wrote in another language is
# English they cannot be assumed to read: both carry english=False, as the embedded do.
SPANISH = [{"role": "customer", "text": "Llevo tres semanas esperando mi reembolso y nadie "
            "me responde. Es una vergüenza."}]
SPANISH_DRAFT = ("Lamentamos mucho la espera. Voy a revisar su reembolso hoy y le llamo "
                 "antes de las 15:00.")


def test_english_draft_for_english_customer_is_english(fake: FakeServer) -> None:
    backend = OpenAICompatibleBackend(fake.url, "fake-model")
    shown = suggest(CONVERSATION, backend=backend, tz="UTC")
    assert [s.english for s in shown if s.source == "llm"] and all(s.english for s in shown)


def test_foreign_draft_for_english_customer_is_marked(fake: FakeServer) -> None:
    fake.answer(200, _completion(SPANISH_DRAFT))
    backend = OpenAICompatibleBackend(fake.url, "fake-model")
    shown = suggest(CONVERSATION, backend=backend, tz="UTC")
    drafts = [s for s in shown if s.source == "llm"]
    assert drafts and all(s.text == SPANISH_DRAFT and not s.english for s in drafts)
    assert all(s.english for s in shown if s.source == "embedded")


@pytest.mark.parametrize("draft", [SPANISH_DRAFT, CLEAN], ids=["spanish-draft", "english-draft"])
def test_any_draft_for_a_foreign_customer_is_marked(fake: FakeServer, draft: str) -> None:
    fake.answer(200, _completion(draft))
    backend = OpenAICompatibleBackend(fake.url, "fake-model")
    shown = suggest(SPANISH, backend=backend, tz="UTC")
    assert any(s.source == "llm" for s in shown)
    assert all(not s.english for s in shown)
    assert all(s.to_dict()["english"] is False for s in shown if s.source == "llm")
