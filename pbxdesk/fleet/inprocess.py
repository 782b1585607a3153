"""The node agent inside ``pbxdesk serve``: the one-machine default, deploying into ``DATA/asterisk/`` as
node ``local`` (``--node NAME``) straight from the database, woken at once by this process's writes."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from pbxdesk.fleet.agent import Agent, AgentConfig
from pbxdesk.fleet.agent_state import AgentBusy
from pbxdesk.fleet.local_source import LocalSource
from pbxdesk.fleet.nodes import ensure_node
from pbxdesk.fleet.source import NodeRemoved
from pbxdesk.server.accounts import AccountError
from pbxdesk.server.context import ServerContext

log = logging.getLogger("pbxdesk.fleet.local")
WAIT_S = 5.0
# It shares the process (and its interpreter lock) with the requests: gathering half a second of changes
# into one batch keeps its share small while a client saves a change after another.
SETTLE_S = 0.5


@dataclass
class LocalAgent:
    agent: Agent
    source: LocalSource
    ctx: ServerContext
    stop_event: threading.Event = field(default_factory=threading.Event)
    thread: threading.Thread = field(init=False)

    def __post_init__(self) -> None:
        self.thread = threading.Thread(target=self._run, name="pbxdesk-node-agent", daemon=True)

    @classmethod
    def start(cls, ctx: ServerContext) -> LocalAgent | None:
        config = ctx.config
        try:
            node = ensure_node(ctx.engine, config.node_name)
        except AccountError as exc:
            log.warning("the in-process node agent does not run: %s", exc)
            return None
        source = LocalSource(ctx, node)
        agent = Agent(source, AgentConfig(root=config.asterisk_dir, reload_command=config.reload_command,
                                          settings_path=config.asterisk_settings, wait_s=WAIT_S,
                                          settle_s=SETTLE_S, retry_max_s=10.0))
        try:
            agent.state.acquire()
        except AgentBusy as exc:
            log.warning("the in-process node agent does not run: %s", exc)
            return None
        if agent.settings is None:
            log.error("Asterisk settings: %s (every deployment fails until it is fixed)", agent.settings_error)
        local = cls(agent, source, ctx)
        local.thread.start()
        return local

    def _run(self) -> None:
        try:
            self.agent.run(self.stop_event)
        except NodeRemoved as exc:
            log.error("the in-process node agent stopped: %s", exc)
        except Exception:
            log.exception("the in-process node agent crashed")
        finally:
            self.agent.state.release()

    def stop(self, timeout: float = 15.0) -> None:
        self.stop_event.set()
        self.source.stopping.set()
        self.ctx.feed_signal.notify()  # wake its wait for the feed
        self.thread.join(timeout)
