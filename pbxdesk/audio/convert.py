"""Any accepted audio file → the telephony master: 8 kHz mono 16-bit WAV at −19 LUFS, true peak ≤ −1 dBTP.

The file is probed first (size, type, duration), decoded by ffmpeg straight to 8 kHz mono, trimmed of
leading/trailing silence and normalised at 8 kHz (see :mod:`pbxdesk.audio.dsp`). Every output is written
to a temporary file and renamed into place, so a failure or a cancellation leaves nothing half-written.
Long work takes ``progress`` (called with 0..1) and ``cancel`` (anything with ``is_set()``, e.g. a
``threading.Event``).
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np

from pbxdesk.audio import dsp, errors
from pbxdesk.audio.probe import MAX_DURATION_S, check_size, ffmpeg_tool, probe
from pbxdesk.audio.wavfile import MASTER_RATE, AudioInfo, atomic_path, write_wav

__all__ = ["AudioInfo", "Cancel", "convert_bytes_to_master", "convert_to_master", "decode_to_master_rate",
           "export_alaw", "export_ulaw"]

Progress = Callable[[float], None]
_CHUNK = 1 << 16


class Cancel(Protocol):
    def is_set(self) -> bool: ...


def convert_to_master(src: Path, dst: Path, *, progress: Progress | None = None,
                      cancel: Cancel | None = None) -> AudioInfo:
    """Convert the audio file ``src`` into the master WAV ``dst``; AudioError names any problem."""
    src, dst = Path(src), Path(dst)
    info = probe(src)
    samples = decode_to_master_rate(src, info.duration_s, progress=progress, cancel=cancel)
    samples = dsp.trim_silence(samples, MASTER_RATE)
    if len(samples) == 0 or not np.any(samples):
        raise errors.silent()
    samples = dsp.normalise(samples, MASTER_RATE)
    _check_cancel(cancel)
    result = write_wav(dst, samples, MASTER_RATE)
    if progress:
        progress(1.0)
    return result


def convert_bytes_to_master(data: bytes, dst: Path, filename_hint: str | None = None, *,
                            progress: Progress | None = None, cancel: Cancel | None = None) -> AudioInfo:
    """Like :func:`convert_to_master` for a file's bytes; ``filename_hint`` gives the extension, if known."""
    check_size(len(data))
    suffix = Path(filename_hint).suffix if filename_hint else ""
    with tempfile.TemporaryDirectory(prefix="pbxdesk-audio-") as tmp:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        return convert_to_master(src, dst, progress=progress, cancel=cancel)


def decode_to_master_rate(src: Path, expected_s: float | None, *, progress: Progress | None = None,
                          cancel: Cancel | None = None) -> np.ndarray:
    """Decode the first audio stream of ``src`` to 8 kHz mono float32 (at most 10 minutes plus a margin)."""
    cmd = [ffmpeg_tool("ffmpeg"), "-nostdin", "-v", "error", "-i", str(src), "-map", "0:a:0", "-vn",
           "-t", f"{MAX_DURATION_S + 1:.0f}", "-ac", "1", "-ar", str(MASTER_RATE), "-f", "f32le", "-"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert proc.stdout is not None and proc.stderr is not None
    chunks: list[bytes] = []
    received = 0
    expected_bytes = (expected_s or 0.0) * MASTER_RATE * 4
    try:
        while chunk := proc.stdout.read(_CHUNK):
            chunks.append(chunk)
            received += len(chunk)
            if cancel is not None and cancel.is_set():
                raise errors.AudioCancelled()
            if progress and expected_bytes:
                progress(min(0.9, 0.9 * received / expected_bytes))
        stderr = proc.stderr.read()
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    if proc.returncode != 0:
        raise errors.corrupt(_last_line(stderr))
    raw = b"".join(chunks)
    samples = np.frombuffer(raw[: len(raw) // 4 * 4], dtype="<f4")
    duration = len(samples) / MASTER_RATE
    if duration > MAX_DURATION_S:
        raise errors.too_long(duration, MAX_DURATION_S)
    if len(samples) == 0:
        raise errors.corrupt("no audio could be decoded", "не удалось декодировать ни одного фрагмента")
    if expected_s and duration < 0.5 * expected_s - 0.5:
        raise errors.corrupt(f"only {duration:.1f} s of {expected_s:.1f} s could be decoded",
                             f"декодировано только {duration:.1f} с из {expected_s:.1f} с")
    return samples


def export_alaw(master: Path, dst: Path) -> None:
    """G.711 A-law of the master: a WAV container when ``dst`` ends in .wav, else raw (Asterisk ``.alaw``)."""
    _export(master, dst, "pcm_alaw", "alaw")


def export_ulaw(master: Path, dst: Path) -> None:
    """G.711 µ-law of the master: a WAV container when ``dst`` ends in .wav, else raw (Asterisk ``.ulaw``)."""
    _export(master, dst, "pcm_mulaw", "mulaw")


def _export(master: Path, dst: Path, codec: str, raw_format: str) -> None:
    dst = Path(dst)
    container = "wav" if dst.suffix.lower() == ".wav" else raw_format
    with atomic_path(dst) as tmp:
        cmd = [ffmpeg_tool("ffmpeg"), "-nostdin", "-v", "error", "-y", "-i", str(master), "-ac", "1",
               "-ar", str(MASTER_RATE), "-c:a", codec, "-f", container, str(tmp)]
        proc = subprocess.run(cmd, capture_output=True, stdin=subprocess.DEVNULL)
        if proc.returncode != 0:
            raise errors.corrupt(_last_line(proc.stderr))


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel.is_set():
        raise errors.AudioCancelled()


def _last_line(stderr: bytes) -> str:
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    return lines[-1][:200] if lines else ""
