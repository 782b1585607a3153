"""The editor in Russian (the default UI language): the guide's words on rows, menus and buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pbxdesk.desktop.i18n import set_language


@pytest.fixture
def russian(qapp):
    set_language("ru")
    yield
    set_language("en")


def test_russian_labels(russian, make_editor, session) -> None:
    editor, ui = make_editor(session)
    assert editor.save_button.text() == "Сохранить изменения"
    model = editor.model
    texts = [model.index(r, 0).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    assert texts == ["Рабочее время", "Нерабочее время", "Обед"]
    assert model.index_for_pointer("/scenarios/working/keys/1", prefer_node=False).data() == "Кнопка 1"
    no_input = model.slot_for_pointer("/scenarios/working/no_input")
    assert model.index_of(no_input).data() == "Ничего не выбрано"
    assert model.index_of(model.slot_for_pointer("/scenarios/working/no_input/next")).data() == "если не ответили"
    assert model.index_of(model.slot_for_pointer("/scenarios/custom1/next")).data() == "далее"
    assert model.index_for_pointer("/scenarios/working/keys/1").data().startswith("Направить на отдел")
    assert [a.text() for a in editor.action_menu.actions()] == [
        "Сообщение", "Меню самообслуживания", "Направить на внешний номер", "Направить на сотрудника",
        "Направить на отдел", "Автоответчик", "Факс"]
    ui.click_pointer("/scenarios/working/keys/1")
    fwd = ui.current()
    assert (fwd.save_button.text(), fwd.cancel_button.text(), fwd.delete_button.text()) == (
        "Сохранить", "Отменить", "Удалить")
    assert [fwd.distribution.itemText(i) for i in range(3)] == ["Всем сразу", "По очереди", "По нарастающей"]
    assert fwd.timeout.itemText(fwd.timeout.count() - 1) == "10 мин."


def test_switching_language_relabels_an_open_editor(make_editor, session, qapp) -> None:
    editor, ui = make_editor(session)
    ui.click_pointer("/scenarios/working/keys/1")
    assert editor.save_button.text() == "Save changes"
    try:
        set_language("ru")
        qapp.processEvents()
        assert editor.save_button.text() == "Сохранить изменения"
        assert editor.model.index(0, 0).data() == "Рабочее время"
        assert ui.current().save_button.text() == "Сохранить"
        assert editor.action_menu.actions()[0].text() == "Сообщение"
    finally:
        set_language("en")
    qapp.processEvents()
    assert editor.save_button.text() == "Save changes"
