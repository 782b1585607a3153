"""Look at an input file with ffprobe before anything decodes it: size, type and duration limits."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pbxdesk.audio import errors

MAX_BYTES = 20 * 1024 * 1024
MAX_DURATION_S = 600.0
PROBE_TIMEOUT_S = 30.0

# ffprobe's format names of the accepted containers (WAV, MP3, OGG, FLAC, M4A and close relatives).
ACCEPTED_FORMATS = {"wav", "w64", "mp3", "ogg", "flac", "mov", "mp4", "m4a", "aiff", "aac", "webm", "matroska"}
# Magic numbers of audio containers: such a file that ffprobe cannot read is damaged, not of a wrong type.
_AUDIO_MAGIC = (b"RIFF", b"ID3", b"fLaC", b"OggS", b"FORM", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xf1")
_AUDIO_SUFFIXES = {".wav", ".mp3", ".ogg", ".oga", ".opus", ".flac", ".m4a", ".mp4", ".aac", ".aif", ".aiff"}


@dataclass(frozen=True)
class ProbeResult:
    format_name: str
    codec: str
    duration_s: float | None
    sample_rate: int
    channels: int
    size: int


def ffmpeg_tool(name: str) -> str:
    """The path of ``ffmpeg``/``ffprobe``, or an AudioError saying it is missing."""
    path = shutil.which(name)
    if path is None:
        raise errors.tool_missing(name)
    return path


def check_size(size: int) -> None:
    if size == 0:
        raise errors.empty_file()
    if size > MAX_BYTES:
        raise errors.too_large(size, MAX_BYTES)


def probe(src: Path) -> ProbeResult:
    """Check ``src`` without decoding it: exists, not empty, ≤ 20 MB, audio of an accepted type, ≤ 10 min."""
    try:
        size = os.stat(src).st_size
    except FileNotFoundError:
        raise errors.not_found(str(src)) from None
    check_size(size)
    cmd = [ffmpeg_tool("ffprobe"), "-v", "error", "-print_format", "json", "-show_entries",
           "format=format_name,format_long_name,duration:stream=codec_type,codec_name,sample_rate,channels,duration",
           str(src)]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=PROBE_TIMEOUT_S, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise errors.corrupt("it could not be read in time", "его не удалось прочитать за отведённое время") from None
    info = _parse_json(proc.stdout)
    if proc.returncode != 0 or not info.get("format"):
        if _looks_like_audio(src):
            raise errors.corrupt(_first_line(proc.stderr))
        raise errors.not_audio()
    fmt = info["format"]
    streams = [s for s in info.get("streams", []) if s.get("codec_type") == "audio"]
    if not streams:
        raise errors.not_audio()
    format_name = str(fmt.get("format_name", ""))
    if not set(format_name.split(",")) & ACCEPTED_FORMATS:
        raise errors.unsupported_format(str(fmt.get("format_long_name") or format_name))
    stream = streams[0]
    duration = _float(fmt.get("duration")) or _float(stream.get("duration"))
    if duration is not None and duration > MAX_DURATION_S:
        raise errors.too_long(duration, MAX_DURATION_S)
    sample_rate = int(_float(stream.get("sample_rate")) or 0)
    channels = int(stream.get("channels") or 0)
    if sample_rate <= 0 or channels <= 0:
        raise errors.corrupt("no sample rate or channel count", "не указаны частота или число каналов")
    return ProbeResult(format_name, str(stream.get("codec_name", "")), duration, sample_rate, channels, size)


def _parse_json(raw: bytes) -> dict[str, Any]:
    try:
        value = json.loads(raw.decode("utf-8", "replace") or "{}")
    except json.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def _float(value: object) -> float | None:
    try:
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return result if result == result and result > 0 else None  # NaN and N/A count as unknown


def _looks_like_audio(src: Path) -> bool:
    with open(src, "rb") as fh:
        head = fh.read(12)
    return head.startswith(_AUDIO_MAGIC) or head[4:8] == b"ftyp" or src.suffix.lower() in _AUDIO_SUFFIXES


def _first_line(stderr: bytes) -> str:
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    if not lines:
        return ""
    text = lines[-1]
    return text.split(": ", 1)[-1] if text.startswith(("/", "[")) else text
