"""The push journal: which payloads may have reached the server without the client hearing back.

Before a push batch, the engine records for every item ``(base revision, SHA-256 of the payload, key)``
in ``sync-journal.json`` in the profile, in one durable write per sync run (the file rewritten, pruned);
a payload pushed again after a merge (a 412) is appended as one more line, so a push meeting many conflicts
costs one short fsynced append per conflict, not a rewrite of the whole journal. The file holds one JSON
object per line ``{"number", "base", "sha", "key"}`` (a torn last line, from a crash, is ignored; the older
one-object form is still read). If the answer is lost (server
killed, connection cut, garbage) and the user saves again before the next sync, the outbox no longer holds
the old payload; when the next pull then meets a server revision ``base + 1`` whose content is exactly a
journalled payload, it is recognised as our own earlier push (``store.mark_pushed`` with the old key), not
as someone else's change, so it never shows up as a false conflict. Entries whose base revision is behind
the number's stored revision are pruned.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from pbxdesk.domain.document import to_canonical_dict
from pbxdesk.domain.models import RoutingDocument

JOURNAL_FILE = "sync-journal.json"
KEEP_PER_NUMBER = 8


def payload_hash(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class PushJournal:
    def __init__(self, profile_dir: Path | str) -> None:
        self.path = Path(profile_dir) / JOURNAL_FILE
        self.entries: dict[str, list[dict[str, Any]]] = self._load()

    def _load(self) -> dict[str, list[dict[str, Any]]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, ValueError):
            return {}
        try:
            whole = json.loads(text)
        except ValueError:
            whole = None
        if isinstance(whole, dict) and "number" not in whole:  # the older form: {number: [entries]}
            return {str(k): [e for e in v if isinstance(e, dict)] for k, v in whole.items() if isinstance(v, list)}
        entries: dict[str, list[dict[str, Any]]] = {}
        for line in text.splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                continue  # a line torn by a crash
            if isinstance(item, dict) and isinstance(item.get("number"), str):
                number = item.pop("number")
                entries.setdefault(number, []).append(item)
        return entries

    def add(self, number: str, base: int | None, payload: Any, key: str) -> None:
        """Remember one more payload about to be pushed (after a merge): one fsynced append."""
        entry = {"base": base, "sha": payload_hash(payload), "key": key}
        kept = [e for e in self.entries.get(number, []) if e != entry]
        self.entries[number] = (kept + [entry])[-KEEP_PER_NUMBER:]
        line = json.dumps({"number": number, **entry}, separators=(",", ":")) + "\n"
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)

    def record(self, items: list[tuple[str, int | None, Any, str]], revisions: dict[str, int | None]) -> None:
        """Remember ``(number, base_revision, payload, key)`` of the items about to be pushed and prune
        what ``revisions`` (number -> stored revision) shows as settled; one fsynced write."""
        for number, base, payload, key in items:
            entry = {"base": base, "sha": payload_hash(payload), "key": key}
            kept = [e for e in self.entries.get(number, []) if e != entry]
            self.entries[number] = (kept + [entry])[-KEEP_PER_NUMBER:]
        for number in list(self.entries):
            current = revisions.get(number)
            alive = [e for e in self.entries[number]
                     if number in revisions and (current is None or e["base"] is None or e["base"] >= current)]
            if alive:
                self.entries[number] = alive
            else:
                del self.entries[number]
        self._write()

    def own_push(self, number: str, revision: int, theirs: RoutingDocument) -> str | None:
        """The idempotency key under which ``theirs`` at ``revision`` was pushed by us, if it was."""
        sha = payload_hash(to_canonical_dict(theirs))
        for entry in reversed(self.entries.get(number, [])):
            base = entry.get("base")
            if entry.get("sha") == sha and (base or 0) + 1 == revision:
                return str(entry.get("key"))
        return None

    def _write(self) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        data = "".join(json.dumps({"number": number, **entry}, separators=(",", ":")) + "\n"
                       for number, entries in self.entries.items() for entry in entries).encode("utf-8")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, self.path)
