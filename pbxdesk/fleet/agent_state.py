"""What a node agent keeps on its node, next to the files it deploys (``ROOT/.pbxdesk-agent.json``): the
feed position it has deployed (its cursor) and the node it deployed as. Written atomically after each
batch; an agent that finds no cursor (a new node, or files of another node) starts from a snapshot of
every number. ``ROOT/.pbxdesk-agent.lock`` is held (``flock``) while an agent runs: one agent per root."""

from __future__ import annotations

import fcntl
import json
from pathlib import Path
from typing import IO

from pbxdesk.backend.asterisk.files import atomic_write

STATE_FILE = ".pbxdesk-agent.json"
AGENT_LOCK = ".pbxdesk-agent.lock"


class AgentBusy(Exception):
    """Another agent already deploys into this root."""


class AgentState:
    def __init__(self, root: Path, node_name: str) -> None:
        self.root = Path(root)
        self.node_name = node_name
        self.cursor: int | None = None
        self._lock: IO[bytes] | None = None

    @property
    def path(self) -> Path:
        return self.root / STATE_FILE

    def acquire(self) -> AgentState:
        """Take the root for this agent (AgentBusy when another one has it) and read the cursor."""
        self.root.mkdir(parents=True, exist_ok=True)
        fh = open(self.root / AGENT_LOCK, "a+b")
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            raise AgentBusy(f"another node agent is deploying into {self.root}") from None
        self._lock = fh
        self.cursor = self._read()
        return self

    def release(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing drops the flock
            self._lock = None

    def _read(self) -> int | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("node") != self.node_name:
            return None  # files of another node (or none): start from a snapshot
        cursor = data.get("cursor")
        return cursor if isinstance(cursor, int) and cursor >= 0 else None

    def save(self, cursor: int) -> None:
        text = json.dumps({"node": self.node_name, "cursor": cursor}) + "\n"
        atomic_write(self.path, text.encode("utf-8"))
        self.cursor = cursor
