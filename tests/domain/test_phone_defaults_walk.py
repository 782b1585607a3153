"""Phone-number input, R1 default document, R2 copy settings, and pointer walking."""

from __future__ import annotations

import pytest

from pbxdesk.domain.defaults import copy_settings, default_document
from pbxdesk.domain.document import dumps, loads
from pbxdesk.domain.models import Directory, ForwardDepartmentNode, MessageNode, VoicemailNode
from pbxdesk.domain.phone import PhoneNumberError, format_number, normalize_number
from pbxdesk.domain.walk import child_slots, delete_at, get_at, iter_nodes, set_at


@pytest.mark.parametrize("text", ["+7 (495) 230-22-22", "8 495 230 22 22", "8-495-230-22-22",
                                  "84952302222", "74952302222", "4952302222", " 495.230.22.22 "])
def test_number_input_forms_normalise_to_ten_digits(text):
    assert normalize_number(text) == "4952302222"


@pytest.mark.parametrize("text", ["", "123", "+1 212 555 0100", "495230222x", "495 230 22 22 1", "٤٩٥٢٣٠٢٢٢٢"])
def test_bad_numbers_give_a_clear_message_in_both_languages(text):
    with pytest.raises(PhoneNumberError) as info:
        normalize_number(text)
    assert info.value.message_ru and info.value.message_en
    assert "10" in info.value.message_en or "digits" in info.value.message_en or "+7" in info.value.message_en


def test_display_format():
    assert format_number("4952302222") == "+7 495 230-22-22"
    assert format_number("12") == "12"


def test_r1_default_with_a_department(directory):
    doc = default_document("+7 (495) 230-22-22", "Ромашка", directory)
    assert doc.number == "4952302222"
    assert doc.name == "+7 495 230-22-22"
    assert doc.schedule.mode == "always"
    assert [i.id for i in doc.schedule.intervals] == ["working", "non_working"]
    root = doc.scenarios["working"]
    assert isinstance(root, MessageNode)
    assert root.prompt.tts == "Здравствуйте! Вы позвонили в компанию Ромашка."
    forward = root.next
    assert isinstance(forward, ForwardDepartmentNode)
    assert (forward.department, forward.distribution, forward.timeout_s, forward.step_s) == ("sales", "all", 30, None)
    assert isinstance(forward.next, VoicemailNode)
    assert forward.next.recipients[0].department == "sales"
    assert dumps(loads(dumps(doc)).document) == dumps(doc)


def test_r1_default_without_a_department_ends_after_the_message():
    doc = default_document("4952302222", "Ромашка", Directory())
    root = doc.scenarios["working"]
    assert isinstance(root, MessageNode) and root.next is None


def test_r2_copy_keeps_number_and_name_of_the_target(spec_example, directory):
    target = default_document("4957770000", "Ромашка", directory)
    target.name = "Склад"
    copied = copy_settings(spec_example, target)
    assert (copied.number, copied.name) == ("4957770000", "Склад")
    assert copied.schedule == spec_example.schedule
    assert copied.scenarios == spec_example.scenarios
    copied.scenarios.pop("custom1")
    assert "custom1" in spec_example.scenarios  # a deep copy: the source is untouched


def test_iter_nodes_visits_every_node_with_its_pointer(spec_example):
    pointers = [p for p, _ in iter_nodes(spec_example)]
    assert pointers == ["/scenarios/working", "/scenarios/working/keys/1", "/scenarios/working/keys/1/next",
                        "/scenarios/working/no_input", "/scenarios/custom1", "/scenarios/non_working"]


def test_child_slots_of_each_kind(spec_example):
    menu = spec_example.scenarios["working"]
    assert [tokens for tokens, _ in child_slots(menu)] == [("keys", "1"), ("no_input",)]
    assert child_slots(spec_example.scenarios["non_working"]) == []
    assert [t for t, _ in child_slots(spec_example.scenarios["custom1"])] == [("next",)]


def test_get_set_delete_by_pointer(spec_example):
    assert get_at(spec_example, "/scenarios/working/keys/1/department") == "sales"
    set_at(spec_example, "/scenarios/working/keys/1/timeout_s", 120)
    assert spec_example.scenarios["working"].keys["1"].timeout_s == 120
    delete_at(spec_example, "/scenarios/working/keys/1")
    assert "1" not in spec_example.scenarios["working"].keys
    delete_at(spec_example, "/scenarios/working/no_input")
    assert spec_example.scenarios["working"].no_input is None
    with pytest.raises(KeyError):
        get_at(spec_example, "/scenarios/nope")
