"""``ScenarioEditor``: the call tree, the problems under it, "Save changes", and the action editor beside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.domain.problems import Problem
from pbxdesk.scenario_editor import clipboard, commands, labels
from pbxdesk.scenario_editor.action_menu import ActionMenu
from pbxdesk.scenario_editor.editors.fields import EditorContext, shared_audio
from pbxdesk.scenario_editor.node_panel import NodePanel
from pbxdesk.scenario_editor.problems_view import ProblemsList, Validator
from pbxdesk.scenario_editor.tree_items import NODE, PLUS
from pbxdesk.scenario_editor.tree_model import POINTER_ROLE, ScenarioTreeModel
from pbxdesk.scenario_editor.tree_view import ScenarioTreeView
from pbxdesk.widgets.session import DocumentSession

MISSING_BRANCH_CODES = frozenset({"scenario.missing", "menu.key_missing_branch", "menu.no_input_missing"})


class ScenarioEditor(QWidget):
    """Edits ``session.document.scenarios`` through commands on ``session.undo_stack``.

    ``saveRequested`` is emitted by "Save changes" only when there are no errors; otherwise the
    editor refuses, names the branches without a scenario (R14) and emits ``saveRefused(texts)``.
    """

    saveRequested = Signal()
    saveRefused = Signal(list)

    def __init__(self, session: DocumentSession, parent: QWidget | None = None, library: Any = None,
                 tts: Any = None, player: Any = None, media: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ScenarioTreeModel(session, self)
        self.context = shared_audio(EditorContext(session, library, tts, player, media), self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.tree = ScenarioTreeView(self.model, left)
        column.addWidget(self.tree, 1)
        self.problems = ProblemsList(self.model, left)
        column.addWidget(self.problems)
        self.save_message = QLabel(left)
        self.save_message.setObjectName("saveMessage")
        self.save_message.setWordWrap(True)
        self.save_message.setStyleSheet("color: #c62828;")
        self.save_message.hide()
        column.addWidget(self.save_message)
        self.save_button = QPushButton(self.tr("Save changes"), left)
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Save changes"))
        self.save_button.clicked.connect(self.request_save)
        column.addWidget(self.save_button)
        self.panel = NodePanel(self.context, self.model, splitter)  # its fields scroll, its buttons stay in sight
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.action_menu = ActionMenu(self)
        self.action_menu.chosen.connect(self._action_chosen)
        self.validator = Validator(self.model, self)
        self.validator.problemsChanged.connect(self.problems.show_problems)
        self.problems.pointerActivated.connect(self.select_pointer)
        self.problems.hide()
        self._make_actions()
        self.tree.plusActivated.connect(self.open_action_menu)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.panel.nodeSaved.connect(self.select_pointer)
        session.changed.connect(self._document_changed)
        session.mediaNamesChanged.connect(self.model.relabel)  # greetings named as they were uploaded
        self.validator.timer.start()  # the first check too runs off the opening path

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Relabel everything after ``pbxdesk.desktop.i18n.set_language`` (open editors are rebuilt)."""
        self.save_button.setText(self.tr("Save changes"))
        self.save_button.setAccessibleName(self.tr("Save changes"))
        for action, text in ((self.cut_action, self.tr("Cut")), (self.copy_action, self.tr("Copy")),
                             (self.paste_action, self.tr("Paste")), (self.delete_action, self.tr("Delete")),
                             (self.undo_action, self.tr("Undo")), (self.redo_action, self.tr("Redo"))):
            action.setText(text)
        self.action_menu.relabel()
        self.model.relabel()
        self.panel.rebuild()
        self.problems.show_problems(self.validator.problems)

    # ---- actions --------------------------------------------------------------------------------
    def _action(self, name: str, text: str, keys: list[QKeySequence], slot: Any, widget: QWidget,
                context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut) -> QAction:
        action = QAction(text, widget)
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.setShortcutContext(context)
        action.triggered.connect(slot)
        widget.addAction(action)
        return action

    def _make_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.cut_action = self._action("cutAction", self.tr("Cut"), [QKeySequence(std.Cut)], self.cut, self.tree)
        self.copy_action = self._action("copyAction", self.tr("Copy"), [QKeySequence(std.Copy)], self.copy,
                                        self.tree)
        self.paste_action = self._action("pasteAction", self.tr("Paste"), [QKeySequence(std.Paste)], self.paste,
                                         self.tree)
        self.delete_action = self._action("deleteAction", self.tr("Delete"), [QKeySequence(std.Delete)],
                                          self.delete_selected, self.tree)
        whole = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.undo_action = self._action("undoAction", self.tr("Undo"), [QKeySequence(std.Undo)],
                                        self.session.undo_stack.undo, self, whole)
        self.redo_action = self._action("redoAction", self.tr("Redo"),
                                        [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
                                        self.session.undo_stack.redo, self, whole)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        menu = QMenu(self)
        if index.isValid() and self.model.drop_target(index) is not None:
            menu.addMenu(self.action_menu).setText(self.tr("Add action"))
        for action in (self.cut_action, self.copy_action, self.paste_action, self.delete_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    # ---- selection and the panel ----------------------------------------------------------------
    def current_pointer(self) -> str | None:
        index = self.tree.currentIndex()
        return str(index.data(POINTER_ROLE)) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        ptr = str(current.data(POINTER_ROLE)) if current.isValid() else None
        if ptr != self.panel.pointer or self.panel.new_kind is not None:
            self.panel.show_pointer(ptr)

    def select_pointer(self, ptr: str) -> None:
        index = self.model.index_for_pointer(ptr)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        self.tree.setFocus()

    def _document_changed(self, *_args: Any) -> None:
        self.panel.sync()
        if not self.tree.currentIndex().isValid() and self.panel.pointer:
            index = self.model.index_for_pointer(self.panel.pointer)
            if index.isValid():
                self.tree.selectionModel().blockSignals(True)
                self.tree.setCurrentIndex(index)
                self.tree.selectionModel().blockSignals(False)
        self.save_message.hide()

    def open_action_menu(self, index: QModelIndex) -> None:
        slot = self.model.drop_target(index)
        if slot is None:
            return
        self.action_menu.target = slot.pointer
        rect = self.tree.visualRect(index)
        self.action_menu.popup(self.tree.viewport().mapToGlobal(rect.bottomLeft()))
        self.action_menu.setActiveAction(self.action_menu.actions()[0])

    def _action_chosen(self, ptr: str, kind: str) -> None:
        self.panel.start_new(ptr, kind)

    # ---- clipboard and deletion -----------------------------------------------------------------
    def _selected_node_pointer(self) -> str | None:
        index = self.tree.currentIndex()
        item = self.model.row_item(index) if index.isValid() else None
        node_item = item.node_item() if item is not None else None
        return node_item.pointer if node_item is not None and node_item.kind == NODE else None

    def copy(self) -> bool:
        ptr = self._selected_node_pointer()
        node = self.model.node_at(ptr) if ptr else None
        if node is None:
            return False
        clipboard.copy_to_clipboard(node)
        return True

    def cut(self) -> bool:
        ptr = self._selected_node_pointer()
        if ptr is None or not self.copy():
            return False
        node = self.model.node_at(ptr)
        assert node is not None
        commands.delete_node(self.session, ptr, self.tr("Cut %1").replace("%1", labels.kind_names()[node.type]))
        return True

    def paste(self) -> bool:
        """Paste the clipboard's action into the selected empty branch, or in place of the selected action."""
        node = clipboard.node_from_clipboard()
        index = self.tree.currentIndex()
        item = self.model.row_item(index) if index.isValid() else None
        if node is None or item is None:
            return False
        target = self.model.drop_target(index)
        ptr = target.pointer if target is not None else self._selected_node_pointer()
        if ptr is None:
            return False
        commands.set_node(self.session, ptr, node,
                          self.tr("Paste %1").replace("%1", labels.kind_names()[node.type]))
        self.select_pointer(ptr)
        return True

    def delete_selected(self) -> bool:
        ptr = self._selected_node_pointer()
        node = self.model.node_at(ptr) if ptr else None
        if ptr is None or node is None:
            return False
        commands.delete_node(self.session, ptr,
                             self.tr("Delete %1").replace("%1", labels.kind_names()[node.type]))
        self.select_pointer(ptr)
        return True

    # ---- saving ---------------------------------------------------------------------------------
    def request_save(self) -> bool:
        """Emit ``saveRequested`` when the document has no errors; otherwise refuse and say why (R14)."""
        if self.panel.dirty and not self.panel.save():
            self._refuse([self.tr("Finish or cancel the action being edited first.")])
            return False
        errors = [p for p in self.validator.run() if p.is_error]
        if errors:
            self._refuse(self._describe(errors))
            return False
        self.save_message.hide()
        self.saveRequested.emit()
        return True

    def _describe(self, errors: list[Problem]) -> list[str]:
        lang = labels.ui_language()
        missing = [self.model.branch_path(p.pointer) for p in errors if p.code in MISSING_BRANCH_CODES]
        lines = []
        if missing:
            lines.append(self.tr("Branches without a scenario: %1").replace("%1", "; ".join(missing)))
        others = [p for p in errors if p.code not in MISSING_BRANCH_CODES]
        for problem in others:
            lines.append(f"{self.model.branch_path(problem.pointer)}: {problem.message(lang)}")
        return lines

    def _refuse(self, lines: list[str]) -> None:
        self.save_message.setText(self.tr("Not saved.") + " " + " ".join(lines))
        self.save_message.show()
        self.saveRefused.emit(lines)

    def plus_index(self, ptr: str) -> QModelIndex:
        """The "+" row of the empty branch ``ptr`` (invalid when the branch is not empty)."""
        slot = self.model.slot_for_pointer(ptr)
        if slot is None or slot.pointer != ptr or not slot.children or slot.children[0].kind != PLUS:
            return QModelIndex()
        return self.model.index_of(slot.children[0])
