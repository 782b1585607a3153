"""Small painted icons and brushes of the scenario tree (interval colour swatches, problem badges)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from pbxdesk.widgets.palette import interval_color

SIZE = 16
_BADGE = {"error": QColor("#d32f2f"), "warning": QColor("#f9a825")}


def _badge(painter: QPainter, severity: str, rect: QRectF) -> None:
    painter.setBrush(_BADGE[severity])
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(rect)
    painter.setPen(QColor("white"))
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(max(6, int(rect.height() * 0.8)))
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "!")


@cache
def swatch(interval_id: str, severity: str | None = None) -> QIcon:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(interval_color(interval_id))
    painter.setPen(interval_color(interval_id).darker(130))
    painter.drawRoundedRect(QRectF(1.5, 1.5, SIZE - 3, SIZE - 3), 3, 3)
    if severity:
        _badge(painter, severity, QRectF(SIZE / 2 - 1, SIZE / 2 - 1, SIZE / 2 + 1, SIZE / 2 + 1))
    painter.end()
    return QIcon(pixmap)


@cache
def problem_icon(severity: str) -> QIcon:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _badge(painter, severity, QRectF(1, 1, SIZE - 2, SIZE - 2))
    painter.end()
    return QIcon(pixmap)


@cache
def bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


@cache
def plus_brush() -> QBrush:
    return QBrush(QColor("#1565c0"))


@cache
def muted_brush() -> QBrush:
    return QBrush(QColor("#8a8a8a"))
