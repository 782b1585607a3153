"""The company directory is checked by the rules routing validation and the dialplan use: each unusable
extension, e-mail, id or name is an error with its pointer into the directory file."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pbxdesk.domain.directory_check import validate_directory
from pbxdesk.domain.models import Directory
from pbxdesk.domain.text import is_email, is_extension

DIRECTORY: dict[str, Any] = json.loads((Path(__file__).resolve().parents[1] / "data" / "directory.json")
                                       .read_text(encoding="utf-8"))
Data = dict[str, Any]


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[Data], None]:
    def mutate(d: Data) -> None:
        target: Any = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return mutate


# (case id, mutation, expected (pointer, code))
DIRECTORY_CASES: list[tuple[str, Callable[[Data], None], tuple[str, str]]] = [
    ("extension with a line break", _set(("employees", 1, "extension"), "102\n[evil]"),
     ("/employees/1/extension", "directory.extension_invalid")),
    ("extension with letters", _set(("employees", 1, "extension"), "10a"),
     ("/employees/1/extension", "directory.extension_invalid")),
    ("extension too long", _set(("employees", 1, "extension"), "1" * 16),
     ("/employees/1/extension", "directory.extension_invalid")),
    ("extension twice", _set(("employees", 2, "extension"), "101"),
     ("/employees/2/extension", "directory.extension_duplicate")),
    ("e-mail with a line break", _set(("employees", 0, "email"), "anna@example.ru\nBcc: x@evil.ru"),
     ("/employees/0/email", "email.invalid")),
    ("e-mail with a space", _set(("employees", 0, "email"), " anna@example.ru"), ("/employees/0/email", "email.invalid")),
    ("e-mail a shell would read", _set(("employees", 0, "email"), "a;rm -rf@example.ru"),
     ("/employees/0/email", "email.invalid")),
    ("id empty", _set(("employees", 3, "id"), " "), ("/employees/3/id", "directory.id_empty")),
    ("id twice", _set(("departments", 1, "id"), "sales"), ("/departments/1/id", "directory.id_duplicate")),
    ("id with NUL", _set(("employees", 3, "id"), "e-\x00"), ("/employees/3/id", "text.forbidden_char")),
    ("id too long", _set(("departments", 0, "id"), "d" * 101), ("/departments/0/id", "text.too_long")),
    ("name empty", _set(("departments", 2, "name"), ""), ("/departments/2/name", "directory.name_empty")),
    ("name with a direction override", _set(("employees", 0, "name"), "Анна\u202eавортеП"),
     ("/employees/0/name", "text.forbidden_char")),
    ("unknown member", _set(("departments", 1, "members"), ["e-201", "e-999"]),
     ("/departments/1/members/1", "directory.unknown_member")),
]


@pytest.mark.parametrize("mutate, expected", [c[1:] for c in DIRECTORY_CASES], ids=[c[0] for c in DIRECTORY_CASES])
def test_each_unusable_entry_is_an_error_at_its_pointer(mutate: Callable[[Data], None],
                                                       expected: tuple[str, str]) -> None:
    data = copy.deepcopy(DIRECTORY)
    mutate(data)
    problems = validate_directory(Directory.model_validate(data))
    assert expected in [(p.pointer, p.code) for p in problems]
    assert all(p.is_error and "\n" not in p.line("en") + p.line("ru") for p in problems)


def test_the_example_directory_and_entries_without_extension_or_email_are_fine() -> None:
    data = copy.deepcopy(DIRECTORY)
    data["employees"].append({"id": "e-301", "name": "Без телефона", "extension": None, "email": ""})
    data["employees"].append({"id": "e-302", "name": "Без почты", "extension": "", "email": None})
    assert validate_directory(Directory.model_validate(data)) == []


@pytest.mark.parametrize("value, ok", [("101", True), ("0", True), ("1" * 15, True), ("", False), ("1" * 16, False),
                                       ("١٠١", False), ("101\n", False), (" 101", False), (None, False)])
def test_extensions_are_what_the_dialplan_dials(value: Any, ok: bool) -> None:
    assert is_extension(value) is ok


@pytest.mark.parametrize("value, ok", [
    ("anna@example.ru", True), ("a.b+c_d%e-f@mail.example-site.co", True), ("a@b.ru\n", False),
    ("a@b", False), ("a b@c.ru", False), ("a'b@c.ru", False), ("анна@пример.рф", False), ("@b.ru", False),
    ("a" * 65 + "@b.ru", False), ("a@" + "b" * 250 + ".ru", False), ("", False), (None, False)])
def test_emails_are_what_the_dialplan_mails_to(value: Any, ok: bool) -> None:
    assert is_email(value) is ok
