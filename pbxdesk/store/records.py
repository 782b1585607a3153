"""Plain records the store hands to the GUI, the CLI and the sync engine (no SQLAlchemy objects leak)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pbxdesk.store.list_rows import NumberSummary, ProfileInfo

__all__ = ["DeployState", "FieldChange", "MediaEntry", "NodeDeployState", "NumberSummary", "OutboxItem",
           "PendingChange", "ProfileInfo"]


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One changed part of a document, in words. ``unit`` is the merge unit (``name``, ``ranges:mon``...)."""

    unit: str
    text_ru: str
    text_en: str

    def text(self, lang: str = "ru") -> str:
        return self.text_en if lang.startswith("en") else self.text_ru


@dataclass(frozen=True, slots=True)
class PendingChange:
    """A number whose saved document is not on the server yet, with what changed since the last sync."""

    number: str
    name: str
    sync_state: str
    base_revision: int | None
    changes: list[FieldChange] = field(default_factory=list)
    attempts: int = 0
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """The one pending operation of a number. ``payload`` is the saved document as JSON data; push it with
    ``If-Match: "r<base_revision>"`` and ``Idempotency-Key: idempotency_key``."""

    number: str
    operation: str  # "put"
    payload: dict[str, Any]
    base_revision: int | None
    idempotency_key: str
    attempts: int
    next_retry_at: float | None
    last_error: str | None


@dataclass(frozen=True, slots=True)
class MediaEntry:
    id: str
    duration_s: float | None
    local_path: str | None


@dataclass(frozen=True, slots=True)
class NodeDeployState:
    """One Asterisk node that does not have a number's current revision live: ``pending`` or ``failed``."""

    node: str
    status: str
    message: str


@dataclass(frozen=True, slots=True)
class DeployState:
    """A number not live on every node at the last sync: ``state`` is ``pending`` (still deploying, a node
    behind or down) or ``failed`` (a node reported a failure); ``nodes`` are the nodes that lack it."""

    number: str
    revision: int
    state: str
    live_on: int
    nodes_total: int
    nodes: tuple[NodeDeployState, ...] = ()
    checked_at: float = 0.0

    @property
    def failed_nodes(self) -> tuple[NodeDeployState, ...]:
        return tuple(n for n in self.nodes if n.status == "failed")
