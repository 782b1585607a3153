"""Local store of a profile: SQLite through SQLAlchemy 2.x, alembic migrations, drafts and the outbox.

Entry points: :class:`Store` (``Store.open(profile_dir)``), :func:`resolve_profile_dir`, the records
(:class:`NumberSummary`, :class:`PendingChange`, :class:`FieldChange`, :class:`OutboxItem`,
:class:`MediaEntry`, :class:`ProfileInfo`) and the errors (:class:`StoreVersionError`,
:class:`UnknownNumberError`, :class:`SaveRefusedError`). See docs/store.md.
"""

from pbxdesk.store.errors import SaveRefusedError, StoreError, StoreVersionError, UnknownNumberError
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

__all__ = [
    "FieldChange", "MediaEntry", "NumberSummary", "OutboxItem", "PendingChange", "ProfileInfo",
    "SaveRefusedError", "Store", "StoreError", "StoreVersionError", "UnknownNumberError", "resolve_profile_dir",
]
