"""A small waveform thumbnail with a play-position line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:  # the peaks come from a worker thread, which imports numpy
    import numpy as np


class WaveformView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._peaks: np.ndarray | None = None
        self._position = -1.0
        self.setMinimumSize(120, 36)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Waveform"))

    def sizeHint(self) -> QSize:
        return QSize(240, 40)

    def set_peaks(self, peaks: np.ndarray | None) -> None:
        """(bins, 2) min/max pairs in −1..1 (see ``pbxdesk.audio.wavfile.waveform_peaks``), or None."""
        self._peaks = peaks
        self._position = -1.0
        self.update()

    def has_peaks(self) -> bool:
        return self._peaks is not None

    def set_position(self, fraction: float) -> None:
        """Where playback is (0..1), or a negative number to hide the line."""
        self._position = fraction
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        palette = self.palette()
        painter.setPen(QPen(palette.mid().color()))
        painter.setBrush(palette.base())
        painter.drawRoundedRect(rect, 3, 3)
        mid = rect.center().y()
        if self._peaks is None or len(self._peaks) == 0:
            painter.setPen(QPen(palette.mid().color(), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(rect.left() + 4, mid), QPointF(rect.right() - 4, mid))
            return
        wave_color = QColor(palette.highlight().color())
        painter.setPen(QPen(wave_color, 1))
        inner = rect.adjusted(3, 3, -3, -3)
        half = inner.height() / 2
        n = len(self._peaks)
        for x in range(int(inner.width())):
            lo, hi = self._peaks[min(n - 1, int(x * n / max(1.0, inner.width())))]
            px = inner.left() + x
            painter.drawLine(QPointF(px, mid - hi * half), QPointF(px, mid - min(lo, hi - 1 / half) * half))
        if self._position >= 0:
            painter.setPen(QPen(QColor("#e53935"), 1.5))
            px = inner.left() + inner.width() * min(1.0, self._position)
            painter.drawLine(QPointF(px, rect.top() + 2), QPointF(px, rect.bottom() - 2))
