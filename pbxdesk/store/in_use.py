"""Which profile a ``--profile DIR`` value (else ``$PBXDESK_HOME``, else the platform data directory) means,
for the app and for the ``pbxdesk`` commands alike.

The directory named is the *base* profile. Once ``pbxdesk login URL`` has connected it to a server it is
the profile in use; before that the app works on its demo company in ``DIR/demo`` (so nothing from the demo
is ever pushed to a real server), and the commands that read or change numbers use that same demo profile:
``pbxdesk numbers --profile DIR`` lists what ``pbxdesk --profile DIR`` shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from pbxdesk.store.list_rows import ProfileInfo
from pbxdesk.store.profile import database_path, resolve_profile_dir
from pbxdesk.store.quick_read import chosen_profile


class ProfileInUse(NamedTuple):
    base_dir: Path  # the directory named
    profile_dir: Path  # the one the app opens: base_dir, or base_dir/demo
    base_info: ProfileInfo | None  # what the base profile's file says (None: no file yet)
    is_demo: bool


def base_info(base: Path) -> ProfileInfo | None:
    """What the base profile's file says (None when there is no file yet). StoreError when it cannot be read
    (a newer pbxdesk wrote it, ...)."""
    if not database_path(base).exists():
        return None
    from pbxdesk.store.store import Store

    with Store.open(base, read_only=True) as store:  # (read even when its disk cannot be written)
        return store.get_profile()


def quick_profile_in_use(cli_value: str | None) -> ProfileInUse | None:
    """``profile_in_use`` read with stdlib ``sqlite3`` (no SQLAlchemy), for a base profile file at the newest
    revision or none; None when that cannot answer (``profile_in_use`` then does)."""
    from pbxdesk.store.quick_read import read_profile

    base = resolve_profile_dir(cli_value)
    info = None
    if database_path(base).exists():
        info = read_profile(base)
        if info is None:
            return None
    profile, is_demo = chosen_profile(base, info)
    return ProfileInUse(base, profile, info, is_demo)


def profile_in_use(cli_value: str | None) -> ProfileInUse:
    base = resolve_profile_dir(cli_value)
    info = base_info(base)
    profile, is_demo = chosen_profile(base, info)
    return ProfileInUse(base, profile, info, is_demo)
