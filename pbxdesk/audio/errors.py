"""Errors of the audio package: every message exists in Russian and English.

``str(error)`` is the English text (logs, CLI, the provisioning service); the GUI shows ``message_ru``
or ``message_en`` depending on the UI language.
"""

from __future__ import annotations


class AudioError(Exception):
    """A problem with an audio file, a synthesis or playback, worded for an administrator."""

    def __init__(self, message_en: str, message_ru: str, *, code: str = "audio") -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_ru = message_ru
        self.code = code

    def __str__(self) -> str:
        return self.message_en

    def message(self, language: str = "ru") -> str:
        """The message in ``language`` (``"ru"`` or ``"en"``)."""
        return self.message_ru if language.startswith("ru") else self.message_en


class AudioCancelled(AudioError):
    """The operation was cancelled by the user; nothing was written."""

    def __init__(self) -> None:
        super().__init__("The operation was cancelled.", "Операция отменена.", code="cancelled")


def empty_file() -> AudioError:
    return AudioError("The file is empty.", "Файл пустой.", code="empty")


def too_large(size: int, limit: int) -> AudioError:
    mb, limit_mb = size / 1024 / 1024, limit / 1024 / 1024
    return AudioError(
        f"The file is too large: {mb:.1f} MB (at most {limit_mb:.0f} MB).",
        f"Файл слишком большой: {mb:.1f} МБ (не более {limit_mb:.0f} МБ).",
        code="too_large",
    )


def too_long(duration_s: float, limit_s: float) -> AudioError:
    return AudioError(
        f"The recording is too long: {_mmss(duration_s)} (at most {_mmss(limit_s)}).",
        f"Запись слишком длинная: {_mmss(duration_s)} (не более {_mmss(limit_s)}).",
        code="too_long",
    )


def not_audio(detail: str = "") -> AudioError:
    suffix = f" ({detail})" if detail else ""
    return AudioError(
        f"The file is not an audio file{suffix}. Use WAV, MP3, OGG, FLAC or M4A.",
        f"Файл не является аудиофайлом{suffix}. Используйте WAV, MP3, OGG, FLAC или M4A.",
        code="not_audio",
    )


def unsupported_format(fmt: str) -> AudioError:
    return AudioError(
        f"Unsupported audio format «{fmt}». Use WAV, MP3, OGG, FLAC or M4A.",
        f"Неподдерживаемый формат аудио «{fmt}». Используйте WAV, MP3, OGG, FLAC или M4A.",
        code="unsupported",
    )


def corrupt(detail_en: str = "", detail_ru: str | None = None) -> AudioError:
    """A damaged file; ``detail_ru`` defaults to ``detail_en`` (a decoder's own words are not translated)."""
    ru = detail_en if detail_ru is None else detail_ru
    return AudioError(
        f"The audio file is damaged and cannot be decoded{': ' + detail_en if detail_en else ''}.",
        f"Аудиофайл повреждён и не может быть декодирован{': ' + ru if ru else ''}.",
        code="corrupt",
    )


def silent() -> AudioError:
    return AudioError(
        "The recording contains only silence.",
        "Запись содержит только тишину.",
        code="silent",
    )


def not_found(path: str) -> AudioError:
    return AudioError(f"The file {path} does not exist.", f"Файл {path} не найден.", code="not_found")


def tool_missing(tool: str) -> AudioError:
    return AudioError(
        f"The program {tool} is not installed.",
        f"Не установлена программа {tool}.",
        code="tool_missing",
    )


def _mmss(seconds: float) -> str:
    total = int(round(seconds))
    return f"{total // 60}:{total % 60:02d}"
