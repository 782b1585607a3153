"""Errors of the provisioning API client, each with a readable message."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An answer the client cannot use; ``status`` is the HTTP status (0 for no answer at all)."""

    def __init__(self, message: str, status: int = 0, problem: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.problem = problem or {}


class NetworkError(ApiError):
    """The server could not be reached (after the retries), or it kept answering 5xx / 429."""


class AuthError(ApiError):
    """401/403: the token is missing, wrong or revoked — the user must log in again."""


class NotFound(ApiError):
    """404: no such number, revision or media for this company."""


class Withdrawn(ApiError):
    """410: the number was the company's and is no longer (removed, or moved to another company)."""


class PreconditionFailed(ApiError):
    """412: the document changed on the server; ``current`` and ``revision`` are the server's."""

    def __init__(self, message: str, current: Any, revision: int, problem: dict[str, Any]) -> None:
        super().__init__(message, 412, problem)
        self.current = current
        self.revision = revision


class Unprocessable(ApiError):
    """422: the server refused the content; ``errors`` are SPEC §5 problems (may be empty)."""

    def __init__(self, message: str, errors: list[dict[str, Any]], problem: dict[str, Any]) -> None:
        super().__init__(message, 422, problem)
        self.errors = errors


class MalformedResponse(ApiError):
    """The server answered something that is not what the API promises (bad JSON, wrong shape)."""
