"""Audio benchmarks. Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/audio_bench.py

1. TTS of a 300-character Russian text, uncached (target < 0.5 s); baseline: espeak-ng alone writing a WAV.
2. Conversion of a 3-minute stereo 44.1 kHz MP3 to the master (target within 1.5× of a plain
   ``ffmpeg -i in.mp3 -ar 8000 -ac 1 out.wav`` of the same file, measured in the same run).
3. Click on Listen → first audio buffer handed to the audio backend, for a cached prompt (target < 100 ms);
   baseline: a bare QMediaPlayer playing the same file, from play() to its first buffer.
Each figure is the median of several interleaved runs.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pbxdesk.app.process_env import prepare_environment

prepare_environment()  # as the app does, before Qt and numpy load (pbxdesk/app/process_env.py)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pbxdesk.audio import dsp
from pbxdesk.audio.convert import convert_to_master, decode_to_master_rate
from pbxdesk.audio.probe import probe
from pbxdesk.audio.tts import EspeakEngine

RUNS = 5
TEXT_300 = ("Здравствуйте! Вы позвонили в компанию «Ромашка». Наш офис работает с понедельника по пятницу "
            "с девяти до восемнадцати часов. Чтобы связаться с отделом продаж, нажмите один. Отдел "
            "поддержки — два. Бухгалтерия — три. Оставайтесь на линии, и вам ответит первый свободный "
            "специалист. Спасибо!")


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: unlike wall time, blind to other load."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_tts(tmp: Path) -> None:
    text = TEXT_300[:300]
    engine_times, espeak_times = [], []
    for i in range(RUNS):
        engine = EspeakEngine(tmp / f"tts-{i}")
        engine.engine_version()  # the version is read once per app start, not per synthesis
        engine_times.append(timed(lambda e=engine: e.synthesize(text, "ru")))
        espeak_times.append(timed(lambda: subprocess.run(["espeak-ng", "-v", "ru", "-w", str(tmp / "plain.wav"),
                                                          "--stdin"], input=text.encode(), check=True)))
    t, base = statistics.median(engine_times), statistics.median(espeak_times)
    print(f"tts_300_chars_ru_uncached_s   {t:.3f}   (espeak-ng alone {base:.3f}; ratio {t / base:.2f}; "
          f"target < 0.5 s: {'OK' if t < 0.5 else 'MISSED'})")


def bench_convert(tmp: Path) -> None:
    src = tmp / "three_minutes.mp3"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=f=440:d=180", "-f", "lavfi", "-i",
                    "anoisesrc=d=180:a=0.1:c=pink", "-filter_complex", "amix=inputs=2,volume=0.5", "-ac", "2",
                    "-ar", "44100", "-b:a", "128k", str(src)], check=True)
    ours, plain, ours_cpu, plain_cpu = [], [], [], []
    for _ in range(2 * RUNS):  # interleaved pairs, so both see the same machine load
        cpu = cpu_seconds()
        plain.append(timed(lambda: subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", str(src),
                                                   "-ar", "8000", "-ac", "1", str(tmp / "plain.wav")],
                                                  check=True)))
        plain_cpu.append(cpu_seconds() - cpu)
        cpu = cpu_seconds()
        ours.append(timed(lambda: convert_to_master(src, tmp / "master.wav")))
        ours_cpu.append(cpu_seconds() - cpu)
    t, base = statistics.median(ours), statistics.median(plain)
    ratio = t / base
    print(f"convert_3min_mp3_s            {t:.3f}   (plain ffmpeg {base:.3f}; ratio of medians {ratio:.2f}; "
          f"ratio of best runs {min(ours) / min(plain):.2f}; target <= 1.5x: {'OK' if ratio <= 1.5 else 'MISSED'})")
    c, cb = statistics.median(ours_cpu), statistics.median(plain_cpu)
    print(f"  cpu seconds (ours incl. ffprobe/ffmpeg children) {c:.3f} vs plain ffmpeg {cb:.3f}; ratio {c / cb:.2f}")
    info = probe(src)
    t_probe = statistics.median(timed(lambda: probe(src)) for _ in range(RUNS))
    t_decode = statistics.median(timed(lambda: decode_to_master_rate(src, info.duration_s)) for _ in range(3))
    samples = decode_to_master_rate(src, info.duration_s)
    t_dsp = statistics.median(timed(lambda: dsp.normalise(dsp.trim_silence(samples, 8000), 8000))
                              for _ in range(3))
    print(f"  breakdown: probe {t_probe:.3f}  decode {t_decode:.3f}  trim+normalise {t_dsp:.3f}")


def bench_click_to_buffer(tmp: Path) -> None:
    from PySide6.QtCore import QElapsedTimer, QUrl
    from PySide6.QtMultimedia import QAudioBufferOutput, QAudioOutput, QMediaPlayer
    from PySide6.QtWidgets import QApplication

    from pbxdesk.audio.library import MediaLibrary
    from pbxdesk.audio.player import PromptPlayer
    from pbxdesk.domain.models import TtsPrompt
    from pbxdesk.widgets.prompt_widget import PromptWidget

    app = QApplication.instance() or QApplication([])
    player = PromptPlayer()
    if not player.available():
        print(f"click_to_first_buffer_ms      n/a ({player.unavailable_reason()})")
        return
    tts = EspeakEngine(tmp / "click-tts")
    widget = PromptWidget(library=MediaLibrary(tmp / "media"), tts=tts, player=player)
    text = "Здравствуйте! Вы позвонили в компанию «Ромашка»."
    widget.setPrompt(TtsPrompt(tts=text, voice="ru"))
    master = tts.synthesize(text, "ru")  # cached: the case being measured
    clock = QElapsedTimer()
    got: list[float] = []
    player.firstBuffer.connect(lambda: got.append(clock.nsecsElapsed() / 1e6))

    def wait(condition, timeout_ms: int = 5000) -> None:
        deadline = time.monotonic() + timeout_ms / 1000
        while not condition() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.001)

    ours: list[float] = []
    for _ in range(RUNS + 1):
        got.clear()
        clock.start()
        widget.listen.click()
        wait(lambda: bool(got))
        ours.append(got[0] if got else float("nan"))
        player.stop()
        wait(lambda: False, 100)

    bare = QMediaPlayer()
    out = QAudioOutput()
    bare.setAudioOutput(out)
    buffers = QAudioBufferOutput()
    bare.setAudioBufferOutput(buffers)
    base_got: list[float] = []
    buffers.audioBufferReceived.connect(lambda _b: base_got.append(clock.nsecsElapsed() / 1e6))
    base: list[float] = []
    for _ in range(RUNS + 1):
        base_got.clear()
        bare.stop()
        bare.setSource(QUrl())
        clock.start()
        bare.setSource(QUrl.fromLocalFile(str(master)))
        bare.play()
        wait(lambda: bool(base_got))
        base.append(base_got[0] if base_got else float("nan"))
        bare.stop()
        wait(lambda: False, 100)
    t, b = statistics.median(ours[1:]), statistics.median(base[1:])  # the first run warms the backend up
    print(f"click_to_first_buffer_ms      {t:.1f}   (backend {player.backend()}; bare QMediaPlayer {b:.1f}; "
          f"ratio {t / b:.2f}; first click {ours[0]:.1f}; target < 100 ms: {'OK' if t < 100 else 'MISSED'})")
    player.stop()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="pbxdesk-audio-bench-") as name:
        tmp = Path(name)
        bench_tts(tmp)
        bench_convert(tmp)
        bench_click_to_buffer(tmp)


if __name__ == "__main__":
    main()
