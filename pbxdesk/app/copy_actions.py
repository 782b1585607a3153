"""Copying settings (R2) in the number editor: from another number into this one (one undoable edit), and
from this one's saved settings to several numbers at once (a summary first; stored and queued)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from pbxdesk.app.copy_dialog import CopyFromDialog, CopyToDialog
from pbxdesk.domain.defaults import copy_settings
from pbxdesk.domain.phone import format_number
from pbxdesk.widgets.session import SetValuesCommand

if TYPE_CHECKING:
    from pbxdesk.store import Store


class CopyActions:
    """Mixed into NumberEditor (which provides number, session, worker, status, copied, is_dirty, _saved).
    Its strings keep the editor's translation context, "NumberEditor"."""

    number: str
    session: Any
    worker: Any
    status: Any
    copied: Any
    copy_dialog: Any
    _saved: Any
    is_dirty: Any

    def copy_from(self) -> None:
        number = self.number
        self.worker.submit(lambda store: [(s.number, s.name) for s in store.list_numbers() if s.number != number],
                           self._copy_from_choose)

    def _copy_from_choose(self, numbers: Any, error: BaseException | None) -> None:
        if error is not None:
            self.status.setText(str(error))
            return
        dialog = CopyFromDialog(numbers, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._copy_from_chosen(dialog.chosen()))
        self.copy_dialog = dialog
        dialog.open()  # window-modal, without a nested event loop

    def _copy_from_chosen(self, source: str | None) -> None:
        if source is not None:
            self.worker.submit(lambda store: store.get_saved(source), self._copy_from_apply)

    def _copy_from_apply(self, source: Any, error: BaseException | None) -> None:
        if error is not None or source is None:
            if error is not None:
                self.status.setText(str(error))
            else:
                self.status.say(lambda: QCoreApplication.translate("NumberEditor", "The number has no saved settings."))
            return
        copied = copy_settings(source, self.session.document)
        changes = {"/timezone": copied.timezone, "/schedule": copied.schedule, "/scenarios": copied.scenarios}
        what = QCoreApplication.translate("NumberEditor", "Copy settings from %1")
        self.session.push(SetValuesCommand(self.session, changes, what.replace("%1", format_number(source.number))))
        shown = format_number(source.number)
        self.status.say(lambda: QCoreApplication.translate(
            "NumberEditor", "Settings copied from %1. Check them and save.").replace("%1", shown))

    def copy_to(self) -> None:
        if self.is_dirty():
            QMessageBox.information(self, QCoreApplication.translate("NumberEditor", "Copy settings"),
                                    QCoreApplication.translate(
                                        "NumberEditor",
                                        "Save the changes of this number first: its saved settings are copied."))
            return
        number = self.number

        def job(store: Store) -> Any:
            others = [s for s in store.list_numbers() if s.number != number]
            return {s.number: store.get_saved(s.number) for s in others}, {s.number for s in others if s.has_draft}

        self.worker.submit(job, self._copy_to_choose)

    def _copy_to_choose(self, result: Any, error: BaseException | None) -> None:
        if error is not None or self._saved is None:
            return
        targets, drafts = result
        dialog = CopyToDialog(self._saved, {n: d for n, d in targets.items() if d is not None}, self, drafts=drafts)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.copy_to_numbers(dialog.checked()) if dialog.checked() else None)
        self.copy_dialog = dialog
        dialog.open()

    def copy_to_numbers(self, numbers: list[str]) -> None:
        source, directory = self.number, self.session.directory
        self.worker.submit(lambda store: store.copy_settings(source, numbers, directory), self._copied)

    def _copied(self, result: Any, error: BaseException | None) -> None:
        if error is not None:
            self.status.say(lambda: QCoreApplication.translate("NumberEditor", "Not copied: %1").replace(
                "%1", str(error)))
            return
        count = str(len(result))
        self.status.say(lambda: QCoreApplication.translate(
            "NumberEditor", "Settings copied to %1 numbers and queued for sync.").replace("%1", count))
        self.copied.emit(list(result))

