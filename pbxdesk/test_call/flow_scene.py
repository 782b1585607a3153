"""``FlowScene``: the read-only diagram of a number drawn with QGraphics items, and PNG / PDF export."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem, QGraphicsScene, QGraphicsTextItem

from pbxdesk.domain.models import Directory, RoutingDocument
from pbxdesk.test_call.flow_layout import INTERVAL, MISSING, NODE, NUMBER, OUTCOME, Box, flow_tree, layout
from pbxdesk.widgets.palette import interval_color

BOX_W = 230.0
COLUMN_GAP = 90.0
PAD = 8.0
MARGIN = 24.0
NODE_FILL = {
    "message": "#e3f2fd", "menu": "#fff8e1", "forward_external": "#e8f5e9", "forward_employee": "#e8f5e9",
    "forward_department": "#e8f5e9", "voicemail": "#f3e5f5", "fax": "#f3e5f5",
}


class FlowScene(QGraphicsScene):
    """Build with ``FlowScene(doc, directory)``; ``rebuild(doc, directory)`` after edits.

    ``labels()`` lists the words of every box (node labels as the scenario tree shows them);
    ``box_items`` maps a pointer to its box item (nodes and missing branches).
    """

    def __init__(self, doc: RoutingDocument, directory: Directory | None = None,
                 parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.box_items: dict[str, QGraphicsRectItem] = {}
        self.root: Box | None = None
        self.rebuild(doc, directory)

    def rebuild(self, doc: RoutingDocument, directory: Directory | None = None,
                media: Mapping[str, str] | None = None) -> None:
        self.clear()
        self.box_items = {}
        font = QFont()
        font.setPointSizeF(9)
        root = flow_tree(doc, directory, media)
        texts: dict[int, QGraphicsTextItem] = {}
        for box in root.walk():
            text = QGraphicsTextItem(box.text)
            text.setFont(_bold(font) if box.kind in (NUMBER, INTERVAL) else font)
            text.setTextWidth(BOX_W - 2 * PAD)
            text.setDefaultTextColor(QColor("#212121"))
            texts[id(box)] = text
            box.height = text.boundingRect().height() + 2 * PAD
        layout(root)
        for box in root.walk():
            x = MARGIN + box.column * (BOX_W + COLUMN_GAP)
            rect = QRectF(x, MARGIN + box.y - box.height / 2, BOX_W, box.height)
            item = self.addRect(rect, QPen(_border(box), 1.4), QBrush(_fill(box)))
            item.setData(0, box.pointer)
            item.setData(1, box.kind)
            text = texts[id(box)]
            text.setParentItem(item)
            text.setPos(rect.left() + PAD, rect.top() + PAD)
            if box.kind in (NODE, MISSING) and box.pointer:
                self.box_items[box.pointer] = item
            for child in box.children:
                self._edge(box, child, font)
        self.root = root
        bounds = self.itemsBoundingRect().marginsAdded(QMarginsF(MARGIN, MARGIN, MARGIN, MARGIN))
        self.setSceneRect(bounds)

    def _edge(self, parent: Box, child: Box, font: QFont) -> None:
        x0 = MARGIN + parent.column * (BOX_W + COLUMN_GAP) + BOX_W
        x1 = MARGIN + child.column * (BOX_W + COLUMN_GAP)
        y0, y1 = MARGIN + parent.y, MARGIN + child.y
        path = QPainterPath(QPointF(x0, y0))
        mid = (x0 + x1) / 2
        path.cubicTo(QPointF(mid, y0), QPointF(mid, y1), QPointF(x1, y1))
        line = QGraphicsPathItem(path)
        line.setPen(QPen(QColor("#78909c"), 1.2))
        line.setZValue(-1)
        self.addItem(line)
        if child.edge:
            label = QGraphicsTextItem(child.edge)
            small = QFont(font)
            small.setPointSizeF(font.pointSizeF() - 1)
            small.setItalic(True)
            label.setFont(small)
            label.setDefaultTextColor(QColor("#455a64"))
            width = label.boundingRect().width()
            label.setPos(x1 - width - 2, y1 - label.boundingRect().height())
            label.setData(1, "edge")
            self.addItem(label)

    def labels(self) -> list[str]:
        """The words of every box and edge in the scene."""
        return [item.toPlainText() for item in self.items() if isinstance(item, QGraphicsTextItem)]

    # -- export ----------------------------------------------------------------------------------------
    def export_png(self, path: str | Path, scale: float = 2.0) -> QImage:
        """Render the whole diagram to a PNG at ``scale`` pixels per scene unit; returns the image."""
        source = self.sceneRect()
        image = QImage(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)),
                       QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.render(painter, QRectF(0, 0, image.width(), image.height()), source)
        painter.end()
        if not image.save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
        return image

    def export_pdf(self, path: str | Path, title: str = "") -> int:
        """Print the diagram to a PDF (A4 landscape, scaled to the page width, more pages when it is tall,
        never enlarged). Returns the number of pages."""
        writer = QPdfWriter(str(path))
        writer.setTitle(title)
        writer.setCreator("pbxdesk")
        writer.setResolution(150)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Landscape,
                                         QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        source = self.sceneRect()
        scale = min(page.width() / source.width(), writer.resolution() / 96.0)
        slice_h = page.height() / scale
        pages = max(1, int(-(-source.height() // slice_h)))
        painter = QPainter(writer)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for number in range(pages):
            if number:
                writer.newPage()
            top = source.top() + number * slice_h
            part = QRectF(source.left(), top, source.width(), min(slice_h, source.bottom() - top))
            target = QRectF(0, 0, part.width() * scale, part.height() * scale)
            self.render(painter, target, part, Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()
        return pages

    def size_hint(self) -> QSizeF:
        return self.sceneRect().size()


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def _fill(box: Box) -> QColor:
    if box.kind == INTERVAL:
        color = QColor(interval_color(box.interval))
        return color.lighter(150) if color.lightness() < 200 else color
    if box.kind == NUMBER:
        return QColor("#eceff1")
    if box.kind == MISSING:
        return QColor("#ffebee")
    if box.kind == OUTCOME:
        return QColor("#fafafa")
    return QColor(NODE_FILL.get(box.node_type, "#ffffff"))


def _border(box: Box) -> QColor:
    if box.kind == MISSING:
        return QColor("#c62828")
    if box.kind == INTERVAL:
        return QColor(interval_color(box.interval)).darker(140)
    return QColor("#90a4ae")

