"""Short sine tones as 8 kHz mono WAV files: greetings for tests that upload, list and play audio."""

from __future__ import annotations

import hashlib
import io
import math
import struct
import wave
from pathlib import Path


def tone_wav(frequency: int = 440, seconds: float = 0.5, amplitude: int = 8000) -> bytes:
    """The bytes of a WAV file holding ``seconds`` of a ``frequency`` Hz sine."""
    rate = 8000
    frames = b"".join(struct.pack("<h", int(amplitude * math.sin(2 * math.pi * frequency * i / rate)))
                      for i in range(int(rate * seconds)))
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)
    return out.getvalue()


def write_tone(path: Path, frequency: int = 440, seconds: float = 0.5, amplitude: int = 8000) -> str:
    """Write :func:`tone_wav` to ``path``; its media id (the SHA-256 of the file's bytes)."""
    data = tone_wav(frequency, seconds, amplitude)
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()
