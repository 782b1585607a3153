"""Deploying numbers to one Asterisk: compile, write the files (:mod:`.files`), run the reload command.

:class:`AsteriskDeployer` deploys one number with its prompts taken from a TTS engine and a media lookup
(tests, benchmarks, tools); the node agent (:mod:`pbxdesk.fleet.agent`) deploys batches with prompts
fetched from the provisioning service, through the same :class:`~.files.DialplanFiles` and
:func:`run_reload`.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pbxdesk.backend.asterisk.compiler import CompileError, SoundSource, compile_routing
from pbxdesk.backend.asterisk.files import (
    INCLUDE_FILE,
    INCOMING_CONTEXT,
    NUMBERS_DIR,
    SOUNDS_DIR,
    DialplanFiles,
    atomic_write,
    number_file,
)
from pbxdesk.backend.asterisk.settings import AsteriskSettings, SettingsError, load_settings
from pbxdesk.backend.asterisk.syntax import is_number
from pbxdesk.domain.models import Directory, RoutingDocument

__all__ = ["INCLUDE_FILE", "INCOMING_CONTEXT", "NUMBERS_DIR", "SOUNDS_DIR", "AsteriskDeployer", "DeployResult",
           "TtsEngine", "atomic_write", "reload_asterisk", "run_reload"]

RELOAD_TIMEOUT_S = 60.0


class TtsEngine(Protocol):
    """What the deployer needs of :class:`pbxdesk.audio.tts.TtsEngine`."""

    def synthesize(self, text: str, voice: str) -> Path: ...


@dataclass(frozen=True)
class DeployResult:
    ok: bool
    message: str


def reload_asterisk(command: list[str], timeout_s: float = RELOAD_TIMEOUT_S) -> str | None:
    """Run the reload command: None when it worked, else why not (``exit 1: <last line of its output>``,
    a missing program, a timeout)."""
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        return f"exit {proc.returncode}" + (f": {detail[-1][:300]}" if detail else "")
    refused = [line for line in (proc.stdout + proc.stderr).splitlines() if "No such command" in line]
    if refused:  # `asterisk -rx` exits 0 even when Asterisk has no dialplan module loaded
        return f"Asterisk refused the reload: {refused[0].strip()[:300]}"
    return None


def run_reload(command: list[str] | None, written: str, timeout_s: float = RELOAD_TIMEOUT_S) -> DeployResult:
    """Run the reload command after ``written`` (what was written, for the message)."""
    if not command:
        return DeployResult(True, f"{written} (no reload command configured)")
    failure = reload_asterisk(command, timeout_s)
    if failure is not None:
        return DeployResult(False, f"{written}, but the reload command failed ({failure})")
    return DeployResult(True, f"{written} and reloaded")


class AsteriskDeployer:
    """Writes one number's dialplan and sounds under ``root`` and runs ``reload_command`` afterwards.

    ``on_step`` (tests, diagnostics) is called with the name of each write step just before it runs
    (``sound:<name>``, ``number:<number>``, then ``reload``); an exception it raises aborts the deployment
    there, exactly like a crash would.
    """

    def __init__(self, root: Path, tts: TtsEngine, media_path: Callable[[str], Path | None],
                 reload_command: list[str] | None = None, settings_path: Path | None = None,
                 *, on_step: Callable[[str], None] | None = None) -> None:
        self.files = DialplanFiles(root, on_step=on_step)
        self.root = self.files.root
        self.tts = tts
        self.media_path = media_path
        self.reload_command = list(reload_command) if reload_command else None
        self.on_step = on_step
        self.settings: AsteriskSettings | None = None
        self.settings_error = ""
        try:
            self.settings = load_settings(settings_path)
        except SettingsError as exc:
            self.settings_error = str(exc)

    def number_path(self, number: str) -> Path:
        return self.files.number_path(number)

    def sound_path(self, name: str) -> Path:
        return self.files.sound_path(name)

    @property
    def include_path(self) -> Path:
        return self.files.include_path

    def deployed_numbers(self) -> list[str]:
        return self.files.deployed_numbers()

    def _source(self, sound: SoundSource) -> Path:
        if sound.media_id is not None:
            path = self.media_path(sound.media_id)
            if path is None or not Path(path).is_file():
                raise FileNotFoundError(f"audio file {sound.media_id} is not stored")
            return Path(path)
        return Path(self.tts.synthesize(sound.tts or "", sound.voice))

    def deploy(self, number: str, doc: RoutingDocument, directory: Directory | None, *,
               revision: int = 0, directory_revision: int = 0) -> DeployResult:
        """Compile, write (atomically) and reload. Never raises for a bad document, a missing sound, a
        failing TTS or reload: the result says what happened; files are always complete and consistent."""
        if self.settings is None:
            return DeployResult(False, f"bad Asterisk settings: {self.settings_error}")
        if not is_number(number) or doc.number != number:
            return DeployResult(False, f"the document is for number {doc.number!r}, not {number!r}")
        try:
            compiled = compile_routing(doc, directory, self.settings)
        except CompileError as exc:
            return DeployResult(False, f"cannot compile {number}: {exc}")
        try:
            sounds = {sound.name: self._source(sound).read_bytes() for sound in compiled.sounds
                      if not self.files.has_sound(sound.name)}
        except Exception as exc:  # TTS or media failure: nothing written
            return DeployResult(False, f"cannot prepare the prompts of {number}: {exc}")
        try:
            with self.files.locked():
                self.files.write(sounds, {number: number_file(number, compiled.text, revision, directory_revision)})
        except OSError as exc:
            return DeployResult(False, f"cannot write the dialplan of {number}: {exc}")
        written = f"dialplan of {number} written"
        if self.on_step is not None and self.reload_command:
            try:
                self.on_step("reload")
            except OSError as exc:
                return DeployResult(False, f"{written}, but the reload command failed: {exc}")
        return run_reload(self.reload_command, written)
