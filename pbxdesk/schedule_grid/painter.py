"""Draws the weekly grid: ranges in their interval colours, hour and day labels, legend, now marker,
keyboard cursor and selection, focus frame. Kept apart from the widget so the bench can time it."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF

from pbxdesk.domain.models import WEEKDAYS
from pbxdesk.domain.schedule_edit import Span
from pbxdesk.schedule_grid.geometry import DAYS, HOURS, LEGEND, GridGeometry, span_rect
from pbxdesk.widgets.palette import interval_color

NOW_COLOR = QColor("#d50000")
CURSOR_COLOR = QColor("#212121")
FOCUS_COLOR = QColor("#1565c0")


@dataclass
class PaintState:
    """Everything the painter needs; the widget fills it in."""

    spans: dict[str, list[Span]]
    day_labels: list[str]
    legend: list[tuple[str, str]]                       # (interval id, shown name)
    now: tuple[int, int] | None = None                  # (day index, minute)
    cursor: tuple[int, int, int] | None = None          # (day, start, end)
    selection: tuple[int, int, int, int] | None = None  # (day0, day1, start, end)
    focused: bool = False
    disabled: bool = False
    disabled_text: str = ""
    text_color: QColor = field(default_factory=lambda: QColor("#212121"))
    background: QColor = field(default_factory=lambda: QColor("#ffffff"))


class GridPainter:
    """Stateless apart from cached pens, fonts and colours."""

    def __init__(self) -> None:
        self._colors: dict[str, QColor] = {}
        self._thin = QPen(QColor(255, 255, 255, 150), 1)
        self._thick = QPen(QColor(255, 255, 255, 230), 2)
        self._row_pen = QPen(QColor("#ffffff"), 2)
        self._font = QFont()
        self._font.setPointSizeF(8.5)
        self._bold = QFont(self._font)
        self._bold.setBold(True)

    def color(self, interval_id: str) -> QColor:
        c = self._colors.get(interval_id)
        if c is None:
            c = self._colors[interval_id] = interval_color(interval_id)
        return c

    def paint(self, p: QPainter, geom: GridGeometry, st: PaintState, clip: QRectF | None = None) -> None:
        clip = clip or QRectF(0, 0, geom.width, geom.height)
        p.fillRect(clip, st.background)
        self._rows(p, geom, st, clip)
        self._lines(p, geom)
        if st.selection is not None:
            d0, d1, s, e = st.selection
            x, y, w, h = span_rect(geom, d0, d1, s, e)
            p.fillRect(QRectF(x, y, w, h), QColor(21, 101, 192, 60))
            p.setPen(QPen(FOCUS_COLOR, 2, Qt.PenStyle.DashLine))
            p.drawRect(QRectF(x + 1, y + 1, w - 2, h - 2))
        if st.cursor is not None:
            d, s, e = st.cursor
            x, y, w, h = span_rect(geom, d, d, s, e)
            p.setPen(QPen(CURSOR_COLOR, 2))
            p.drawRect(QRectF(x + 1, y + 1, w - 2, h - 2))
        if st.now is not None:
            self._now(p, geom, *st.now)
        if clip.top() < geom.top:
            self._hour_labels(p, geom, st)
        if clip.left() < geom.left:
            self._day_labels(p, geom, st)
        if clip.bottom() > geom.bottom:
            self._legend(p, geom, st)
        if st.disabled:
            p.fillRect(QRectF(geom.left, geom.top, geom.right - geom.left, geom.bottom - geom.top),
                       QColor(245, 245, 245, 190))
            p.setFont(self._bold)
            area = QRectF(geom.left, geom.top, geom.right - geom.left, geom.bottom - geom.top)
            box = p.fontMetrics().boundingRect(st.disabled_text)
            pill = QRectF(0, 0, box.width() + 24, box.height() + 12)
            pill.moveCenter(area.center())
            p.setPen(QPen(QColor("#90a4ae"), 1))
            p.setBrush(QColor("#ffffff"))
            p.drawRoundedRect(pill, 6, 6)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QColor("#37474f"))
            p.drawText(pill, Qt.AlignmentFlag.AlignCenter, st.disabled_text)
        if st.focused:
            p.setPen(QPen(FOCUS_COLOR, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(1, 1, geom.width - 2, geom.height - 2))

    def _rows(self, p: QPainter, geom: GridGeometry, st: PaintState, clip: QRectF) -> None:
        empty = self.color("non_working")
        for index, day in enumerate(WEEKDAYS):
            y, h = geom.y_of(index), geom.row_h
            if y + h < clip.top() or y > clip.bottom():
                continue
            p.fillRect(QRectF(geom.left, y, geom.right - geom.left, h), empty)
            for start, end, interval in st.spans.get(day, ()):
                x0, x1 = geom.x_of(start), geom.x_of(end)
                if x1 < clip.left() or x0 > clip.right():
                    continue
                p.fillRect(QRectF(x0, y, x1 - x0, h), self.color(interval))

    def _lines(self, p: QPainter, geom: GridGeometry) -> None:
        for hour in range(HOURS + 1):
            p.setPen(self._thick if hour % 6 == 0 else self._thin)
            x = geom.x_of(hour * 60)
            p.drawLine(QPointF(x, geom.top), QPointF(x, geom.bottom))
        p.setPen(self._row_pen)
        for day in range(DAYS + 1):
            y = geom.y_of(day)
            p.drawLine(QPointF(geom.left, y), QPointF(geom.right, y))

    def _now(self, p: QPainter, geom: GridGeometry, day: int, minute: int) -> None:
        x, y = geom.x_of(minute), geom.y_of(day)
        p.setPen(QPen(NOW_COLOR, 2))
        p.drawLine(QPointF(x, y), QPointF(x, y + geom.row_h))
        p.setBrush(NOW_COLOR)
        p.drawPolygon(QPolygonF([QPointF(x - 4, y), QPointF(x + 4, y), QPointF(x, y + 5)]))
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _hour_labels(self, p: QPainter, geom: GridGeometry, st: PaintState) -> None:
        p.setPen(st.text_color)
        p.setFont(self._font)
        step = 1 if geom.hour_w >= 24 else (2 if geom.hour_w >= 13 else 3)
        for hour in range(0, HOURS + 1, step):
            x = geom.x_of(hour * 60)
            p.drawText(QRectF(x - 15, 2, 30, geom.top - 4), Qt.AlignmentFlag.AlignCenter, f"{hour:02d}")

    def _day_labels(self, p: QPainter, geom: GridGeometry, st: PaintState) -> None:
        p.setPen(st.text_color)
        for index, label in enumerate(st.day_labels):
            today = st.now is not None and st.now[0] == index
            p.setFont(self._bold if today else self._font)
            p.drawText(QRectF(4, geom.y_of(index), geom.left - 10, geom.row_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)

    def _legend(self, p: QPainter, geom: GridGeometry, st: PaintState) -> None:
        p.setFont(self._font)
        metrics = p.fontMetrics()
        x, y = geom.left, geom.bottom + (LEGEND - 14) / 2 + 2
        for interval_id, name in st.legend:
            p.fillRect(QRectF(x, y, 14, 14), self.color(interval_id))
            p.setPen(QColor("#607d8b"))
            p.drawRect(QRectF(x, y, 14, 14))
            p.setPen(st.text_color)
            width = metrics.horizontalAdvance(name)
            p.drawText(QRectF(x + 19, y - 2, width + 4, 18), Qt.AlignmentFlag.AlignVCenter, name)
            x += 19 + width + 18
