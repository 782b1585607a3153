"""The weekly schedule grid: paint intervals with the mouse or the keyboard (R4, SPEC §4)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from pbxdesk.domain.models import WEEKDAYS, Range
from pbxdesk.domain.schedule import UnknownTimezoneError, to_local
from pbxdesk.domain.schedule_edit import NON_WORKING, Span, paint, paint_day_spans, spans_by_day
from pbxdesk.domain.timeutil import format_hhmm
from pbxdesk.schedule_grid.geometry import (
    DAY_MINUTES,
    DAYS,
    DEFAULT_GRANULARITY,
    GRANULARITIES,
    GridGeometry,
    hit,
    pixel_of,
    snap_span,
    span_rect,
)
from pbxdesk.schedule_grid.names import day_long, day_short, interval_label
from pbxdesk.schedule_grid.painter import GridPainter, PaintState
from pbxdesk.widgets.session import AREA_ALL, AREA_SCHEDULE, DocumentSession, SetValuesCommand


class ScheduleGrid(QWidget):
    """Days are rows, hours columns. Left drag paints with the brush, right drag erases, Esc cancels."""

    brushChanged = Signal(str)
    hovered = Signal(str)

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleGrid")
        self.retranslate()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._session = session
        self._painter = GridPainter()
        self._brush = "working"
        self._granularity = DEFAULT_GRANULARITY
        self._spans: dict[str, list[Span]] = {}
        self._preview: dict[str, list[Span]] | None = None
        self._drag: tuple[int, int, int, int, str] | None = None  # day0, minute0, day, minute, interval
        self._drag_rect = QRect()
        self._drag_button = Qt.MouseButton.NoButton
        self._cursor = (0, 9 * 60)
        self._anchor: tuple[int, int] | None = None
        self._highlight: tuple[int, int] | None = None
        self.hover_text = ""
        session.changed.connect(self._on_changed)
        self._reload()
        self._clock = QTimer(self)
        self._clock.timeout.connect(self.update)
        self._clock.start(60_000)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Weekly schedule grid"))
        self.setAccessibleDescription(self.tr(
            "Drag with the left mouse button to paint the selected interval, with the right button to erase. "
            "Arrows move the cursor, Shift+arrows extend the selection, Space or Enter paints it, Delete clears it."))
        self.update()

    # --- model ------------------------------------------------------------------------------------
    def _on_changed(self, area: str, _pointer: str) -> None:
        if area in (AREA_SCHEDULE, AREA_ALL):
            self._reload()

    def _reload(self) -> None:
        self._spans = spans_by_day(self._session.document.schedule.ranges)[0]
        self.setEnabled(self._session.document.schedule.mode != "always")
        self.update()

    def ranges(self) -> list[Range]:
        return list(self._session.document.schedule.ranges)

    def brush(self) -> str:
        return self._brush

    def set_brush(self, interval_id: str) -> None:
        if interval_id != self._brush:
            self._brush = interval_id
            self.brushChanged.emit(interval_id)

    def granularity(self) -> int:
        return self._granularity

    def set_granularity(self, minutes: int) -> None:
        if minutes not in GRANULARITIES:
            raise ValueError(f"granularity must be one of {GRANULARITIES}")
        self._granularity = minutes
        self._cursor = (self._cursor[0], self._cursor[1] - self._cursor[1] % minutes)
        self._anchor = None
        self.update()

    def set_highlight(self, day: str | None, minute: int | None) -> None:
        """Mark an instant (weekday ``mon``..``sun``, minute of the day), e.g. the test call's; None clears."""
        self._highlight = None if day is None or minute is None else (WEEKDAYS.index(day), minute)
        self.update()

    def highlight(self) -> tuple[str, int] | None:
        """The marked instant as (weekday, minute), or None."""
        return None if self._highlight is None else (WEEKDAYS[self._highlight[0]], self._highlight[1])

    # --- geometry ---------------------------------------------------------------------------------
    def grid_geometry(self) -> GridGeometry:
        return GridGeometry(self.width(), self.height())

    def cell_point(self, day: int, minute: int) -> QPoint:
        """The widget pixel at ``minute`` of weekday row ``day`` (see ``geometry.pixel_of``)."""
        x, y = pixel_of(self.grid_geometry(), day, minute)
        return QPoint(x, y)

    def sizeHint(self) -> QSize:
        return QSize(44 + 24 * 34 + 10, 26 + 7 * 34 + 34)

    def minimumSizeHint(self) -> QSize:
        return QSize(44 + 24 * 14 + 10, 26 + 7 * 20 + 34)

    # --- painting ---------------------------------------------------------------------------------
    def paint_state(self) -> PaintState:
        doc = self._session.document
        legend = [(iv.id, interval_label(doc, iv.id)) for iv in doc.schedule.intervals]
        selection = None
        cursor = None
        if self.hasFocus() and self._drag is None:
            s, e = snap_span(self._cursor[1], self._cursor[1], self._granularity)
            cursor = (self._cursor[0], s, e)
            if self._anchor is not None:
                s, e = snap_span(self._anchor[1], self._cursor[1], self._granularity)
                selection = (self._anchor[0], self._cursor[0], s, e)
        pal = self.palette()
        return PaintState(
            spans=self._preview if self._preview is not None else self._spans,
            day_labels=[day_short(d) for d in WEEKDAYS], legend=legend, now=self._now(),
            cursor=cursor, selection=selection, focused=self.hasFocus(), highlight=self._highlight,
            disabled=not self.isEnabled(),
            disabled_text=self.tr("Around the clock: the weekly ranges are kept but not used"),
            text_color=pal.windowText().color(), background=pal.window().color())

    def _now(self) -> tuple[int, int] | None:
        try:
            local = to_local(self._session.document.timezone, datetime.now().astimezone())
        except UnknownTimezoneError:
            return None
        return local.weekday(), local.hour * 60 + local.minute

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        self._painter.paint(p, self.grid_geometry(), self.paint_state(), QRectF(event.rect()))
        p.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # --- mouse ------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        button = event.button()
        if button not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton) or self._drag is not None:
            return
        cell = hit(self.grid_geometry(), event.position().x(), event.position().y())
        if cell is None:
            return
        interval = self._brush if button == Qt.MouseButton.LeftButton else NON_WORKING
        self._drag_button = button
        self._drag = (cell[0], cell[1], cell[0], cell[1], interval)
        self._cursor, self._anchor = cell, None
        self._update_preview()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._drag is not None:
            cell = hit(self.grid_geometry(), pos.x(), pos.y(), clamp=True)
            assert cell is not None
            d0, m0, d, m, interval = self._drag
            if (d, m) != cell:
                self._drag = (d0, m0, cell[0], cell[1], interval)
                self._update_preview()
            return
        self._hover(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None or event.button() != self._drag_button:
            return
        cell = hit(self.grid_geometry(), event.position().x(), event.position().y(), clamp=True)
        assert cell is not None
        d0, m0, _d, _m, interval = self._drag
        d, m = cell
        self._end_drag()
        start, end = snap_span(m0, m, self._granularity)
        self.paint_cells(min(d0, d), max(d0, d), start, end, interval)

    def _hover(self, event: QMouseEvent) -> None:
        cell = hit(self.grid_geometry(), event.position().x(), event.position().y())
        if cell is None:
            text = ""
        else:
            day, minute = cell
            interval = NON_WORKING
            for s, e, iv in self._spans.get(WEEKDAYS[day], ()):
                if s <= minute < e:
                    interval = iv
            start, end = snap_span(minute, minute, self._granularity)
            text = (f"{day_long(WEEKDAYS[day])} {format_hhmm(start)}–{format_hhmm(end)} — "
                    f"{interval_label(self._session.document, interval)}")
        if text != self.hover_text:
            self.hover_text = text
            self.setToolTip(text)
            self.hovered.emit(text)
            if text:
                QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def _update_preview(self) -> None:
        """Model update of one drag step and a repaint of only the region that changed."""
        assert self._drag is not None
        d0, m0, d, m, interval = self._drag
        start, end = snap_span(m0, m, self._granularity)
        lo, hi = min(d0, d), max(d0, d)
        preview = dict(self._spans)
        for index in range(lo, hi + 1):
            day = WEEKDAYS[index]
            preview[day] = paint_day_spans(self._spans[day], start, end, interval)
        self._preview = preview
        x, y, w, h = span_rect(self.grid_geometry(), lo, hi, start, end)
        rect = QRect(int(x) - 2, int(y) - 2, int(w) + 5, int(h) + 5)
        self.update(rect.united(self._drag_rect))
        self._drag_rect = rect

    def _end_drag(self) -> None:
        self._drag, self._preview = None, None
        self.update(self._drag_rect)
        self._drag_rect = QRect()

    def cancel_drag(self) -> bool:
        if self._drag is None:
            return False
        self._end_drag()
        return True

    def is_dragging(self) -> bool:
        return self._drag is not None

    # --- editing ----------------------------------------------------------------------------------
    def paint_cells(self, day0: int, day1: int, start: int, end: int, interval: str) -> None:
        """Paint days ``day0..day1`` x ``[start, end)`` as ONE undoable command (nothing if unchanged)."""
        days = [WEEKDAYS[i] for i in range(min(day0, day1), max(day0, day1) + 1)]
        old = self.ranges()
        new = paint(old, days, start, end, interval)
        if new == old:
            return
        first, last = day_short(days[0]), day_short(days[-1])
        where = first if first == last else f"{first}–{last}"
        span = f"{format_hhmm(start)}–{format_hhmm(end)}"
        if interval == NON_WORKING:
            text = self.tr("Erase %1 %2").replace("%1", where).replace("%2", span)
        else:
            text = (self.tr("Paint %1 %2 with %3").replace("%1", where).replace("%2", span)
                    .replace("%3", interval_label(self._session.document, interval)))
        self._session.push(SetValuesCommand(self._session, {"/schedule/ranges": new}, text))

    # --- keyboard ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape:
            if self.cancel_drag():
                return
            super().keyPressEvent(event)
            return
        moves = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0)}
        if key in moves and self._drag is None:
            dd, ds = moves[Qt.Key(key)]
            if mods & Qt.KeyboardModifier.ShiftModifier:
                if self._anchor is None:
                    self._anchor = self._cursor
            else:
                self._anchor = None
            g = self._granularity
            day = min(DAYS - 1, max(0, self._cursor[0] + dd))
            minute = min(DAY_MINUTES - g, max(0, self._cursor[1] - self._cursor[1] % g + ds * g))
            self._cursor = (day, minute)
            self.update()
            return
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            anchor = self._anchor or self._cursor
            start, end = snap_span(anchor[1], self._cursor[1], self._granularity)
            erase = key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            self.paint_cells(anchor[0], self._cursor[0], start, end, NON_WORKING if erase else self._brush)
            return
        super().keyPressEvent(event)

    def cursor_cell(self) -> tuple[int, int]:
        return self._cursor

    def selection(self) -> tuple[int, int, int, int] | None:
        """(day0, day1, start, end) the keyboard would paint, or None when only the cursor cell."""
        if self._anchor is None:
            return None
        s, e = snap_span(self._anchor[1], self._cursor[1], self._granularity)
        return min(self._anchor[0], self._cursor[0]), max(self._anchor[0], self._cursor[0]), s, e
