"""Playback without a sound card: what reaches the audio system is captured and compared to the master.

The sound card is the one thing that cannot run here, so the tests stand in for it with what ALSA and
PulseAudio themselves offer: ALSA's ``file`` plugin (the simpleaudio path) and a PulseAudio null sink
recorded with ``parec`` (the Qt Multimedia path). Each playback runs in its own process so that its
HOME (``.asoundrc``) and PulseAudio settings are its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from scipy.signal import correlate

from pbxdesk.audio.tts import EspeakEngine
from pbxdesk.audio.wavfile import read_wav

PLAY = Path(__file__).with_name("play_master.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return EspeakEngine(tmp_path_factory.mktemp("tts")).synthesize("Один, два, три. Спасибо!", "ru")


def snr_after_alignment(reference: np.ndarray, capture: np.ndarray) -> float:
    """Best-lag, best-gain fit of the capture to the reference; SNR of the residual in dB."""
    assert len(capture) >= len(reference), "the capture is shorter than the master"
    lag = int(np.argmax(correlate(capture, reference, mode="valid", method="fft")))
    segment = capture[lag:lag + len(reference)]
    gain = float(np.dot(segment, reference) / max(np.dot(segment, segment), 1e-20))
    residual = reference - gain * segment
    return float(10 * np.log10(np.sum(reference**2) / max(np.sum(residual**2), 1e-20)))


def run_player(master: Path, env: dict[str, str], device: str = "") -> dict:
    proc = subprocess.run([sys.executable, str(PLAY), str(master), device], env=env, capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def base_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULSE_", "PIPEWIRE_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               PULSE_SERVER="unix:/nonexistent/pbxdesk-no-pulse", XDG_RUNTIME_DIR=str(home))
    return env


def test_without_qt_audio_simpleaudio_plays_through_alsa(master: Path, tmp_path: Path) -> None:
    capture = tmp_path / "alsa-capture.raw"
    (tmp_path / ".asoundrc").write_text(
        'pcm.!default {\n  type file\n  slave.pcm "null"\n'
        f'  file "{capture}"\n  format "raw"\n}}\n', encoding="utf-8")
    report = run_player(master, base_env(tmp_path))
    assert report["backend"] == "simpleaudio" and report["available"]
    assert report["states"][0] == "playing" and report["states"][-1] == "idle"
    assert report["first_buffer"] and not report["errors"]
    reference, _ = read_wav(master)
    captured = np.frombuffer(capture.read_bytes(), dtype="<i2").astype(float) / 32768
    assert snr_after_alignment(reference, captured) >= 30


def test_with_no_device_at_all_playback_is_unavailable_with_a_reason(master: Path, tmp_path: Path) -> None:
    report = run_player(master, base_env(tmp_path))  # no .asoundrc, no sound card, no PulseAudio
    assert report["backend"] == "none" and not report["available"]
    assert "No audio output device" in report["reason"]


def test_qt_multimedia_plays_the_master_into_pulseaudio(master: Path, pulse_sink: str, tmp_path: Path) -> None:
    env = base_env(tmp_path)
    env.pop("PULSE_SERVER")
    env["PULSE_RUNTIME_PATH"] = os.environ["PULSE_RUNTIME_PATH"]
    capture = tmp_path / "pulse-capture.raw"
    with open(capture, "wb") as out:
        recorder = subprocess.Popen(["parec", "-d", f"{pulse_sink}.monitor", "--rate=8000", "--channels=1",
                                     "--format=s16le", "--raw", "--latency-msec=20"], stdout=out, env=env)
        try:
            time.sleep(0.3)
            report = run_player(master, env, device=pulse_sink)
            time.sleep(0.3)
        finally:
            recorder.terminate()
            recorder.wait(5)
    assert report["backend"] == "qt" and report["available"], report
    assert report["states"][0] == "playing" and report["states"][-1] == "idle", report
    assert report["first_buffer"] and not report["errors"], report
    reference, _ = read_wav(master)
    captured = np.frombuffer(capture.read_bytes(), dtype="<i2").astype(float) / 32768
    assert snr_after_alignment(reference, captured) >= 30
