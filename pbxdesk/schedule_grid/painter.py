"""Draws the weekly grid: ranges in their interval colours, hour and day labels, legend, now marker,
keyboard cursor and selection, focus frame. Kept apart from the widget so the bench can time it."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap, QPolygonF

from pbxdesk.domain.models import WEEKDAYS
from pbxdesk.domain.schedule_edit import Span
from pbxdesk.schedule_grid.geometry import DAYS, HOURS, LEGEND, GridGeometry, span_rect
from pbxdesk.widgets.palette import interval_color

NOW_COLOR = QColor("#d50000")
HIGHLIGHT_COLOR = QColor("#6a1b9a")
CURSOR_COLOR = QColor("#212121")
FOCUS_COLOR = QColor("#1565c0")


@dataclass
class PaintState:
    """Everything the painter needs; the widget fills it in."""

    spans: dict[str, list[Span]]
    day_labels: list[str]
    legend: list[tuple[str, str]]                       # (interval id, shown name)
    now: tuple[int, int] | None = None                  # (day index, minute)
    highlight: tuple[int, int] | None = None            # (day index, minute): the test call's instant
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
        self._thin_color = QColor("#f4f6f7")
        self._thick_color = QColor("#ffffff")
        self._row_color = QColor("#ffffff")
        self._font = QFont()
        self._font.setPointSizeF(8.5)
        self._bold = QFont(self._font)
        self._bold.setBold(True)
        self._cache: tuple[tuple[object, ...], QPixmap] | None = None

    def color(self, interval_id: str) -> QColor:
        c = self._colors.get(interval_id)
        if c is None:
            c = self._colors[interval_id] = interval_color(interval_id)
        return c

    def paint(self, p: QPainter, geom: GridGeometry, st: PaintState, clip: QRectF | None = None) -> None:
        clip = clip or QRectF(0, 0, geom.width, geom.height)
        under = self._layers(p, geom, st)
        p.drawPixmap(0, 0, under)                       # background, hour and day labels, legend
        self._rows(p, geom, st, clip)
        self._lines(p, geom, clip)
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
        if st.highlight is not None:
            self._highlight(p, geom, *st.highlight)
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

    def _layers(self, p: QPainter, geom: GridGeometry, st: PaintState) -> QPixmap:
        """The parts that change only with the size, the names or the day: drawn once, then blitted."""
        device = p.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        key = (geom.width, geom.height, ratio, tuple(st.day_labels), tuple(st.legend), st.text_color.rgba(),
               st.background.rgba(), -1 if st.now is None else st.now[0])
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        size = QSize(max(1, round(geom.width * ratio)), max(1, round(geom.height * ratio)))
        under = QPixmap(size)
        under.setDevicePixelRatio(ratio)
        under.fill(st.background)
        q = QPainter(under)
        self._hour_labels(q, geom, st)
        self._day_labels(q, geom, st)
        self._legend(q, geom, st)
        q.end()
        self._cache = (key, under)
        return under

    def _rows(self, p: QPainter, geom: GridGeometry, st: PaintState, clip: QRectF) -> None:
        # whole-pixel QRects: fractional rectangles take the raster engine's slow path (~10x)
        empty = self.color("non_working")
        left, right = round(geom.left), round(geom.right)
        x_of = geom.x_of
        for index, day in enumerate(WEEKDAYS):
            y0, y1 = round(geom.y_of(index)), round(geom.y_of(index + 1))
            if y1 < clip.top() or y0 > clip.bottom():
                continue
            p.fillRect(QRect(left, y0, right - left, y1 - y0), empty)
            for start, end, interval in st.spans.get(day, ()):
                x0, x1 = round(x_of(start)), round(x_of(end))
                if x1 < clip.left() or x0 > clip.right() or x1 <= x0:
                    continue
                p.fillRect(QRect(x0, y0, x1 - x0, y1 - y0), self.color(interval))

    def _lines(self, p: QPainter, geom: GridGeometry, clip: QRectF) -> None:
        # opaque whole-pixel rectangles: a stroked 1-px line with an alpha pen costs ~50x more on the raster
        # engine, and even an alpha fill of a 1-px column ~15x more than an opaque one
        top, bottom = round(geom.top), round(geom.bottom)
        lo, hi = clip.left() - 2, clip.right() + 2
        for hour in range(HOURS + 1):
            x = round(geom.x_of(hour * 60))
            if x < lo or x > hi:
                continue
            if hour % 6 == 0:
                p.fillRect(QRect(x - 1, top, 2, bottom - top), self._thick_color)
            else:
                p.fillRect(QRect(x, top, 1, bottom - top), self._thin_color)
        left, right = round(geom.left), round(geom.right)
        for day in range(DAYS + 1):
            p.fillRect(QRect(left, round(geom.y_of(day)) - 1, right - left, 2), self._row_color)

    def _now(self, p: QPainter, geom: GridGeometry, day: int, minute: int) -> None:
        x, y = geom.x_of(minute), geom.y_of(day)
        p.setPen(QPen(NOW_COLOR, 2))
        p.drawLine(QPointF(x, y), QPointF(x, y + geom.row_h))
        p.setBrush(NOW_COLOR)
        p.drawPolygon(QPolygonF([QPointF(x - 4, y), QPointF(x + 4, y), QPointF(x, y + 5)]))
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _highlight(self, p: QPainter, geom: GridGeometry, day: int, minute: int) -> None:
        """A ringed dot on a full-height line: the instant the test call runs at."""
        x, y = geom.x_of(minute), geom.y_of(day)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(HIGHLIGHT_COLOR, 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, geom.top), QPointF(x, geom.bottom))
        p.setPen(QPen(QColor("#ffffff"), 2))
        p.setBrush(HIGHLIGHT_COLOR)
        radius = max(4.0, min(8.0, geom.row_h / 3))
        p.drawEllipse(QPointF(x, y + geom.row_h / 2), radius, radius)
        p.restore()

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
