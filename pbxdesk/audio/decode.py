"""Decoding with ffmpeg to 8 kHz mono float32, with progress and cancellation.

A :class:`Decoder` process can be started before the input is probed: it then waits on its stdin and
sees no byte of the file until :meth:`Decoder.run` is called (after the probe accepted the file), so the
probe still comes first while ffmpeg's start-up (a good part of a short conversion) overlaps with it.
Containers that need seeking (MP4/M4A, whose index may sit at the end) are decoded from the path.
"""

from __future__ import annotations

import subprocess
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

from pbxdesk.audio import errors
from pbxdesk.audio.probe import MAX_DURATION_S, ffmpeg_tool
from pbxdesk.audio.wavfile import MASTER_RATE

if TYPE_CHECKING:
    import numpy as np

Progress = Callable[[float], None]


class Cancel(Protocol):
    def is_set(self) -> bool: ...


def needs_seekable_input(src: Path) -> bool:
    """True for ISO media files (``ftyp`` box: MP4, M4A, MOV), which are decoded from their path."""
    with open(src, "rb") as fh:
        return fh.read(12)[4:8] == b"ftyp"


class Decoder:
    """One ffmpeg process decoding ``src`` into a temporary raw float file (faster than reading a pipe)."""

    def __init__(self, src: Path, *, from_stdin: bool) -> None:
        self.src = Path(src)
        self.from_stdin = from_stdin
        self._tmp = tempfile.TemporaryDirectory(prefix="pbxdesk-decode-")
        self.out = Path(self._tmp.name) / "samples.f32"
        cmd = [ffmpeg_tool("ffmpeg"), "-hide_banner", "-v", "error", "-y",
               "-i", "pipe:0" if from_stdin else str(self.src), "-map", "0:a:0", "-vn",
               "-t", f"{MAX_DURATION_S + 1:.0f}", "-ac", "1", "-ar", str(MASTER_RATE), "-f", "f32le", str(self.out)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     stdin=subprocess.PIPE if from_stdin else subprocess.DEVNULL)

    def abort(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stderr):
            if stream is not None:
                stream.close()
        self._tmp.cleanup()

    def run(self, expected_s: float | None, *, progress: Progress | None = None,
            cancel: Cancel | None = None) -> np.ndarray:
        """Decode everything (at most 10 minutes and a second); AudioError when it fails or is cut short."""
        proc = self.proc
        assert proc.stderr is not None
        feeder = None
        if self.from_stdin:
            assert proc.stdin is not None
            feeder = threading.Thread(target=_feed, args=(self.src, proc.stdin), daemon=True)
            feeder.start()
        stderr: list[bytes] = []
        err_pipe = proc.stderr
        drain = threading.Thread(target=lambda: stderr.append(err_pipe.read()), daemon=True)
        drain.start()
        expected_bytes = (expected_s or 0.0) * MASTER_RATE * 4
        try:
            while True:
                drain.join(timeout=0.05)  # stderr ends when ffmpeg exits: no polling delay at the end
                if not drain.is_alive():
                    proc.wait()
                    break
                if cancel is not None and cancel.is_set():
                    raise errors.AudioCancelled()
                if progress and expected_bytes:
                    written = self.out.stat().st_size if self.out.exists() else 0
                    progress(min(0.9, 0.9 * written / expected_bytes))
            import numpy as np  # here, not at import (about 0.1 s): see convert.samples_to_master

            samples = np.fromfile(self.out, dtype="<f4") if proc.returncode == 0 else np.zeros(0, "<f4")
        finally:
            self.abort()
            if feeder is not None:
                feeder.join()
        if cancel is not None and cancel.is_set():
            raise errors.AudioCancelled()
        if proc.returncode != 0:
            raise errors.corrupt(_last_line(b"".join(stderr)))
        duration = len(samples) / MASTER_RATE
        if duration > MAX_DURATION_S:
            raise errors.too_long(duration, MAX_DURATION_S)
        if len(samples) == 0:
            raise errors.corrupt("no audio could be decoded", "не удалось декодировать ни одного фрагмента")
        if expected_s and duration < 0.5 * expected_s - 0.5:
            raise errors.corrupt(f"only {duration:.1f} s of {expected_s:.1f} s could be decoded",
                                 f"декодировано только {duration:.1f} с из {expected_s:.1f} с")
        return samples


def _feed(src: Path, sink: IO[bytes]) -> None:
    try:
        with open(src, "rb") as fh:
            while chunk := fh.read(1 << 18):
                sink.write(chunk)
    except (BrokenPipeError, ValueError, OSError):
        pass  # the decoder stopped reading (an error, the length limit, or it was aborted)
    finally:
        try:
            sink.close()
        except OSError:
            pass


def _last_line(stderr: bytes) -> str:
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    return lines[-1][:200] if lines else ""
