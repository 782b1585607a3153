"""Audio test material, generated on the spot with espeak-ng and ffmpeg (nothing binary is committed)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

from tests.support.pulse import pulse_sink  # noqa: F401 - the shared fixture

FORMATS = {
    "wav": ["-c:a", "pcm_s16le"],
    "mp3": ["-c:a", "libmp3lame", "-b:a", "128k"],
    "ogg": ["-c:a", "libvorbis", "-q:a", "4"],
    "flac": ["-c:a", "flac"],
    "m4a": ["-c:a", "aac", "-b:a", "128k"],
}


def run(cmd: list[str]) -> None:
    subprocess.run(cmd, check=True, capture_output=True, stdin=subprocess.DEVNULL)


def espeak(text: str, voice: str, dst: Path) -> Path:
    run(["espeak-ng", "-v", voice, "-w", str(dst), text])
    return dst


def ebur128(path: Path) -> tuple[float, float]:
    """(integrated loudness LUFS, true peak dBTP) as ffmpeg's ebur128 filter measures them."""
    proc = subprocess.run(["ffmpeg", "-nostats", "-hide_banner", "-i", str(path), "-af", "ebur128=peak=true",
                           "-f", "null", "-"], capture_output=True, text=True, check=True)
    summary = proc.stderr[proc.stderr.rfind("Summary:"):]
    loudness = float(re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary).group(1))
    peak = float(re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary).group(1))
    return loudness, peak


def ffprobe_stream(path: Path) -> dict[str, str]:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-show_format", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)


def speech_region_s(path: Path, rate_hint: int | None = None) -> float:
    """Length of the span between the first and the last sample above −50 dBFS (ffmpeg decodes)."""
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-ac", "1", "-ar", "16000", "-f", "s16le",
                          "-"], capture_output=True, check=True).stdout
    x = np.frombuffer(raw, dtype="<i2").astype(float) / 32768
    loud = np.flatnonzero(np.abs(x) > 10 ** (-50 / 20))
    return 0.0 if loud.size == 0 else (loud[-1] - loud[0]) / 16000


@pytest.fixture(scope="session")
def speech_sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same Russian sentence, padded with 0.7 s of silence each side, quiet (−12 dB), stereo 44.1 kHz,
    in every accepted format."""
    root = tmp_path_factory.mktemp("speech")
    raw = espeak("Здравствуйте! Вы позвонили в компанию Ромашка. Оставайтесь на линии.", "ru",
                 root / "raw.wav")
    out: dict[str, Path] = {}
    for ext, codec in FORMATS.items():
        dst = root / f"speech.{ext}"
        run(["ffmpeg", "-v", "error", "-y", "-i", str(raw), "-af",
             "adelay=700|700,apad=pad_dur=0.7,volume=-12dB", "-ar", "44100", "-ac", "2", *codec, str(dst)])
        out[ext] = dst
    return out


