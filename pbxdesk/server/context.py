"""What every request handler needs: configuration, the engine, the deploy hook, and the caller."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from pbxdesk.audio.tts import TtsEngine
from pbxdesk.server.accounts import Principal, authenticate
from pbxdesk.server.problems import ProblemError

if TYPE_CHECKING:
    from pbxdesk.fleet.inprocess import LocalAgent

API_PREFIX = "/api/v1"
SETTINGS_ENV = "PBXDESK_ASTERISK_SETTINGS"


def _settings_from_env() -> Path | None:
    value = os.environ.get(SETTINGS_ENV, "").strip()
    return Path(value) if value else None


@dataclass
class ServerConfig:
    data_dir: Path
    database_url: str | None = None
    max_body_bytes: int = 1_048_576          # JSON bodies
    max_media_bytes: int = 25 * 1_048_576    # uploads to POST /media
    reload_command: list[str] | None = None  # e.g. ["asterisk", "-rx", "dialplan reload"]
    deploy: bool = True                      # run the in-process node agent into asterisk_dir
    node_name: str = "local"                 # the in-process agent's node
    asterisk_settings: Path | None = field(default_factory=_settings_from_env)
    """The Asterisk backend's settings file (docs/asterisk.md); default: $PBXDESK_ASTERISK_SETTINGS, else none."""

    @property
    def media_dir(self) -> Path:
        return Path(self.data_dir) / "media"

    @property
    def asterisk_dir(self) -> Path:
        return Path(self.data_dir) / "asterisk"


class FeedSignal:
    """Wakes whoever waits for new deployment-feed entries in this process (the in-process agent, long
    polls of node agents) as soon as a write here committed some; writes of other processes are found by
    the waiters' own periodic look at the database."""

    def __init__(self) -> None:
        self.generation = 0
        self.closing = False  # the server is shutting down: waiters answer now
        self._cond = threading.Condition()

    def notify(self) -> None:
        with self._cond:
            self.generation += 1
            self._cond.notify_all()

    def close(self) -> None:
        """End every wait at once (the process is stopping: long polls answer instead of holding it up)."""
        self.closing = True
        self.notify()

    def wait(self, seen: int, timeout: float) -> bool:
        """Block until the generation moves past ``seen`` or ``timeout``; True when it moved."""
        with self._cond:
            return self._cond.wait_for(lambda: self.generation != seen, timeout)

    async def wait_async(self, seen: int, timeout: float, step: float = 0.02) -> bool:
        deadline = time.monotonic() + timeout
        while self.generation == seen and not self.closing:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            await asyncio.sleep(min(step, left))
        return True


@dataclass
class ServerContext:
    config: ServerConfig
    engine: Engine
    tts: TtsEngine
    feed_signal: FeedSignal = field(default_factory=FeedSignal)
    agent: LocalAgent | None = field(default=None)


def get_context(request: Request) -> ServerContext:
    ctx: ServerContext = request.app.state.ctx
    return ctx


_bearer = HTTPBearer(auto_error=False, description="the company's API token (`pbxdesk admin create-company`)")


def get_principal(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Principal:
    """The company behind the bearer token; 401 for a missing, unknown or revoked token."""
    challenge = {"WWW-Authenticate": 'Bearer realm="pbxdesk"'}
    if credentials is None:
        raise ProblemError(401, "missing bearer token: send 'Authorization: Bearer TOKEN'", "unauthorized",
                           headers=challenge)
    principal = authenticate(get_context(request).engine, credentials.credentials)
    if principal is None:
        raise ProblemError(401, "the token is unknown or has been revoked", "unauthorized", headers=challenge)
    return principal


def language(request: Request) -> str:
    accept = request.headers.get("accept-language", "")
    return "ru" if accept.lower().startswith("ru") else "en"


Auth = Annotated[Principal, Depends(get_principal)]
Ctx = Annotated[ServerContext, Depends(get_context)]
