"""Text-to-speech behind a small interface: espeak-ng locally, the provisioning service's ``/tts`` when
connected. Both render the 8 kHz master and cache it by a hash of engine, engine version, voice and text,
so Listen on an unchanged text does not synthesise again.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
import threading
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, runtime_checkable

from pbxdesk.audio import errors
from pbxdesk.audio.convert import convert_bytes_to_master, samples_to_master
from pbxdesk.audio.files import write_bytes
from pbxdesk.audio.wavfile import is_master, read_wav

VOICES = ("ru", "en")
MAX_TEXT = 1000
_ESPEAK_TIMEOUT_S = 60.0


@runtime_checkable
class TtsEngine(Protocol):
    """Renders a text to a master WAV (8 kHz mono 16-bit, normalised) and returns its cached path."""

    def synthesize(self, text: str, voice: str) -> Path: ...

    def cached_path(self, text: str, voice: str) -> Path | None:
        """The cached master of ``text`` in ``voice`` if it is already rendered, else None (no work)."""
        ...


def check_text(text: str, voice: str) -> None:
    """AudioError unless ``text`` has 1–1000 characters (not only spaces) and ``voice`` is ru or en."""
    if not text.strip():
        raise errors.AudioError("The text to speak is empty.", "Текст для озвучивания пуст.", code="tts_empty")
    if len(text) > MAX_TEXT:
        raise errors.AudioError(
            f"The text is too long: {len(text)} characters (at most {MAX_TEXT}).",
            f"Текст слишком длинный: {len(text)} символов (не более {MAX_TEXT}).",
            code="tts_too_long",
        )
    if voice not in VOICES:
        raise errors.AudioError(f"Unknown voice «{voice}» (use ru or en).",
                                f"Неизвестный голос «{voice}» (используйте ru или en).", code="tts_voice")


class _CachingEngine:
    """Shared cache logic: ``<cache_dir>/<sha256 of engine, version, voice, text>.wav``."""

    engine_name = "base"

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = Path(cache_dir)
        self.renders = 0  # how many times this engine really synthesised (cache misses)
        self._lock = threading.Lock()

    def engine_version(self) -> str:
        raise NotImplementedError

    def cache_key(self, text: str, voice: str) -> str:
        payload = json.dumps([self.engine_name, self.engine_version(), voice, text], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def cached_path(self, text: str, voice: str) -> Path | None:
        path = self.cache_dir / f"{self.cache_key(text, voice)}.wav"
        return path if path.is_file() else None

    def synthesize(self, text: str, voice: str) -> Path:
        check_text(text, voice)
        hit = self.cached_path(text, voice)
        if hit is not None:
            return hit
        dst = self.cache_dir / f"{self.cache_key(text, voice)}.wav"
        self._render(text, voice, dst)
        with self._lock:
            self.renders += 1
        return dst

    def _render(self, text: str, voice: str, dst: Path) -> None:
        raise NotImplementedError


class EspeakEngine(_CachingEngine):
    """espeak-ng (voices ``ru`` and ``en``), rendered to the master format."""

    engine_name = "espeak-ng"
    _version: str | None = None
    _versions: dict[str, str] = {}  # per executable, read once per process

    def __init__(self, cache_dir: Path, executable: str = "espeak-ng") -> None:
        super().__init__(cache_dir)
        self.executable = executable

    def engine_version(self) -> str:
        if self._version is None:
            cached = EspeakEngine._versions.get(self.executable)
            if cached is None:
                exe = shutil.which(self.executable)
                if exe is None:
                    raise errors.tool_missing("espeak-ng")
                out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
                cached = EspeakEngine._versions[self.executable] = out.stdout.strip() or "unknown"
            self._version = cached
        return self._version

    def _render(self, text: str, voice: str, dst: Path) -> None:
        exe = shutil.which(self.executable)
        if exe is None:
            raise errors.tool_missing("espeak-ng")
        with tempfile.TemporaryDirectory(prefix="pbxdesk-tts-") as tmp:
            raw = Path(tmp) / "speech.wav"
            proc = subprocess.run([exe, "-v", voice, "-w", str(raw), "--stdin"], input=text.encode("utf-8"),
                                  capture_output=True, timeout=_ESPEAK_TIMEOUT_S, check=False)
            if proc.returncode != 0 or not raw.is_file():
                detail = proc.stderr.decode("utf-8", "replace").strip()[:200]
                raise errors.AudioError(f"Speech synthesis failed: {detail}",
                                        f"Не удалось синтезировать речь: {detail}", code="tts_failed")
            try:
                samples, info = read_wav(raw)
            except (wave.Error, EOFError, ValueError) as exc:
                raise errors.AudioError(f"Speech synthesis failed: {exc}",
                                        f"Не удалось синтезировать речь: {exc}", code="tts_failed") from exc
            samples_to_master(samples, info.sample_rate, dst)  # in-process: no ffmpeg start-up per Listen


class RemoteTtsEngine(_CachingEngine):
    """The provisioning service's ``POST /tts``: ``fetch(text, voice)`` returns the master WAV bytes.

    A master is stored as received; anything else the callable returns is converted to the master.
    """

    engine_name = "remote"

    def __init__(self, fetch: Callable[[str, str], bytes], cache_dir: Path, version: str = "1") -> None:
        super().__init__(cache_dir)
        self.fetch = fetch
        self.version = version

    def engine_version(self) -> str:
        return self.version

    def _render(self, text: str, voice: str, dst: Path) -> None:
        try:
            data = self.fetch(text, voice)
        except errors.AudioError:
            raise
        except Exception as exc:  # network, HTTP or service errors reach the user as one clear message
            raise errors.AudioError(f"The service could not synthesise speech: {exc}",
                                    f"Сервис не смог синтезировать речь: {exc}", code="tts_remote") from exc
        write_bytes(dst, data)
        if not is_master(dst):
            dst.unlink(missing_ok=True)
            convert_bytes_to_master(data, dst, "tts.wav")
