"""What a sync does with a number the company no longer has (the change feed says ``deleted``, or the
server answers 410 ``number-withdrawn`` to a read or a push): the number becomes ``withdrawn`` in the
profile with everything local kept (:mod:`pbxdesk.store.withdrawn`), and the report says so
(:attr:`SyncReport.withdrawn`, and :attr:`SyncReport.kept_edits` for an unsent edit that stays here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pbxdesk.store import Store

if TYPE_CHECKING:
    from pbxdesk.sync.engine import SyncReport


def withdraw(store: Store, number: str, report: SyncReport) -> None:
    kept = store.withdraw(number)
    if kept is None:  # never in this profile: nothing to keep
        return
    if number not in report.withdrawn:
        report.withdrawn.append(number)
    if kept and number not in report.kept_edits:
        report.kept_edits.append(number)
