"""Editor of a self-service menu (R7): prompt, enabled keys, extension dialing, timeout and repeats.

Checking a key creates its (empty) branch on Save; unchecking a key whose branch is built asks first.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QMessageBox, QSpinBox, QWidget

from pbxdesk.domain.models import MENU_KEYS, AnyNode, MenuNode
from pbxdesk.scenario_editor.editors.base import EditorError, NodeEditor
from pbxdesk.scenario_editor.editors.fields import EditorContext

KEY_NAMES = {"*": "star", "#": "hash"}
KEYPAD = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")


def key_object_name(key: str) -> str:
    return "key_" + KEY_NAMES.get(key, key)


class MenuEditor(NodeEditor):
    kinds = ("menu",)

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.prompt = self._prompt_row("menuPrompt", self.tr("Message"))
        keypad = QWidget(self)
        grid = QGridLayout(keypad)
        grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, QCheckBox] = {}
        for pos, key in enumerate(KEYPAD):
            box = QCheckBox(key, keypad)
            box.setObjectName(key_object_name(key))
            box.setAccessibleName(self.tr("Key %1").replace("%1", key))
            box.toggled.connect(lambda on, k=key: self._key_toggled(k, on))
            grid.addWidget(box, pos // 3, pos % 3)
            self.keys[key] = box
        self.form.addRow(self.tr("Menu keys"), keypad)
        self.extension_dialing = self._switch("extensionDialing", self.tr("Extension dialing"))
        self.form.addRow("", self.extension_dialing)
        self.timeout = QSpinBox(self)
        self.timeout.setObjectName("menuTimeout")
        self.timeout.setRange(1, 30)
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setAccessibleName(self.tr("Wait for a key"))
        self.timeout.valueChanged.connect(self._changed)
        self.form.addRow(self.tr("Wait for a key"), self.timeout)
        self.repeats = QSpinBox(self)
        self.repeats.setObjectName("menuRepeats")
        self.repeats.setRange(1, 5)
        self.repeats.setAccessibleName(self.tr("Plays of the menu"))
        self.repeats.valueChanged.connect(self._changed)
        self.form.addRow(self.tr("Plays of the menu"), self.repeats)
        self.confirm: QMessageBox | None = None

    def _fill(self, node: AnyNode) -> None:
        assert isinstance(node, MenuNode)
        self.prompt.set(node.prompt)
        for key, box in self.keys.items():
            box.setChecked(key in node.keys)
        self.extension_dialing.setChecked(node.extension_dialing)
        self.timeout.setValue(node.timeout_s)
        self.repeats.setValue(node.repeats)
        notes = []
        if not 1 <= node.timeout_s <= 30:
            notes.append(self.tr("The stored wait of %1 s is outside 1–30 s.").replace("%1", str(node.timeout_s)))
        if not 1 <= node.repeats <= 5:
            notes.append(self.tr("The stored number of plays %1 is outside 1–5.").replace("%1", str(node.repeats)))
        self.show_note(" ".join(notes))

    def _built_branch(self, key: str) -> bool:
        current = self.current_node()
        return isinstance(current, MenuNode) and current.keys.get(key) is not None

    def _key_toggled(self, key: str, on: bool) -> None:
        if self._loading:
            return
        if not on and self._built_branch(key):
            self.confirm = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove key"),
                                       self.tr("Key %1 has a scenario. Remove the key and its scenario "
                                               "when you save?").replace("%1", key),
                                       QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            self.confirm.setObjectName("confirmKeyRemoval")
            answer = self.confirm.exec()
            self.confirm = None
            if answer != QMessageBox.StandardButton.Yes:
                box = self.keys[key]
                box.blockSignals(True)
                box.setChecked(True)
                box.blockSignals(False)
                return
        self._changed()

    def checked_keys(self) -> list[str]:
        return [k for k in MENU_KEYS if self.keys[k].isChecked()]

    def _collect(self, current: AnyNode | None) -> AnyNode:
        prompt = self.prompt.get()
        if prompt is None:
            raise EditorError(self.tr("A menu needs a message: a text or an audio file."))
        old_keys = current.keys if isinstance(current, MenuNode) else {}
        keys = {}
        for key in self.checked_keys():
            branch = old_keys.get(key)
            keys[key] = branch.model_copy(deep=True) if branch is not None else None
        no_input = current.no_input if isinstance(current, MenuNode) else None
        return MenuNode(prompt=prompt, keys=keys,
                        no_input=no_input.model_copy(deep=True) if no_input is not None else None,
                        extension_dialing=self.extension_dialing.isChecked(),
                        timeout_s=self.timeout.value(), repeats=self.repeats.value())
