"""Routing elements in words, as the lists, diffs and the test call show them."""

from __future__ import annotations

from pbxdesk.domain.describe import interval_name, node_summary, outcome_text, plural_ru


def test_russian_plural_forms():
    forms = ("адрес", "адреса", "адресов")
    assert [plural_ru(n, *forms) for n in (1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111)] == [
        "адрес", "адреса", "адреса", "адресов", "адресов", "адресов", "адресов", "адрес", "адреса", "адресов",
        "адрес", "адресов"]


def test_outcomes_in_words(directory):
    assert outcome_text({"kind": "connected", "employee": "e-101"}, directory) == \
        "Соединение с сотрудником: Анна Петрова"
    assert outcome_text({"kind": "connected", "employee": "e-101"}, directory, "en") == "Connected to Анна Петрова"
    assert outcome_text({"kind": "voicemail", "emails": ["a@x", "b@x", "c@x"]}) == "Голосовое сообщение на 3 адреса"
    assert outcome_text({"kind": "fax", "emails": ["a@x"]}, lang="en") == "Fax to 1 address"
    assert outcome_text({"kind": "connected", "external": "4957770000"}) == \
        "Соединение с внешним номером +7 495 777-00-00"
    assert outcome_text({"kind": "hangup"}) == "Вызов завершён"
    assert outcome_text({"kind": "broken", "pointer": "/scenarios/working/keys/2"}, lang="en") == \
        "The call reached a branch with no scenario: /scenarios/working/keys/2"


def test_node_summaries_name_targets_from_the_directory(spec_example, directory):
    menu = spec_example.scenarios["working"]
    assert node_summary(menu, directory) == "Меню самообслуживания (клавиши 1)"
    assert node_summary(menu.keys["1"], directory) == \
        "Направить на отдел «Отдел продаж»: по очереди, шаг 10 с, 60 с"
    assert node_summary(menu.keys["1"], directory, "en") == \
        "Forward to department “Отдел продаж”: in turn, step 10 s, 60 s"  # English quotation marks in English
    assert node_summary(menu.no_input, directory, "en") == "Forward to employee Анна Петрова (20 s)"
    assert node_summary(spec_example.scenarios["non_working"], directory) == "Автоответчик → 2 получателя"


def test_interval_names_fixed_ones_translated(spec_example):
    assert interval_name(spec_example, "working") == "Рабочее время"
    assert interval_name(spec_example, "non_working", "en") == "Non-working time"
    assert interval_name(spec_example, "custom1", "en") == "Обед"
