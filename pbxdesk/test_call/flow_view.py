"""``FlowOverview``: the flow diagram in a zoomable view with Fit, and Export PNG / PDF buttons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.test_call.flow_scene import FlowScene
from pbxdesk.widgets import file_dialogs
from pbxdesk.widgets.flow_layout import FlowLayout
from pbxdesk.widgets.session import DocumentSession

REBUILD_MS = 300
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.1, 4.0


class FlowView(QGraphicsView):
    """Read-only; Ctrl+wheel zooms, dragging pans."""

    def __init__(self, scene: FlowScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("flowView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setInteractive(False)

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        self.resetTransform()
        self.scale(factor, factor)

    def fit(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.set_zoom(1.0)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self.zoom() * (ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP))
            event.accept()
            return
        super().wheelEvent(event)


class FlowOverview(QWidget):
    """``FlowOverview(session, parent=None)``: rebuilt after every edit; ``exported(path)`` after export."""

    exported = Signal(str)

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flowOverview")
        self.session = session
        self.scene = FlowScene(session.document, session.directory, self)
        self.view = FlowView(self.scene, self)
        self.zoom_in_button = QPushButton(self)
        self.zoom_out_button = QPushButton(self)
        self.fit_button = QPushButton(self)
        self.png_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        self.window_button = QPushButton(self)
        self.window_button.setObjectName("flowWindow")
        self.window_button.clicked.connect(self.open_window)
        self.flow_window: FlowOverview | None = None
        for name, button in (("flowZoomIn", self.zoom_in_button), ("flowZoomOut", self.zoom_out_button),
                             ("flowFit", self.fit_button), ("flowExportPng", self.png_button),
                             ("flowExportPdf", self.pdf_button)):
            button.setObjectName(name)
        self.zoom_in_button.clicked.connect(lambda: self.view.set_zoom(self.view.zoom() * ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.view.set_zoom(self.view.zoom() / ZOOM_STEP))
        self.fit_button.clicked.connect(self.view.fit)
        self.png_button.clicked.connect(self._ask_png)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.status = QLabel(self)
        self.status.setObjectName("flowStatus")
        self.status.setWordWrap(True)  # a long saved path wraps instead of widening the whole side panel
        # the buttons wrap: this page shares its tab widget (and so its minimum width) with the test call,
        # which must fit beside the number editor
        tools = FlowLayout()
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button, self.window_button,
                       self.png_button, self.pdf_button):
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self, singleShot=True, interval=REBUILD_MS)
        self._timer.timeout.connect(self.rebuild)
        session.changed.connect(self._changed)
        session.mediaNamesChanged.connect(self._timer.start)
        self.retranslate()

    def retranslate(self) -> None:
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setAccessibleName(self.tr("Zoom in"))
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setAccessibleName(self.tr("Zoom out"))
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setAccessibleName(self.tr("Fit the diagram in the view"))
        self.png_button.setText(self.tr("Export PNG…"))
        self.pdf_button.setText(self.tr("Export PDF…"))
        self.view.setAccessibleName(self.tr("Flow overview of the number"))
        self.window_button.setText(self.tr("Window"))
        self.window_button.setToolTip(self.tr("Open the diagram in a separate window"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.rebuild()
        super().changeEvent(event)

    def _changed(self, _area: str, _ptr: str) -> None:
        self._timer.start()  # the name is on the number's box too

    def rebuild(self) -> None:
        self.scene.rebuild(self.session.document, self.session.directory, self.session.media_names)

    def export_png(self, path: str | Path) -> None:
        image = self.scene.export_png(path)
        self.status.setText(self.tr("Saved %1 (%2 × %3 pixels)").replace("%1", str(path))
                            .replace("%2", str(image.width())).replace("%3", str(image.height())))
        self.exported.emit(str(path))

    def export_pdf(self, path: str | Path) -> None:
        pages = self.scene.export_pdf(path, self.session.document.name)
        self.status.setText(self.tr("Saved %1, pages: %2").replace("%1", str(path)).replace("%2", str(pages)))
        self.exported.emit(str(path))

    def open_window(self) -> FlowOverview:
        """The same diagram in a large window of its own (it follows the edits too)."""
        if self.flow_window is None:
            self.flow_window = FlowOverview(self.session, None)
            self.flow_window.window_button.hide()
            self.flow_window.setWindowFlag(Qt.WindowType.Window)
            self.flow_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self.flow_window.resize(1200, 700)
        title = self.tr("Flow overview of the number") + f" — {self.session.document.name}"
        self.flow_window.setWindowTitle(title)
        self.flow_window.show()
        self.flow_window.raise_()
        self.flow_window.view.fit()
        return self.flow_window

    def _ask_png(self) -> None:
        path = file_dialogs.save_file(self, self.tr("Export the flow as PNG"), f"{self.session.document.number}.png",
                                      self.tr("PNG image (*.png)"), file_dialogs.EXPORT)
        if path:
            self.export_png(path)

    def _ask_pdf(self) -> None:
        path = file_dialogs.save_file(self, self.tr("Export the flow as PDF"), f"{self.session.document.number}.pdf",
                                      self.tr("PDF document (*.pdf)"), file_dialogs.EXPORT)
        if path:
            self.export_pdf(path)
