"""Any accepted audio file → the telephony master: 8 kHz mono 16-bit WAV at −19 LUFS, true peak ≤ −1 dBTP.

The file is probed first (size, type, duration), decoded by ffmpeg straight to 8 kHz mono, trimmed of
leading/trailing silence and normalised at 8 kHz (see :mod:`pbxdesk.audio.dsp`). Every output is written
to a temporary file and renamed into place, so a failure or a cancellation leaves nothing half-written.
Long work takes ``progress`` (called with 0..1) and ``cancel`` (anything with ``is_set()``, e.g. a
``threading.Event``).
"""

from __future__ import annotations

import math
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from pbxdesk.audio import errors
from pbxdesk.audio.decode import Cancel, Decoder, Progress, needs_seekable_input
from pbxdesk.audio.files import atomic_path
from pbxdesk.audio.probe import check_size, ffmpeg_tool, probe
from pbxdesk.audio.wavfile import MASTER_RATE, AudioInfo, write_wav

if TYPE_CHECKING:
    import numpy as np

__all__ = ["AudioInfo", "Cancel", "convert_bytes_to_master", "convert_to_master", "decode_to_master_rate",
           "export_alaw", "export_ulaw", "samples_to_master"]

def convert_to_master(src: Path, dst: Path, *, progress: Progress | None = None,
                      cancel: Cancel | None = None) -> AudioInfo:
    """Convert the audio file ``src`` into the master WAV ``dst``; AudioError names any problem."""
    src, dst = Path(src), Path(dst)
    try:
        check_size(src.stat().st_size)
    except FileNotFoundError:
        raise errors.not_found(str(src)) from None
    # ffmpeg starts while ffprobe looks at the file; it gets the bytes only once the probe accepted them
    decoder = None if needs_seekable_input(src) else Decoder(src, from_stdin=True)
    try:
        info = probe(src)
    except BaseException:
        if decoder is not None:
            decoder.abort()
        raise
    decoder = decoder or Decoder(src, from_stdin=False)
    samples = decoder.run(info.duration_s, progress=progress, cancel=cancel)
    result = samples_to_master(samples, MASTER_RATE, dst, cancel=cancel)
    if progress:
        progress(1.0)
    return result


def samples_to_master(samples: np.ndarray, rate: int, dst: Path, *, cancel: Cancel | None = None) -> AudioInfo:
    """Mono float samples at ``rate`` → resampled to 8 kHz, trimmed, normalised, written atomically."""
    import numpy as np  # here, not at import: the editors and the server import this module, numpy is for

    from pbxdesk.audio import dsp  # the worker threads that process sound (about 0.1 s to import)

    if rate != MASTER_RATE:
        from scipy.signal import resample_poly  # here, not at import: see dsp.py

        divisor = math.gcd(rate, MASTER_RATE)
        samples = resample_poly(samples, MASTER_RATE // divisor, rate // divisor)
    samples = dsp.trim_silence(samples, MASTER_RATE)
    if len(samples) == 0 or not np.any(samples):
        raise errors.silent()
    samples = dsp.normalise(samples, MASTER_RATE)
    _check_cancel(cancel)
    return write_wav(dst, samples, MASTER_RATE)


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
    """Decode the first audio stream of ``src`` to 8 kHz mono float32 (at most 10 minutes and a second)."""
    return Decoder(src, from_stdin=False).run(expected_s, progress=progress, cancel=cancel)


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
