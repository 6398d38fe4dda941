"""Errors of the workflow (cases, promises, follow-ups, concessions)."""

from __future__ import annotations

from kettle.errors import KettleError


class NotFound(KettleError):
    """A case, message, promise, user… that does not exist (API: 404)."""

    code = "E601"


class IllegalTransition(KettleError):
    """A stage or state change the transition table does not allow (API: 409)."""

    code = "E602"


class Conflict(KettleError):
    """A duplicate or otherwise conflicting request (API: 409)."""

    code = "E603"


class WorkflowInputError(KettleError):
    """A field value the workflow cannot accept (API: 422)."""

    code = "E604"


class ApprovalRequired(KettleError):
    """A concession above the customer's tier without an approver (API: 403)."""

    code = "E605"


class StorageError(KettleError):
    """The database cannot be used: unreachable, or not migrated (run `kettle db upgrade`)."""

    code = "E606"
    exit_code = 3
