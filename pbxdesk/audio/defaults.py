"""Where the desktop app keeps its media library and TTS cache when nothing else is configured."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from pbxdesk.audio.library import MediaLibrary
from pbxdesk.audio.tts import EspeakEngine


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir("pbxdesk", appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("pbxdesk", appauthor=False))


def default_library() -> MediaLibrary:
    """The media library under the user's data directory (``…/pbxdesk/media``)."""
    return MediaLibrary(data_dir() / "media")


def default_tts() -> EspeakEngine:
    """espeak-ng with its cache under the user's cache directory (``…/pbxdesk/tts``)."""
    return EspeakEngine(cache_dir() / "tts")
