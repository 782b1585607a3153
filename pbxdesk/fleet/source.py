"""What a node agent reads from the provisioning service and sends back, independent of how it gets there
(HTTP for ``pbxdesk node-agent``: :mod:`.http_source`; the database for the agent inside ``pbxdesk serve``:
:mod:`.local_source`). Both parse the same JSON answers with :func:`parse_documents`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Protocol

from pbxdesk.domain.models import Directory


class SourceError(Exception):
    """The service cannot be reached or answered an error; the agent retries later."""


class NodeRemoved(SourceError):
    """The node's credential is unknown or revoked: the agent stops."""


class NotAvailable(SourceError):
    """One item (a media master, a TTS prompt) cannot be had: the numbers needing it fail, the rest goes on."""


@dataclass(frozen=True)
class FeedEntry:
    seq: int
    kind: str  # "number" | "company"
    company: int
    number: str | None
    revision: int | None
    deleted: bool = False  # the number was removed: its dialplan goes


@dataclass(frozen=True)
class FeedPage:
    entries: list[FeedEntry]
    next: int
    has_more: bool


@dataclass(frozen=True)
class NodeState:
    """What this node last reported for a number."""

    revision: int
    directory_revision: int
    ok: bool


@dataclass(frozen=True)
class NumberDocument:
    number: str
    company: int
    revision: int
    document: dict[str, Any]
    node: NodeState | None


@dataclass
class Documents:
    found: dict[str, NumberDocument] = field(default_factory=dict)
    deleted: list[str] = field(default_factory=list)
    directories: dict[int, tuple[int, Directory]] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    number: str
    revision: int
    directory_revision: int
    ok: bool
    message: str

    def as_json(self) -> dict[str, Any]:
        return {"number": self.number, "revision": self.revision, "directory_revision": self.directory_revision,
                "ok": self.ok, "message": self.message}


class FeedSource(Protocol):
    node_name: str

    def head(self) -> int: ...

    def feed(self, since: int, limit: int, wait_s: float) -> FeedPage: ...

    def numbers(self, after: str, limit: int, company: int | None = None) -> tuple[list[str], bool]: ...

    def documents(self, numbers: list[str]) -> Documents: ...

    def media(self, media_id: str) -> bytes: ...

    def tts(self, text: str, voice: str) -> bytes: ...

    def report(self, reports: list[Report], cursor: int | None) -> None: ...


def parse_feed(data: Any) -> FeedPage:
    try:
        entries = [FeedEntry(int(e["seq"]), str(e["kind"]), int(e["company"]),
                             None if e.get("number") is None else str(e["number"]),
                             None if e.get("revision") is None else int(e["revision"]),
                             bool(e.get("deleted", False))) for e in data["entries"]]
        return FeedPage(entries, int(data["next"]), bool(data["has_more"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise SourceError(f"malformed deployment feed: {exc}") from exc


def parse_numbers(data: Any) -> tuple[list[str], bool]:
    try:
        return [str(n["number"]) for n in data["numbers"]], bool(data["has_more"])
    except (KeyError, TypeError, ValueError) as exc:
        raise SourceError(f"malformed number list: {exc}") from exc


def parse_documents(raw: bytes) -> Documents:
    try:
        data = json.loads(raw)
        out = Documents()
        for company, item in data["directories"].items():
            out.directories[int(company)] = (int(item["revision"]), Directory.model_validate(item["directory"]))
        for item in data["numbers"]:
            if item.get("deleted"):
                out.deleted.append(str(item["number"]))
                continue
            node = item.get("node")
            state = None if node is None else NodeState(int(node["revision"]), int(node["directory_revision"]),
                                                        bool(node["ok"]))
            out.found[str(item["number"])] = NumberDocument(str(item["number"]), int(item["company"]),
                                                            int(item["revision"]), dict(item["document"]), state)
        return out
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SourceError(f"malformed documents answer: {str(exc).splitlines()[0]}") from exc
