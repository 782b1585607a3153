"""Small painted icons and brushes of the scenario tree (interval colour swatches, problem badges, the "+"
button). The tree shows them through item roles only, so Qt's own delegate paints every row without calling
Python (about 0.3 ms per repaint of the tree, bench/tree_bench.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap

from pbxdesk.widgets.palette import interval_color

SIZE = 16
PLUS_WIDTH = 28  # the "+" button of an empty branch; the tree's icon size is PLUS_WIDTH x SIZE
SCALES = (1, 2)  # device pixel ratios the icons are painted at
TINT_ALPHA = 60  # an interval row's background: its grid colour, light enough to keep the name readable
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


def _painted(width: int, height: int, paint: Callable[[QPainter], None]) -> QIcon:
    """An icon of ``width`` x ``height`` logical pixels, painted at 1x and 2x so that it stays sharp on a
    high-density screen (Qt picks the pixmap that fits the screen's device pixel ratio)."""
    icon = QIcon()
    for ratio in SCALES:
        pixmap = QPixmap(width * ratio, height * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


@cache
def swatch(interval_id: str, severity: str | None = None) -> QIcon:
    def paint(painter: QPainter) -> None:
        painter.setBrush(interval_color(interval_id))
        painter.setPen(interval_color(interval_id).darker(130))
        painter.drawRoundedRect(QRectF(1.5, 1.5, SIZE - 3, SIZE - 3), 3, 3)
        if severity:
            _badge(painter, severity, QRectF(SIZE / 2 - 1, SIZE / 2 - 1, SIZE / 2 + 1, SIZE / 2 + 1))

    return _painted(SIZE, SIZE, paint)


@cache
def problem_icon(severity: str) -> QIcon:
    return _painted(SIZE, SIZE, lambda painter: _badge(painter, severity, QRectF(1, 1, SIZE - 2, SIZE - 2)))


@cache
def bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


@cache
def plus_button() -> QIcon:
    """A rounded light-blue button with a bold "+": what an empty branch shows."""
    def paint(painter: QPainter) -> None:
        painter.setPen(QPen(QColor("#1565c0"), 1.5))
        painter.setBrush(QColor("#e3f2fd"))
        rect = QRectF(0.75, 0.75, PLUS_WIDTH - 1.5, SIZE - 1.5)
        painter.drawRoundedRect(rect, 6, 6)
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(SIZE - 3)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "+")

    return _painted(PLUS_WIDTH, SIZE, paint)


@cache
def tint_brush(interval_id: str) -> QBrush:
    color = QColor(interval_color(interval_id))
    color.setAlpha(TINT_ALPHA)
    return QBrush(color)


@cache
def muted_brush() -> QBrush:
    return QBrush(QColor("#8a8a8a"))
