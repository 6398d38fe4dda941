"""A draft backend over any OpenAI-compatible chat API (OpenAI, vLLM, llama.cpp, Ollama).

It speaks the standard ``POST {base_url}/chat/completions`` protocol through
httpx and implements :class:`kettle.analysis.llm.DraftBackend`. Every failure
(network, HTTP status, a body that is not the expected JSON) becomes one
:class:`~kettle.errors.LLMError`, which :func:`kettle.analysis.suggestions.suggest`
reports and falls back from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

from kettle.analysis.llm import DraftKind, prompt_messages
from kettle.analysis.types import Turn
from kettle.config import Settings
from kettle.errors import LLMError


class OpenAICompatibleBackend:
    """Drafts replies with a chat-completions endpoint."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 20.0,
        *,
        n: int = 1,
        temperature: float = 0.4,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.n = n
        self.temperature = temperature
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(timeout=timeout, headers=headers, transport=transport)

    def __repr__(self) -> str:
        return f"OpenAICompatibleBackend(base_url={self.base_url!r}, model={self.model!r})"

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> OpenAICompatibleBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def draft(self, turns: Sequence[Turn], kind: DraftKind) -> list[str]:
        return self.chat(prompt_messages(turns, kind))

    def chat(self, messages: list[dict[str, str]]) -> list[str]:
        """The answers (one per choice) to chat ``messages``; raises :class:`LLMError`."""
        body = {
            "model": self.model,
            "messages": messages,
            "temperature": self.temperature,
            "n": self.n,
        }
        url = f"{self.base_url}/chat/completions"
        try:
            response = self._client.post(url, json=body)
        except httpx.HTTPError as exc:
            raise LLMError(f"LLM request to {url} failed: {type(exc).__name__}: {exc}") from None
        if response.status_code != 200:
            raise LLMError(f"LLM at {url} answered HTTP {response.status_code}")
        try:
            return _contents(response.json())
        except ValueError as exc:
            raise LLMError(f"LLM at {url} answered something unusable: {exc}") from None


def _contents(data: Any) -> list[str]:
    """The message texts of a chat-completions response body."""
    if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
        raise ValueError("no 'choices' list in the response")
    texts: list[str] = []
    for choice in data["choices"]:
        message = choice.get("message") if isinstance(choice, dict) else None
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, str) and content.strip():
            texts.append(content.strip())
    if not texts:
        raise ValueError("no message content in the choices")
    return texts


def backend_from_settings(settings: Settings) -> OpenAICompatibleBackend | None:
    """The configured backend, or None when the LLM is switched off (the default)."""
    if not settings.llm_enabled:
        return None
    return OpenAICompatibleBackend(
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        api_key=settings.llm_api_key,
        timeout=settings.llm_timeout_s,
    )
