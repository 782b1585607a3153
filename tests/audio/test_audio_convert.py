"""Conversion to the telephony master: format, duration, loudness and the refusals an administrator sees."""

from __future__ import annotations

import hashlib
import subprocess
import threading
import wave
from pathlib import Path

import numpy as np
import pytest

from pbxdesk.audio.convert import convert_bytes_to_master, convert_to_master, export_alaw, export_ulaw
from pbxdesk.audio.errors import AudioCancelled, AudioError
from pbxdesk.audio.media import media_id

from .conftest import FORMATS, ebur128, espeak, ffprobe_stream, run, speech_region_s


def assert_master(path: Path) -> None:
    with wave.open(str(path), "rb") as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (8000, 1, 2)
    stream = ffprobe_stream(path)  # and the same seen by another reader
    assert stream["codec_name"] == "pcm_s16le" and stream["sample_rate"] == "8000" and stream["channels"] == "1"


def assert_loudness(path: Path) -> None:
    loudness, peak = ebur128(path)
    assert abs(loudness - (-19.0)) <= 1.0, loudness
    assert peak <= -1.0, peak


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("ext", sorted(FORMATS))
def test_each_format_becomes_a_normalised_trimmed_master(ext: str, speech_sources: dict[str, Path],
                                                         tmp_path: Path) -> None:
    src = speech_sources[ext]
    dst = tmp_path / "out" / "master.wav"
    info = convert_to_master(src, dst)
    assert_master(dst)
    assert (info.sample_rate, info.channels, info.sample_width) == (8000, 1, 2)
    speech = speech_region_s(speech_sources["wav"])
    # the 0.7 s of silence on each side is gone; the speech itself is all there (±0.15 s, codec padding)
    assert abs(info.duration_s - speech) <= 0.15, (info.duration_s, speech)
    with wave.open(str(dst), "rb") as w:
        assert abs(w.getnframes() / 8000 - info.duration_s) < 1e-6
    assert_loudness(dst)
    assert leftovers(dst.parent) == ["master.wav"]


def test_peaky_input_is_limited_not_just_scaled(tmp_path: Path) -> None:
    """Speech with full-scale clicks: reaching −19 LUFS needs a limiter, or the clicks pass −1 dBTP."""
    raw = espeak("Hello, you have reached the sales department.", "en", tmp_path / "raw.wav")
    with wave.open(str(raw), "rb") as w:
        rate = w.getframerate()
        x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(float) / 32768
    x = x * 10 ** (-30 / 20)  # very quiet speech...
    x[::rate // 3] = 0.99  # ...with three full-scale clicks a second
    src = tmp_path / "clicks.wav"
    with wave.open(str(src), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((x * 32767).astype("<i2").tobytes())
    convert_to_master(src, tmp_path / "m.wav")
    assert_loudness(tmp_path / "m.wav")


def test_bytes_conversion_and_g711_exports(speech_sources: dict[str, Path], tmp_path: Path) -> None:
    data = speech_sources["mp3"].read_bytes()
    info = convert_bytes_to_master(data, tmp_path / "m.wav", "greeting.mp3")
    assert_master(tmp_path / "m.wav")
    export_alaw(tmp_path / "m.wav", tmp_path / "m.alaw")  # raw, as Asterisk reads .alaw
    export_ulaw(tmp_path / "m.wav", tmp_path / "m-ulaw.wav")  # a WAV container around µ-law
    assert (tmp_path / "m.alaw").stat().st_size == round(info.duration_s * 8000)
    stream = ffprobe_stream(tmp_path / "m-ulaw.wav")
    assert (stream["codec_name"], stream["sample_rate"], stream["channels"]) == ("pcm_mulaw", "8000", "1")
    decoded = subprocess.run(["ffmpeg", "-v", "error", "-f", "alaw", "-ar", "8000", "-ac", "1", "-i",
                              str(tmp_path / "m.alaw"), "-f", "s16le", "-"], capture_output=True, check=True).stdout
    assert len(decoded) == 2 * round(info.duration_s * 8000)


def test_media_id_is_sha256_of_the_original_bytes() -> None:
    assert media_id(b"test") == "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"  # SPEC §4
    assert media_id(b"\x00" * 10) == hashlib.sha256(b"\x00" * 10).hexdigest()


def _make_too_long(path: Path) -> None:
    # 11 minutes of 8 kHz 8-bit audio is only 5 MB: under the size limit, over the duration limit
    run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=f=440:r=8000:d=660", "-c:a", "pcm_u8",
         str(path)])


def _make_truncated(path: Path, sources: dict[str, Path]) -> None:
    data = sources["flac"].read_bytes()
    path.write_bytes(data[: len(data) // 5])


def _make_garbled(path: Path, sources: dict[str, Path]) -> None:
    data = sources["wav"].read_bytes()
    path.write_bytes(data[:12] + bytes(range(256)) * 40)  # RIFF header, then garbage


@pytest.mark.parametrize(
    ("case", "code", "words"),
    [
        ("empty", "empty", "empty"),
        ("huge", "too_large", "too large"),
        ("too_long", "too_long", "too long"),
        ("text", "not_audio", "not an audio file"),
        ("image", "not_audio", "not an audio file"),
        ("truncated", "corrupt", "damaged"),
        ("garbled", "corrupt", "damaged"),
        ("silence", "silent", "only silence"),
        ("missing", "not_found", "does not exist"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_written(
        case: str, code: str, words: str, speech_sources: dict[str, Path], tmp_path: Path) -> None:
    src_dir = tmp_path / "in"
    src_dir.mkdir()
    src = src_dir / {"text": "notes.txt", "image": "logo.png", "truncated": "cut.flac",
                     "too_long": "long.wav"}.get(case, "input.wav")
    if case == "empty":
        src.write_bytes(b"")
    elif case == "huge":
        with open(src, "wb") as fh:  # sparse: 21 MB on paper, nothing on disk
            fh.truncate(21 * 1024 * 1024)
    elif case == "too_long":
        _make_too_long(src)
    elif case == "text":
        src.write_text("Здравствуйте! This is a text file, not a recording.\n" * 20, encoding="utf-8")
    elif case == "image":
        run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=red:s=32x32", "-frames:v", "1", str(src)])
    elif case == "truncated":
        _make_truncated(src, speech_sources)
    elif case == "garbled":
        _make_garbled(src, speech_sources)
    elif case == "silence":
        run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "2", str(src)])
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(AudioError) as caught:
        convert_to_master(src, out_dir / "master.wav")
    error = caught.value
    assert error.code == code
    assert words in str(error).lower()
    assert error.message_ru and error.message_ru != error.message_en
    assert leftovers(out_dir) == []
    if case == "too_long":
        assert "11:00" in str(error) and "10:00" in str(error)


def test_cancelled_conversion_leaves_nothing(speech_sources: dict[str, Path], tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(AudioCancelled):
        convert_to_master(speech_sources["ogg"], tmp_path / "m.wav", cancel=cancel)
    assert leftovers(tmp_path) == []


def test_a_failed_conversion_keeps_the_previous_master(speech_sources: dict[str, Path], tmp_path: Path) -> None:
    dst = tmp_path / "m.wav"
    convert_to_master(speech_sources["wav"], dst)
    before = dst.read_bytes()
    (tmp_path / "bad.mp3").write_bytes(b"ID3" + b"\x00" * 4000)
    with pytest.raises(AudioError):
        convert_to_master(tmp_path / "bad.mp3", dst)
    assert dst.read_bytes() == before
    assert leftovers(tmp_path) == ["bad.mp3", "m.wav"]
