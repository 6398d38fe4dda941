"""Error types with stable codes and helpful messages.

Every error Kettle raises on bad input is a :class:`KettleError`. It carries a
stable machine-readable ``code``, a human ``message`` and, where it applies, the
``field`` that was wrong and the valid ``choices``. The CLI prints it as one line
and exits non-zero; the API turns it into a 4xx body.
"""

from __future__ import annotations

from collections.abc import Iterable


class KettleError(Exception):
    """Base class for every error Kettle reports to a user."""

    code = "E000"
    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        choices: Iterable[str] | None = None,
    ) -> None:
        self.message = message
        self.field = field
        self.choices = tuple(choices) if choices is not None else ()
        super().__init__(self.one_line())

    def one_line(self) -> str:
        text = f"[{self.code}] {self.message}"
        if self.field:
            text += f" (field: {self.field})"
        if self.choices:
            text += f"; valid choices: {', '.join(self.choices)}"
        return text

    def to_dict(self) -> dict[str, object]:
        body: dict[str, object] = {"code": self.code, "message": self.message, "field": self.field}
        if self.choices:
            body["choices"] = list(self.choices)
        return body


class InvalidInput(KettleError):
    """Input text or structure that the engine cannot work with."""

    code = "E100"


class EmptyText(InvalidInput):
    code = "E101"


class TextTooLong(InvalidInput):
    code = "E102"


class InvalidConversation(InvalidInput):
    code = "E103"


class UnknownTimeZone(InvalidInput):
    code = "E104"


class InvalidTime(InvalidInput):
    code = "E105"


class PlaybookError(KettleError):
    """A playbook file that does not validate."""

    code = "E200"


class DataFileError(KettleError):
    """A data file (JSON, JSONL) that cannot be read: names the line and the field."""

    code = "E300"


class ModelError(KettleError):
    """A shipped model that is missing or corrupt (a packaging bug, not user input)."""

    code = "E400"
    exit_code = 3


class LLMError(KettleError):
    """The optional LLM backend failed or answered something unusable."""

    code = "E500"
