"""The simulator's errors: stable codes, the file and field that were wrong, the choices."""

from __future__ import annotations

from kettle.errors import KettleError


class ScenarioError(KettleError):
    """A scenario file that does not validate (the message names the file and the field)."""

    code = "E801"


class UnknownScenario(KettleError):
    """A scenario id that is not in the library."""

    code = "E802"


class SessionOver(KettleError):
    """A reply sent to a training session that has already ended."""

    code = "E803"


class TrainingInputError(KettleError):
    """A bad reply or option given to a training session."""

    code = "E804"
