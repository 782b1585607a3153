"""The node agent: keeps one Asterisk's dialplan and prompts current by following the deployment feed.

One step: read the feed from the agent's cursor (long poll), gather the numbers it names (a ``company``
entry means every number of that company: its directory changed), and deploy them in batches of at most
``batch`` numbers. A batch fetches the *current* revision of each number with its company's directory,
compiles it with this node's Asterisk settings, fetches the prompts the node lacks (by content hash) and
writes every changed file atomically (:class:`~pbxdesk.backend.asterisk.files.DialplanFiles`). Then the
reload command runs once for the whole step (or for every ``flush_every`` numbers of a long one: Asterisk
reloads its whole dialplan each time, so fewer reloads are faster), and one outcome is reported per
number and revision. A number already live on this node (the service says so and the file on disk is
exactly what would be written) is skipped: a step repeated after a crash writes, reloads and reports
only what had not been reported.

The cursor moves (``.pbxdesk-agent.json``) only after every batch of the step is reported, so a crash or a
network failure repeats the step. A failing reload is reported as failed for every number of the batch and
the step is retried with a growing delay until the reload works. Without a cursor (a new node) the agent
deploys every number (a snapshot) and continues from the feed position read before it started.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pbxdesk.backend.asterisk.compiler import CompileError, SoundSource, compile_routing
from pbxdesk.backend.asterisk.files import DialplanFiles, number_file
from pbxdesk.backend.asterisk.settings import AsteriskSettings, SettingsError, load_settings
from pbxdesk.backend.asterisk.writer import reload_asterisk
from pbxdesk.domain.document import from_dict
from pbxdesk.fleet.agent_state import AgentState
from pbxdesk.fleet.source import (
    FeedEntry,
    FeedSource,
    NodeRemoved,
    NotAvailable,
    NumberDocument,
    Report,
    SourceError,
)

log = logging.getLogger("pbxdesk.fleet.agent")
REPORTS_PER_REQUEST = 1000


@dataclass
class AgentConfig:
    root: Path
    reload_command: list[str] | None = None
    settings_path: Path | None = None
    batch: int = 500       # numbers fetched and written at once
    flush_every: int = 5000  # at most this many numbers wait for one reload and their reports
    page: int = 1000       # feed entries read at once
    wait_s: float = 25.0   # long poll
    settle_s: float = 0.2  # once changes come, gather those that follow for this long (one batch for a burst)
    retry_max_s: float = 30.0


class ReloadFailed(Exception):
    """The reload command failed: the batch was reported failed; the step is retried."""


@dataclass
class _Todo:
    number: str
    revision: int
    directory_revision: int
    content: bytes
    sounds: list[str]
    changed: bool


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class Agent:
    def __init__(self, source: FeedSource, config: AgentConfig, *,
                 on_step: Callable[[str], None] | None = None) -> None:
        self.source = source
        self.config = config
        self.files = DialplanFiles(config.root, on_step=on_step)
        self.on_step = on_step
        self.state = AgentState(config.root, source.node_name)
        self.settings: AsteriskSettings | None = None
        self.settings_error = ""
        try:
            self.settings = load_settings(config.settings_path)
        except SettingsError as exc:
            self.settings_error = str(exc)
        self.batches = 0
        self.busy = False  # True while a step deploys (False while it waits for the feed)
        self._written: list[_Todo] = []     # written (or already in place) since the last reload
        self._failed: list[Report] = []     # could not be deployed (compile error, missing prompt)
        self._reload_needed = False

    # -- the loop ------------------------------------------------------------------------------------
    def prepare(self) -> None:
        """Before the first batch: the include file Asterisk loads exists (empty of numbers at first)."""
        with self.files.locked():
            self.files.ensure_layout()

    def run(self, stop: threading.Event) -> None:
        """Follow the feed until ``stop`` is set; NodeRemoved ends it (the credential was revoked)."""
        self.prepare()
        delay = 0.0
        while not stop.is_set():
            try:
                self.step(stop)
                delay = 0.0
            except NodeRemoved:
                raise
            except (SourceError, ReloadFailed, OSError) as exc:
                delay = min(self.config.retry_max_s, max(0.5, delay * 2))
                log.warning("node %s: %s; trying again in %.1f s", self.source.node_name, exc, delay)
                stop.wait(delay)

    def step(self, stop: threading.Event | None = None, wait_s: float | None = None) -> bool:
        """Deploy what the feed has after the cursor (waiting up to ``wait_s`` for it); True when something
        was processed."""
        if self.state.cursor is None:
            self.snapshot()
            return True
        wait = self.config.wait_s if wait_s is None else wait_s
        page = self.source.feed(self.state.cursor, self.config.page, 0.0 if stop is not None and stop.is_set()
                                else wait)
        if not page.entries:
            return False
        if self.config.settle_s > 0 and not page.has_more and wait > 0:
            # A change seldom comes alone (a sync pushes many, an editor saves again): deploying what came
            # in the next moment too costs one batch, one reload and one report instead of many.
            time.sleep(self.config.settle_s)
            page = self.source.feed(self.state.cursor, self.config.page, 0.0)
        self.busy = True
        try:
            self._deploy_page(page.entries)
            self.flush(page.next)
            self.state.save(page.next)
        finally:
            self.busy = False
            self._written, self._failed, self._reload_needed = [], [], False
        return True

    def _deploy_page(self, entries: list[FeedEntry]) -> None:
        companies = list(dict.fromkeys(e.company for e in entries if e.kind == "company"))
        numbers = list(dict.fromkeys(e.number for e in entries
                                     if e.kind == "number" and e.number and e.company not in companies))
        for chunk in _chunks(numbers, self.config.batch):
            self.deploy_batch(chunk)
        for company in companies:
            self.deploy_company(company)

    def catch_up(self) -> None:
        """Deploy everything up to the feed's head now (``pbxdesk node-agent --once``)."""
        self.prepare()
        head = self.source.head()
        while self.state.cursor is None or self.state.cursor < head:
            if not self.step(wait_s=0.0):
                break

    def snapshot(self) -> None:
        """Deploy every number (a node without a cursor), remove files of numbers the service no longer
        has, and continue from the feed position read first."""
        self.busy = True
        try:
            self._snapshot()
        finally:
            self.busy = False
            self._written, self._failed, self._reload_needed = [], [], False

    def _snapshot(self) -> None:
        head = self.source.head()
        log.info("node %s: deploying every number (snapshot at feed position %d)", self.source.node_name, head)
        seen: set[str] = set()
        after = ""
        while True:
            listed, more = self.source.numbers(after, self.config.batch)
            if listed:
                self.deploy_batch(listed)
                seen.update(listed)
                after = listed[-1]
            if not more:
                break
        stale = [n for n in self.files.deployed_numbers() if n not in seen]
        if stale:
            with self.files.locked():
                self.files.write({}, {}, stale)
            self._reload_needed = True
        self.flush(head)
        self.state.save(head)

    def deploy_company(self, company: int) -> None:
        after = ""
        while True:
            listed, more = self.source.numbers(after, self.config.batch, company)
            if listed:
                self.deploy_batch(listed)
                after = listed[-1]
            if not more:
                return

    # -- one batch -----------------------------------------------------------------------------------
    def _plan(self, doc: NumberDocument, directory_revision: int, directory: object,
              reports: list[Report]) -> tuple[_Todo, list[SoundSource]] | None:
        number = doc.number
        if self.settings is None:
            reports.append(Report(number, doc.revision, directory_revision, False,
                                  f"bad Asterisk settings on this node: {self.settings_error}"))
            return None
        try:
            compiled = compile_routing(from_dict(doc.document), directory, self.settings)  # type: ignore[arg-type]
        except (CompileError, ValueError) as exc:
            reports.append(Report(number, doc.revision, directory_revision, False, f"cannot compile: {exc}"))
            return None
        content = number_file(number, compiled.text, doc.revision, directory_revision)
        changed = self.files.read_number(number) != content
        live = doc.node is not None and doc.node.ok and \
            (doc.node.revision, doc.node.directory_revision) == (doc.revision, directory_revision)
        if live and not changed:
            return None
        todo = _Todo(number, doc.revision, directory_revision, content, [s.name for s in compiled.sounds], changed)
        return todo, [s for s in compiled.sounds if not self.files.has_sound(s.name)]

    def _fetch(self, sound: SoundSource) -> bytes:
        if sound.media_id is not None:
            return self.source.media(sound.media_id)
        return self.source.tts(sound.tts or "", sound.voice)

    def deploy_batch(self, numbers: list[str]) -> None:
        """Fetch, compile and write ``numbers`` (their reload and reports wait for :meth:`flush`, which runs
        by itself once ``flush_every`` numbers wait)."""
        docs = self.source.documents(numbers)
        todos: list[_Todo] = []
        needed: dict[str, SoundSource] = {}
        for number in numbers:
            doc = docs.found.get(number)
            if doc is None:
                continue
            time.sleep(0)  # let other threads in: inside pbxdesk serve, requests come first
            directory_revision, directory = docs.directories.get(doc.company, (0, None))
            planned = self._plan(doc, directory_revision, directory, self._failed)
            if planned is not None:
                todos.append(planned[0])
                needed.update((s.name, s) for s in planned[1])
        sounds: dict[str, bytes] = {}
        missing: dict[str, str] = {}
        for name, sound in needed.items():
            try:
                sounds[name] = self._fetch(sound)
            except NotAvailable as exc:
                missing[name] = str(exc)
        ready = []
        for todo in todos:
            lacking = [missing[s] for s in todo.sounds if s in missing]
            if lacking:
                self._failed.append(Report(todo.number, todo.revision, todo.directory_revision, False,
                                           f"cannot fetch a prompt: {lacking[0]}"))
            else:
                ready.append(todo)
        removed = [n for n in docs.deleted if self.files.read_number(n) is not None]
        if ready or removed:
            written = {t.number: t.content for t in ready if t.changed}
            with self.files.locked():
                self.files.write(sounds, written, removed)
            self._written.extend(ready)
            self._reload_needed = True
            self.batches += 1
            log.info("node %s: %d number(s) to deploy, %d file(s) written", self.source.node_name, len(ready),
                     len(written))
        if len(self._written) + len(self._failed) >= self.config.flush_every:
            self.flush()

    def flush(self, cursor: int | None = None) -> None:
        """One reload for everything written since the last one, then one report per number and revision
        (the last request also tells the service ``cursor``, the feed position this step brings the node
        to). A failing reload is reported for every such number and raises ReloadFailed (the step is
        retried)."""
        failure = self._reload() if self._reload_needed else None
        reports = list(self._failed)
        for t in self._written:
            what = f"revision {t.revision} written" if t.changed else f"revision {t.revision} in place"
            if failure is not None:
                message = f"{what}, but the reload failed ({failure})"
            else:
                message = f"{what} and reloaded" if self.config.reload_command else \
                    f"{what} (no reload command configured)"
            reports.append(Report(t.number, t.revision, t.directory_revision, failure is None, message))
        chunks = [reports[i:i + REPORTS_PER_REQUEST] for i in range(0, len(reports), REPORTS_PER_REQUEST)] or [[]]
        for i, chunk in enumerate(chunks):
            last = i == len(chunks) - 1
            if chunk or (last and cursor is not None and failure is None):
                self.source.report(chunk, cursor if last and failure is None else None)
        self._written, self._failed, self._reload_needed = [], [], False
        if failure is not None:
            raise ReloadFailed(f"the reload failed ({failure})")

    def _reload(self) -> str | None:
        """Run the reload command (if any): None when it worked, else why not."""
        if not self.config.reload_command:
            return None
        if self.on_step is not None:
            self.on_step("reload")
        started = time.monotonic()
        failure = reload_asterisk(self.config.reload_command)
        log.debug("reload took %.3f s%s", time.monotonic() - started, f": {failure}" if failure else "")
        return failure
