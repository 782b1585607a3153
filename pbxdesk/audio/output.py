"""Helpers of playback that need no Qt: whether ALSA plays, and the padded copy Qt Multimedia plays."""

from __future__ import annotations

import hashlib
import tempfile
import wave
from pathlib import Path

from pbxdesk.audio.files import atomic_path

_QT_TAIL_S = 0.3


def padded_for_qt(master: Path) -> Path:
    """The master followed by 300 ms of silence, in a temporary cache.

    Qt's FFmpeg backend (measured with 6.11.3 and 6.12.0 into a PulseAudio null sink) stops the audio
    sink at end of media before it has played the last ~80 ms, which would cut the end of a greeting;
    the silence is what gets cut instead, and the master itself reaches the sink sample for sample.
    """
    stat = master.stat()
    key = hashlib.sha256(f"{master.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:32]
    dst = Path(tempfile.gettempdir()) / "pbxdesk-playback" / f"{key}.wav"
    if dst.is_file():
        return dst
    with wave.open(str(master), "rb") as w:
        params = w.getparams()
        frames = w.readframes(w.getnframes())
    tail = b"\0" * (int(_QT_TAIL_S * params.framerate) * params.nchannels * params.sampwidth)
    with atomic_path(dst) as tmp:
        with wave.open(str(tmp), "wb") as out:
            out.setparams(params)
            out.writeframes(frames + tail)
    return dst


def alsa_works() -> bool:
    """True when ALSA's default device opens (checked by playing 10 ms of silence through simpleaudio)."""
    try:
        import simpleaudio

        simpleaudio.play_buffer(b"\0\0" * 80, 1, 2, 8000).wait_done()
    except Exception:
        return False
    return True
