"""The profile open in the app: its store, settings, media library, TTS engine and the server to sync with.

``pbxdesk.app.startup.open_profile`` makes it. With no server configured the profile is the demo one and
``start_server_async`` waits, in the background, for the reference server with the demo company on a free
loopback port (a child process: ``demo_server``), so the window shows at once.

At a fast start the context is made without its store and without the token (SQLAlchemy, the keyring and
``requests`` are not imported before the first screen is usable): ``own_store()`` opens the store when first
needed, and the token is read from the keyring when the server is first asked (``make_client``, on the
sync's thread; the reachability check asks only after the first sync).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pbxdesk.desktop.options import Settings

if TYPE_CHECKING:  # imported when first used: SQLAlchemy and requests are not needed for the first screen
    from pbxdesk.store import Store
    from pbxdesk.sync.client import ApiClient

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    base_dir: Path
    profile_dir: Path
    store: Store | None  # None until own_store() opened it (a fast start)
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
    token_later: bool = False  # the token is still to be read (``load_token``) for ``server_url``

    def own_store(self) -> Store:
        """The context's own store, opened now if it was not yet (on the calling thread; not the GUI's)."""
        with self._lock:
            if self.store is None:
                from pbxdesk.desktop.store_worker import open_store

                store, trouble = open_store(self.profile_dir)
                if store is None:
                    raise trouble or RuntimeError(f"the profile {self.profile_dir} could not be opened")
                self.store = store
            return self.store

    def load_token(self) -> str | None:
        """The token for ``server_url``, read from ``$PBXDESK_TOKEN``, the keyring or the file the first time
        (it may ask the keyring: call it off the GUI thread)."""
        with self._lock:
            if self.token_later:
                self.token_later = False
                if self.server_url and not self.token:
                    from pbxdesk.sync.credentials import load_token

                    self.token = load_token(self.server_url, self.base_dir)
            return self.token

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
        from pbxdesk.store import Store

        return Store.open(self.profile_dir)

    def make_client(self) -> ApiClient | None:
        self.load_token()
        with self._lock:
            if not self.server_url or not self.token:
                return None
            from pbxdesk.desktop.i18n import current_language
            from pbxdesk.sync.client import ApiClient

            return ApiClient(self.server_url, self.token, language=current_language)

    def start_server_async(self, done: Callable[[], None]) -> None:
        """In demo mode start the demo server (or take the one started early) and call ``done`` from a thread
        once it listens."""
        if not self.is_demo or self.embedded is not None:
            done()  # (a token still to be read is read by the first sync, on its thread: make_client)
            return

        def work() -> None:
            try:
                from pbxdesk.desktop.demo_server import take

                server = take(self.profile_dir / "server").wait()
                with self._lock:
                    self.embedded, self.server_url, self.token = server, server.url, server.token
                self.own_store().set_profile(server_url=server.url, is_demo=True)
            except Exception as exc:  # the app still works offline on the local store
                log.exception("embedded server failed")
                self.server_error = str(exc)
            done()

        threading.Thread(target=work, name="pbxdesk-demo-server", daemon=True).start()

    def close(self) -> None:
        if self.embedded is not None:
            self.embedded.stop()
            self.embedded = None
        if self.store is not None:
            self.store.close()
