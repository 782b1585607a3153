"""Opening a profile: the local store, the settings, media and TTS, and the server to sync with.

With no server configured in the profile, the app uses a separate demo profile (``<profile>/demo``) and its
own reference server with the demo company on a free loopback port (a child process:
``pbxdesk.desktop.demo_server``); nothing from the demo profile is ever pushed to a real server, because a
real server gets its own profile (the base one). The app waits for that server in the background
(``AppContext.start_server_async``) so the window shows at once.
"""

from __future__ import annotations

from pbxdesk.desktop.context import AppContext
from pbxdesk.desktop.options import Settings
from pbxdesk.store.in_use import profile_in_use, quick_profile_in_use


def open_profile(cli_value: str | None, settings: Settings | None = None, store_later: bool = False) -> AppContext:
    """Open the profile ``cli_value`` names (see :mod:`pbxdesk.store.in_use`, the rule the commands follow
    too); ``settings`` is the window's own ``Settings`` of that profile when it was made first (the fast
    start), so both share one object. ``store_later`` (the fast start, whose profile file is known to be at
    the newest revision): open neither the store nor the keyring now; ``AppContext.own_store()`` and
    ``AppContext.load_token()`` do when first needed."""
    found = quick_profile_in_use(cli_value) if store_later else None
    base, profile, info, is_demo = found or profile_in_use(cli_value)
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # a read-only or full disk: the profile may still be read below, or the store says why not
    url = token = None
    if not is_demo and info is not None:
        url = info.server_url
        if not store_later:
            from pbxdesk.sync.credentials import load_token

            token = load_token(url, base)  # $PBXDESK_TOKEN, keyring or the opt-in file
    store = trouble = None
    if not store_later:
        from pbxdesk.desktop.store_worker import open_store

        store, trouble = open_store(profile)  # read-only (with the reason) when its disk cannot be written
        if store is None:
            raise trouble or RuntimeError(f"the profile {profile} could not be opened")
    return AppContext(
        base_dir=base, profile_dir=profile, store=store, settings=settings or Settings(profile), is_demo=is_demo,
        server_url=url, token=token, profile_trouble=trouble, token_later=store_later and url is not None,
    )
