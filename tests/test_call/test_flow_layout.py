"""The button rows of the side panels (``FlowLayout``): one line when there is room, wrapped lines when the
panel is narrow, and never a button cut off."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from pbxdesk.widgets.flow_layout import FlowLayout


def test_buttons_wrap_instead_of_being_cut_off(qtbot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    layout = FlowLayout(box)
    buttons = [QPushButton(text, box) for text in ("Позвонить", "Воспроизвести", "Шаг", "Пауза", "Экспорт PDF…")]
    for button in buttons:
        layout.addWidget(button)
    box.resize(900, 200)
    box.show()
    qtbot.waitExposed(box)
    assert len({button.y() for button in buttons}) == 1  # all on one line
    narrow = max(button.sizeHint().width() for button in buttons) + 20
    box.resize(narrow, layout.heightForWidth(narrow))
    qtbot.waitUntil(lambda: len({button.y() for button in buttons}) > 2)
    for button in buttons:  # each whole, inside the box, none over another
        assert button.x() >= 0 and button.geometry().right() < box.width()
        assert button.geometry().bottom() < box.height()
    rects = [button.geometry() for button in buttons]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    assert layout.minimumSize().width() <= narrow  # the layout never asks for more than its widest button
