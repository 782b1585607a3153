"""Text-to-speech: audible Russian and English masters, cached so a second Listen is instant."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from pbxdesk.audio.errors import AudioError
from pbxdesk.audio.tts import EspeakEngine, RemoteTtsEngine, TtsEngine

from .conftest import ebur128, espeak

TEXTS = {
    "ru": "Здравствуйте! Вы позвонили в компанию Ромашка. Пожалуйста, оставайтесь на линии.",
    "en": "Hello! You have reached Romashka. Please stay on the line.",
}


def samples(path: Path) -> tuple[np.ndarray, int, int, int]:
    with wave.open(str(path), "rb") as w:
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(float) / 32768
        return data, w.getframerate(), w.getnchannels(), w.getsampwidth()


@pytest.mark.parametrize("voice", ["ru", "en"])
def test_speech_is_an_audible_master_of_plausible_length(voice: str, tmp_path: Path) -> None:
    engine = EspeakEngine(tmp_path / "cache")
    assert isinstance(engine, TtsEngine)
    path = engine.synthesize(TEXTS[voice], voice)
    data, rate, channels, width = samples(path)
    assert (rate, channels, width) == (8000, 1, 2)
    duration = len(data) / rate
    words = len(TEXTS[voice].split())
    assert words / 6 <= duration <= words / 1  # between one and six words a second
    rms_db = 20 * np.log10(np.sqrt(np.mean(data**2)))
    assert rms_db > -40  # speech, not silence
    loudness, peak = ebur128(path)
    assert abs(loudness + 19) <= 1 and peak <= -1


def test_second_listen_of_the_same_text_does_not_run_espeak(tmp_path: Path) -> None:
    engine = EspeakEngine(tmp_path / "cache")
    first = engine.synthesize(TEXTS["ru"], "ru")
    mtime = first.stat().st_mtime_ns
    assert engine.renders == 1
    assert engine.cached_path(TEXTS["ru"], "ru") == first
    again = engine.synthesize(TEXTS["ru"], "ru")
    assert again == first and engine.renders == 1 and first.stat().st_mtime_ns == mtime
    # a new engine on the same cache (the app restarted) hits it too, with espeak-ng gone from PATH
    restarted = EspeakEngine(tmp_path / "cache", executable="espeak-ng-not-installed")
    restarted._version = engine.engine_version()
    assert restarted.synthesize(TEXTS["ru"], "ru") == first and restarted.renders == 0
    # another voice or another text is another entry
    assert engine.synthesize(TEXTS["ru"], "en") != first
    assert engine.synthesize(TEXTS["ru"] + "!", "ru") != first
    assert engine.renders == 3


def test_cache_key_includes_the_engine_version(tmp_path: Path) -> None:
    engine = EspeakEngine(tmp_path)
    other = EspeakEngine(tmp_path)
    other._version = engine.engine_version() + " (upgraded)"
    assert engine.cache_key("Да", "ru") != other.cache_key("Да", "ru")
    assert "eSpeak NG" in engine.engine_version()


@pytest.mark.parametrize(("text", "voice", "code"), [
    ("", "ru", "tts_empty"), ("   ", "ru", "tts_empty"), ("а" * 1001, "ru", "tts_too_long"),
    ("Привет", "de", "tts_voice"),
])
def test_bad_text_or_voice_is_refused(text: str, voice: str, code: str, tmp_path: Path) -> None:
    with pytest.raises(AudioError) as caught:
        EspeakEngine(tmp_path).synthesize(text, voice)
    assert caught.value.code == code
    assert list(tmp_path.iterdir()) == []


def test_remote_engine_caches_what_the_service_returns(tmp_path: Path) -> None:
    local = EspeakEngine(tmp_path / "local")
    calls: list[tuple[str, str]] = []

    def fetch(text: str, voice: str) -> bytes:  # stands in for the HTTP call the sync engine makes
        calls.append((text, voice))
        return local.synthesize(text, voice).read_bytes()

    remote = RemoteTtsEngine(fetch, tmp_path / "remote")
    path = remote.synthesize(TEXTS["en"], "en")
    assert path.read_bytes() == local.synthesize(TEXTS["en"], "en").read_bytes()
    assert remote.synthesize(TEXTS["en"], "en") == path
    assert calls == [(TEXTS["en"], "en")]


def test_remote_engine_converts_a_non_master_answer(tmp_path: Path) -> None:
    raw = espeak("Good morning", "en", tmp_path / "raw.wav")  # 22 kHz, not normalised
    remote = RemoteTtsEngine(lambda text, voice: raw.read_bytes(), tmp_path / "remote")
    data, rate, channels, _ = samples(remote.synthesize("Good morning", "en"))
    assert (rate, channels) == (8000, 1) and np.abs(data).max() > 0.1


def test_remote_engine_failure_is_an_audio_error_and_caches_nothing(tmp_path: Path) -> None:
    def fetch(text: str, voice: str) -> bytes:
        raise ConnectionError("connection refused")

    remote = RemoteTtsEngine(fetch, tmp_path / "remote")
    with pytest.raises(AudioError) as caught:
        remote.synthesize("Добрый день", "ru")
    assert caught.value.code == "tts_remote" and "connection refused" in str(caught.value)
    assert remote.cached_path("Добрый день", "ru") is None
