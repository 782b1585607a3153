"""What every request handler needs: configuration, the engine, the deploy hook, and the caller."""

from __future__ import annotations

import os
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
    from pbxdesk.server.deploy import DeployHook

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
    deploy: bool = True
    asterisk_settings: Path | None = field(default_factory=_settings_from_env)
    """The Asterisk backend's settings file (docs/asterisk.md); default: $PBXDESK_ASTERISK_SETTINGS, else none."""

    @property
    def media_dir(self) -> Path:
        return Path(self.data_dir) / "media"

    @property
    def asterisk_dir(self) -> Path:
        return Path(self.data_dir) / "asterisk"


@dataclass
class ServerContext:
    config: ServerConfig
    engine: Engine
    tts: TtsEngine
    deployer: DeployHook | None = field(default=None)

    def media_path(self, media_id: str) -> Path | None:
        path = self.config.media_dir / f"{media_id}.wav"
        return path if len(media_id) == 64 and path.is_file() else None


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
