"""Settings: server and login, UI language, audio output, grid step, auto-sync. Applied at once."""

from __future__ import annotations

from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from pbxdesk.desktop.context import AppContext
from pbxdesk.desktop.options import (
    AUDIO_OUTPUT,
    AUTO_SYNC,
    AUTO_SYNC_INTERVAL_S,
    GRID_GRANULARITY,
    LANGUAGE,
    Option,
)


class SettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.context = context
        s = context.settings
        form = QFormLayout(self)
        self.server = QLineEdit(context.server_url or "", self)
        self.server.setObjectName("serverUrl")
        self.server.setReadOnly(True)
        self.server.setAccessibleName(self.tr("Server address"))
        server_note = QLabel(self.tr("Demo: the built-in reference server with a demo company. To connect to a "
                                     "real server run: pbxdesk login URL") if context.is_demo else
                             self.tr("To connect to another server run: pbxdesk login URL"), self)
        server_note.setWordWrap(True)
        form.addRow(self.tr("Server:"), self.server)
        form.addRow("", server_note)
        self.language = self._combo("language", LANGUAGE, [("Русский", "ru"), ("English", "en")])
        form.addRow(self.tr("Language:"), self.language)
        outputs = [(self.tr("System default"), "")]
        outputs += [(d.description(), bytes(d.id().data()).decode(errors="replace"))
                    for d in QMediaDevices.audioOutputs()]
        self.audio = self._combo("audioOutput", AUDIO_OUTPUT, outputs)
        form.addRow(self.tr("Audio output:"), self.audio)
        self.granularity = self._combo("gridStep", GRID_GRANULARITY,
                                       [(self.tr("%1 min").replace("%1", str(m)), m) for m in (5, 15, 30, 60)])
        form.addRow(self.tr("Grid drag step:"), self.granularity)
        self.auto_sync = QCheckBox(self.tr("Sync automatically when online"), self)
        self.auto_sync.setObjectName("autoSync")
        self.auto_sync.setChecked(bool(s.get(AUTO_SYNC)))
        self.auto_sync.toggled.connect(lambda on: s.set(AUTO_SYNC, on))
        form.addRow("", self.auto_sync)
        self.interval = self._combo("syncInterval", AUTO_SYNC_INTERVAL_S,
                                    [(self.tr("every %1 s").replace("%1", str(v)), v) for v in (30, 60, 300, 900)])
        form.addRow(self.tr("Auto-sync:"), self.interval)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _combo(self, name: str, option: Option, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for text, value in items:
            combo.addItem(text, value)
        index = combo.findData(self.context.settings.get(option))
        combo.setCurrentIndex(max(index, 0))
        combo.currentIndexChanged.connect(lambda i: self.context.settings.set(option, combo.itemData(i)))
        return combo  # named by its form label (QFormLayout makes the label its buddy)
