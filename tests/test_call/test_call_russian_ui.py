"""The test call in Russian (the default UI language), with screenshots of the three tabs to look at."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pbxdesk.widgets.session import SetValuesCommand

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def shoot(widget, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    ARTIFACTS.mkdir(exist_ok=True)
    QApplication.processEvents()  # let the layouts settle as they do before a user sees them
    assert widget.grab().save(str(ARTIFACTS / name))


def test_russian_words_and_screenshots(russian, make_editors, spec_example, directory):
    editors = make_editors(spec_example, directory)
    panel, tabs = editors.panel, editors.tabs
    assert tabs.tabText(0) == "Тестовый звонок" and panel.call_button.text() == "Позвонить"
    panel.form.set_call(datetime(2026, 11, 23, 10, 0), ["1"], ["e-102"], "e-103", 3)
    panel.run()
    assert panel.outcome_text() == "Соединение с сотрудником: Вера Козлова"
    assert [panel.rings_list.item(i).text() for i in range(panel.rings_list.count())] == [
        "Анна Петрова: звонок с 0 по 10 с", "Вера Козлова: звонок с 10 по 13 с"]
    shoot(editors.window, "test_call_ru.png")
    panel.form.set_call(datetime(2026, 11, 23, 10, 0), ["1"])
    panel.run()
    assert panel.outcome_text() == "Голосовое сообщение на 3 адреса"
    panel.form.set_call(datetime(2026, 11, 23, 13, 20))
    panel.run()
    assert panel.outcome_text() == "Вызов завершён после сообщения"
    session = editors.session
    session.push(SetValuesCommand(session, {"/scenarios/working/keys/2": None}, "key 2"))
    panel.form.set_call(datetime(2026, 11, 23, 10, 0), ["2"])
    panel.run()
    assert panel.outcome_text().startswith("Звонок доходит до ветки без сценария: Рабочее время › ")
    assert panel.outcome_text().endswith("(/scenarios/working/keys/2)")
    shoot(editors.window, "test_call_broken_ru.png")
    tabs.setCurrentWidget(tabs.coverage)
    tabs.coverage.refresh()
    table = tabs.coverage.table
    assert table.item(0, 10).text() == "Меню"
    days = [table.verticalHeaderItem(row).text() for row in range(7)]
    assert days == ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]
    shown = {table.item(row, hour).text().lstrip("!") for row in range(7) for hour in range(24)}
    assert not shown & set(days)  # no cell reads like the weekday beside it ("Сб" once meant a message)
    legend = tabs.coverage.legend.text()
    assert "Сооб — Сообщение" in legend and "Сб —" not in legend
    shoot(tabs, "coverage_ru.png")
    tabs.setCurrentWidget(tabs.flow)
    tabs.flow.rebuild()
    tabs.flow.view.fit()
    assert "Вызов завершается" in tabs.flow.scene.labels()
    assert "Набран внутренний номер: звонит этот сотрудник, 30 с" in tabs.flow.scene.labels()  # not "Донабран…"
    shoot(tabs, "flow_ru.png")
    tabs.flow.scene.export_png(ARTIFACTS / "flow_ru_export.png")
