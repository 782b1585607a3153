"""Opening a profile: the local store, the settings, media and TTS, and the server to sync with.

With no server configured in the profile, the app uses a separate demo profile (``<profile>/demo``) and its
own reference server with the demo company on a free loopback port (a child process: ``demo_server.py``);
nothing from the demo profile is ever pushed to a real server, because a real server gets its own profile
(the base one). The app waits for that server in the background (``start_server_async``) so the window
shows at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pbxdesk.app.options import Settings
from pbxdesk.store import ProfileInfo, Store, resolve_profile_dir
from pbxdesk.store.profile import database_path
from pbxdesk.store.quick_read import chosen_profile
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
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _library: Any = field(default=None, repr=False)
    _tts: Any = field(default=None, repr=False)

    @property
    def library(self) -> Any:
        """The profile's media library (imported on first use: audio pulls in numpy and scipy)."""
        if self._library is None:
            from pbxdesk.audio.library import MediaLibrary

            self._library = MediaLibrary(self.profile_dir / "media")
        return self._library

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
            return ApiClient(self.server_url, self.token)

    def start_server_async(self, done: Callable[[], None]) -> None:
        """In demo mode start the demo server (or take the one started early) and call ``done`` from a thread
        once it listens."""
        if not self.is_demo or self.embedded is not None:
            done()
            return

        def work() -> None:
            try:
                from pbxdesk.app.demo_server import take

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


def _base_info(base: Path) -> ProfileInfo | None:
    """What the base profile's file says (None when there is no file yet)."""
    if not database_path(base).exists():
        return None
    with Store.open(base) as store:
        return store.get_profile()


def open_profile(cli_value: str | None, settings: Settings | None = None) -> AppContext:
    """Open the profile ``cli_value`` names (see ``resolve_profile_dir``); ``settings`` is the window's own
    ``Settings`` of that profile when it was made first (the fast start), so both share one object."""
    base = resolve_profile_dir(cli_value)
    base.mkdir(parents=True, exist_ok=True)
    info = _base_info(base)
    profile, is_demo = chosen_profile(base, info)
    url = token = None
    if not is_demo and info is not None:
        from pbxdesk.sync.credentials import load_token

        url = info.server_url
        token = load_token(url, base)  # $PBXDESK_TOKEN, keyring or the opt-in file
    store = Store.open(profile)
    return AppContext(
        base_dir=base, profile_dir=profile, store=store, settings=settings or Settings(profile), is_demo=is_demo,
        server_url=url, token=token,
    )
