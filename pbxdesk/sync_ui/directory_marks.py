"""Numbers whose routings have problems against the company directory (a forward to someone who left, an
extension or e-mail removed), as the last sync counted them on the server (``Store.number_problems``): a
mark with a tooltip in the numbers list, and such a number opens with its editor at the problem (the node
selected in the scenario tree, the problem in the list under it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from pbxdesk.domain.directory_impact import first_directory_problem

if TYPE_CHECKING:
    from pbxdesk.store import Store


def _counts(store: Store) -> dict[str, int]:
    return {number: count for number, (_revision, count) in store.number_problems().items()}


class DirectoryMarks(QObject):
    """Kept by ``SyncUi``: reloads the counts with the other list marks, marks the list through the sync
    delegate and shows each opened number that has problems at the first of them."""

    def __init__(self, sync_ui: Any) -> None:
        super().__init__(sync_ui)
        self.sync_ui = sync_ui
        self.counts: dict[str, int] = {}
        self._waiting = False
        sync_ui.window.numbersShown.connect(self.refresh)

    def refresh(self) -> None:
        worker = self.sync_ui.window.worker
        if not worker.store_open:  # a fast start: the counts come once the store is open (the first screen
            if not self._waiting:  # is read without it, and this read must not open it sooner)
                self._waiting = True
                worker.storeOpened.connect(self.refresh)
            return
        worker.submit(_counts, self._loaded)

    def _loaded(self, result: Any, error: BaseException | None) -> None:
        if error is not None:
            return
        self.counts = dict(result)
        self.sync_ui.delegate.set_problems(self.counts)

    def editor_opened(self, editor: Any) -> None:
        if self.counts.get(editor.number):
            QTimer.singleShot(0, editor, lambda: show_first_problem(editor))


def show_first_problem(editor: Any) -> None:
    """Select the node of the editor's first directory problem (checked now, with the profile's directory)
    in the «Schedule and scenario» view."""
    problem = first_directory_problem(editor.scenarios.validator.run())
    if problem is None:
        return
    editor.views.setCurrentIndex(0)
    editor.scenarios.select_pointer(problem.pointer)
