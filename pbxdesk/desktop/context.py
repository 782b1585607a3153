"""The profile open in the app: its store, settings, media library, TTS engine and the server to sync with.

``pbxdesk.app.startup.open_profile`` makes it. With no server configured the profile is the demo one and
``start_server_async`` waits, in the background, for the reference server with the demo company on a free
loopback port (a child process: ``demo_server``), so the window shows at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pbxdesk.desktop.options import Settings
from pbxdesk.store import Store
from pbxdesk.sync.client import ApiClient

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    base_dir: Path
    profile_dir: Path
    store: Store
    settings: Settings
    is_demo: bool
    server_url: str | None = None
    token: str | None = None
    embedded: Any = None
    server_error: str | None = None
    profile_trouble: Any = None  # a StoreError: the profile's disk cannot be written (the store is read-only)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _library: Any = field(default=None, repr=False)
    _tts: Any = field(default=None, repr=False)
    _media_names: Any = field(default=None, repr=False)

    @property
    def library(self) -> Any:
        """The profile's media library (imported on first use: audio pulls in numpy and scipy)."""
        if self._library is None:
            from pbxdesk.audio.library import MediaLibrary

            self._library = MediaLibrary(self.profile_dir / "media", names=self.media_names)
        return self._library

    @property
    def media_names(self) -> Any:
        """The names the profile's audio files are known by (no audio code loaded: the numbers list uses it)."""
        with self._lock:
            if self._media_names is None:
                from pbxdesk.audio.media_names import MediaNames

                self._media_names = MediaNames(self.profile_dir / "media")
            return self._media_names

    @property
    def tts(self) -> Any:
        if self._tts is None:
            from pbxdesk.audio.tts import EspeakEngine

            self._tts = EspeakEngine(self.profile_dir / "tts-cache")
        return self._tts

    def open_store(self) -> Store:
        """Another connection to the same profile, for a worker thread (one Store per thread)."""
        return Store.open(self.profile_dir)

    def make_client(self) -> ApiClient | None:
        with self._lock:
            if not self.server_url or not self.token:
                return None
            from pbxdesk.desktop.i18n import current_language

            return ApiClient(self.server_url, self.token, language=current_language)

    def start_server_async(self, done: Callable[[], None]) -> None:
        """In demo mode start the demo server (or take the one started early) and call ``done`` from a thread
        once it listens."""
        if not self.is_demo or self.embedded is not None:
            done()
            return

        def work() -> None:
            try:
                from pbxdesk.desktop.demo_server import take

                server = take(self.profile_dir / "server").wait()
                with self._lock:
                    self.embedded, self.server_url, self.token = server, server.url, server.token
                self.store.set_profile(server_url=server.url, is_demo=True)
            except Exception as exc:  # the app still works offline on the local store
                log.exception("embedded server failed")
                self.server_error = str(exc)
            done()

        threading.Thread(target=work, name="pbxdesk-demo-server", daemon=True).start()

    def close(self) -> None:
        if self.embedded is not None:
            self.embedded.stop()
            self.embedded = None
        self.store.close()
