"""Reading and atomically writing the 16-bit PCM WAV files of the audio package.

numpy is imported by the functions that handle samples, not with the module: the editors and the server
import it for paths and headers, and numpy takes about 0.1 s to import."""

from __future__ import annotations

import os
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

from pbxdesk.audio.files import atomic_path

MASTER_RATE = 8000
MASTER_CHANNELS = 1
MASTER_WIDTH = 2


@dataclass(frozen=True)
class AudioInfo:
    """What a master (or any PCM WAV) holds."""

    duration_s: float
    sample_rate: int
    channels: int
    sample_width: int


def to_pcm16(x: np.ndarray) -> bytes:
    import numpy as np

    return np.clip(np.round(x * 32767.0), -32768, 32767).astype("<i2").tobytes()


def write_wav(path: Path, samples: np.ndarray, rate: int = MASTER_RATE) -> AudioInfo:
    """Write mono float samples (−1..1) as 16-bit PCM WAV, atomically."""
    with atomic_path(path) as tmp:
        with wave.open(str(tmp), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(rate)
            w.writeframes(to_pcm16(samples))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
    return AudioInfo(len(samples) / rate, rate, 1, 2)


def wav_info(path: Path) -> AudioInfo:
    with wave.open(str(path), "rb") as w:
        frames, rate = w.getnframes(), w.getframerate()
        return AudioInfo(frames / rate if rate else 0.0, rate, w.getnchannels(), w.getsampwidth())


def read_wav(path: Path) -> tuple[np.ndarray, AudioInfo]:
    """Samples of a 16-bit PCM WAV as float64 (−1..1), channels averaged, with its info."""
    with wave.open(str(path), "rb") as w:
        info = AudioInfo(w.getnframes() / w.getframerate(), w.getframerate(), w.getnchannels(), w.getsampwidth())
        raw = w.readframes(w.getnframes())
    if info.sample_width != 2:
        raise ValueError(f"{path}: {8 * info.sample_width}-bit WAV, expected 16-bit")
    import numpy as np

    data = np.frombuffer(raw, dtype="<i2").astype(np.float64) / 32768.0
    if info.channels > 1:
        data = data.reshape(-1, info.channels).mean(axis=1)
    return data, info


def is_master(path: Path) -> bool:
    """True when ``path`` is a readable 8 kHz mono 16-bit PCM WAV."""
    try:
        info = wav_info(path)
    except (wave.Error, EOFError, OSError):
        return False
    return (info.sample_rate, info.channels, info.sample_width) == (MASTER_RATE, MASTER_CHANNELS, MASTER_WIDTH)


def waveform_peaks(path: Path, bins: int = 200) -> np.ndarray:
    """(bins, 2) array of the min and max sample in each of ``bins`` equal slices of a WAV (for thumbnails)."""
    import numpy as np

    samples, _info = read_wav(path)
    if len(samples) == 0:
        return np.zeros((bins, 2))
    edges = np.linspace(0, len(samples), bins + 1).astype(int)
    out = np.zeros((bins, 2))
    for i in range(bins):
        part = samples[edges[i]:max(edges[i + 1], edges[i] + 1)]
        out[i] = (part.min(), part.max())
    return out
