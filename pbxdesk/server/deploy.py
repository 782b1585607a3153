"""The deployment hook: each accepted routing document is handed to the Asterisk deployer
(``pbxdesk.backend.asterisk.writer``), which writes under ``DATA/asterisk/``; the result is kept per
revision (``GET /numbers/{n}/deploy`` and ``deploy`` in the revisions list)."""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from pbxdesk.audio.tts import TtsEngine
from pbxdesk.domain.document import from_dict
from pbxdesk.server import storage
from pbxdesk.server.database import read_connection
from pbxdesk.server.tables import numbers

log = logging.getLogger("pbxdesk.server.deploy")
NOT_CONFIGURED = "deployment not configured: pbxdesk.backend.asterisk.writer is not available"


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str
    revision: int | None = None


def make_deployer(root: Path, tts: TtsEngine, media_path: Callable[[str], Path | None],
                  reload_command: list[str] | None, settings_path: Path | None = None) -> Any | None:
    """The Asterisk deployer, or None when the backend module is not installed."""
    try:
        module = importlib.import_module("pbxdesk.backend.asterisk.writer")
    except ImportError as exc:
        log.warning("%s (%s)", NOT_CONFIGURED, exc)
        return None
    return module.AsteriskDeployer(root, tts, media_path, reload_command=reload_command,
                                   settings_path=settings_path)


class DeployHook:
    """Deploys the *current* revision of a number, one deployment at a time per server process, so a
    slower deployment of an older revision never overwrites a newer one."""

    def __init__(self, engine: Engine, deployer: Any | None) -> None:
        self.engine = engine
        self.deployer = deployer
        self._lock = threading.Lock()

    def deploy(self, company_id: int, number: str) -> Outcome:
        with self._lock:
            with read_connection(self.engine) as conn:
                stored = storage.get_number(conn, company_id, number)
                if stored is None:
                    return Outcome(False, f"unknown number {number}")
                directory, _rev = storage.get_directory(conn, company_id)
            if self.deployer is None:
                outcome = Outcome(False, NOT_CONFIGURED, stored.revision)
            else:
                try:
                    result = self.deployer.deploy(number, from_dict(stored.document), directory)
                    outcome = Outcome(bool(result.ok), str(result.message), stored.revision)
                except Exception as exc:  # the deployer's failure must not fail the accepted PUT
                    log.exception("deployment of %s r%s failed", number, stored.revision)
                    outcome = Outcome(False, f"deployment failed: {type(exc).__name__}: {exc}",
                                      stored.revision)
            storage.record_deploy(self.engine, number, stored.revision, outcome.ok, outcome.message)
            return outcome

    def deploy_company(self, company_id: int) -> list[tuple[str, Outcome]]:
        """Redeploy every number of a company (after its directory changed)."""
        with read_connection(self.engine) as conn:
            found = list(conn.execute(select(numbers.c.number).where(numbers.c.company_id == company_id)
                                      .order_by(numbers.c.number)).scalars())
        return [(n, self.deploy(company_id, n)) for n in found]
