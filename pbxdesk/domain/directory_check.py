"""Checks of a company directory (SPEC §4) by the rules routing validation uses (:mod:`pbxdesk.domain.text`).

``pbxdesk admin import-directory`` refuses a directory with errors, each with its JSON Pointer into the
file: an extension the dialplan could not dial or an e-mail it could not mail to would otherwise be skipped
silently when a call comes (the employee never rings, the recipient gets no message).
"""

from __future__ import annotations

from pbxdesk.domain.models import Directory
from pbxdesk.domain.problems import Problem
from pbxdesk.domain.text import DIRECTORY_NAME, ID, is_email, is_extension
from pbxdesk.domain.validation_common import Collector

__all__ = ["validate_directory"]


def _check_entry(kind: str, index: int, entry_id: str, name: str, seen: set[str], out: Collector) -> None:
    base = f"/{kind}/{index}"
    if out.text(ID, entry_id, base + "/id", "id", "directory.id_empty"):
        if entry_id in seen:
            out.add("directory.id_duplicate", base + "/id", id=entry_id)
        seen.add(entry_id)
    out.text(DIRECTORY_NAME, name, base + "/name", "name", "directory.name_empty")


def validate_directory(directory: Directory) -> list[Problem]:
    """Errors of the directory, in file order: ids (not blank, unique, no forbidden characters), names,
    extensions (1–15 digits, unique; null or empty: none), e-mails (as the dialplan mails them; null or
    empty: none) and department members (employees of this directory)."""
    out = Collector()
    employees: set[str] = set()
    extensions: dict[str, str] = {}
    for i, emp in enumerate(directory.employees):
        _check_entry("employees", i, emp.id, emp.name, employees, out)
        if emp.extension:
            if not is_extension(emp.extension):
                out.add("directory.extension_invalid", f"/employees/{i}/extension", value=emp.extension)
            elif emp.extension in extensions:
                out.add("directory.extension_duplicate", f"/employees/{i}/extension", value=emp.extension,
                        other=extensions[emp.extension])
            else:
                extensions[emp.extension] = emp.name or emp.id
        if emp.email and not is_email(emp.email):
            out.add("email.invalid", f"/employees/{i}/email", value=emp.email)
    departments: set[str] = set()
    for j, dep in enumerate(directory.departments):
        _check_entry("departments", j, dep.id, dep.name, departments, out)
        for k, member in enumerate(dep.members):
            if member not in employees:
                out.add("directory.unknown_member", f"/departments/{j}/members/{k}", id=member)
    return out.problems
