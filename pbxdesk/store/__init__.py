"""Local store of a profile: SQLite through SQLAlchemy 2.x, alembic migrations, drafts and the outbox.

Entry points: :class:`Store` (``Store.open(profile_dir)``), :func:`resolve_profile_dir`, the records
(:class:`NumberSummary`, :class:`PendingChange`, :class:`FieldChange`, :class:`OutboxItem`,
:class:`MediaEntry`, :class:`ProfileInfo`) and the errors (:class:`StoreVersionError`, :class:`ProfileUnavailable`,
:class:`UnknownNumberError`, :class:`SaveRefusedError`). See docs/store.md.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pbxdesk.store.errors import (
        ProfileUnavailable,
        SaveRefusedError,
        StoreError,
        StoreVersionError,
        UnknownNumberError,
    )
    from pbxdesk.store.profile import resolve_profile_dir
    from pbxdesk.store.records import (
        FieldChange,
        MediaEntry,
        NumberSummary,
        OutboxItem,
        PendingChange,
        ProfileInfo,
    )
    from pbxdesk.store.store import Store

_WHERE = {
    "ProfileUnavailable": "errors", "SaveRefusedError": "errors", "StoreError": "errors", "StoreVersionError": "errors",
    "UnknownNumberError": "errors", "resolve_profile_dir": "profile", "FieldChange": "records",
    "MediaEntry": "records", "NumberSummary": "list_rows", "OutboxItem": "records", "PendingChange": "records",
    "ProfileInfo": "list_rows", "Store": "store",
}


def __getattr__(name: str) -> Any:
    """Names are imported on first use: ``Store`` pulls in SQLAlchemy (about 0.3 s), and the app shows its
    window before that (see ``quick_read``)."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'pbxdesk.store' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"pbxdesk.store.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "FieldChange", "MediaEntry", "NumberSummary", "OutboxItem", "PendingChange", "ProfileInfo",
    "ProfileUnavailable", "SaveRefusedError", "Store", "StoreError", "StoreVersionError", "UnknownNumberError", "resolve_profile_dir",
]
