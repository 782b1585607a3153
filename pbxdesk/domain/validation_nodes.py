"""Validation of scenario trees (SPEC §5, R6-R14): every node, pre-order, with its JSON Pointer.

The walk uses an explicit stack, so a very deep chain of ``next`` cannot exhaust the Python stack.
"""

from __future__ import annotations

from pbxdesk.domain.models import (
    DEPARTMENT_STEPS,
    DEPARTMENT_TIMEOUTS,
    EMPLOYEE_TIMEOUTS,
    EXTERNAL_TIMEOUTS,
    MENU_KEYS,
    AnyNode,
    AudioPrompt,
    DepartmentRecipient,
    FaxNode,
    ForwardDepartmentNode,
    ForwardEmployeeNode,
    ForwardExternalNode,
    MenuNode,
    TtsPrompt,
    VoicemailNode,
)
from pbxdesk.domain.phone import is_valid_number
from pbxdesk.domain.problems import escape_token
from pbxdesk.domain.text import ID, TTS, is_email, is_extension
from pbxdesk.domain.validation_common import MEDIA_ID, Collector, Refs, join_allowed

_KEYS = frozenset(MENU_KEYS)


def check_prompt(prompt: TtsPrompt | AudioPrompt | None, ptr: str, out: Collector, refs: Refs) -> None:
    if prompt is None:
        return
    if isinstance(prompt, TtsPrompt):
        out.text(TTS, prompt.tts, ptr + "/tts", "tts", "prompt.tts_empty", "prompt.tts_too_long")
        return
    media = prompt.audio
    if not media.strip():
        out.add("prompt.audio_empty", ptr + "/audio")
    elif not MEDIA_ID.fullmatch(media):
        out.add("prompt.audio_malformed", ptr + "/audio", value=media)
    elif refs.known_media is not None and media not in refs.known_media:
        out.add("media.unknown", ptr + "/audio", value=media)


def _check_employee(emp_id: str, ptr: str, out: Collector, refs: Refs, needs: str = "") -> None:
    """An employee reference; ``needs``: what the node uses of them, ``"extension"`` (a forward rings it)
    or ``"email"`` (a voicemail/fax mails it): an employee of the directory without it is a warning."""
    if not out.text(ID, emp_id, ptr, "employee", "employee.missing"):
        return
    if refs.employees is None:
        return
    employee = refs.employees.get(emp_id)
    if employee is None:
        out.add("employee.unknown", ptr, id=emp_id)
    elif needs == "extension" and not is_extension(employee.extension):
        out.add("employee.no_extension", ptr, name=employee.name or emp_id)
    elif needs == "email" and not is_email(employee.email):
        out.add("employee.no_email", ptr, name=employee.name or emp_id)


def _check_department(dep_id: str, ptr: str, out: Collector, refs: Refs) -> None:
    if not out.text(ID, dep_id, ptr, "department", "department.missing"):
        return
    if refs.departments is None:
        return
    dep = refs.departments.get(dep_id)
    if dep is None:
        out.add("department.unknown", ptr, id=dep_id)
    elif not dep.members:
        out.add("department.empty", ptr, name=dep.name or dep_id)


def _check_menu(node: MenuNode, ptr: str, out: Collector, refs: Refs) -> list[tuple[str, AnyNode]]:
    check_prompt(node.prompt, ptr + "/prompt", out, refs)
    if not 1 <= node.timeout_s <= 30:
        out.add("menu.bad_timeout", ptr + "/timeout_s", value=node.timeout_s)
    if not 1 <= node.repeats <= 5:
        out.add("menu.bad_repeats", ptr + "/repeats", value=node.repeats)
    if not node.keys and not node.extension_dialing:
        out.add("menu.no_keys", ptr)
    children: list[tuple[str, AnyNode]] = []
    dialing = node.extension_dialing and refs.extensions_by_key
    for key, branch in node.keys.items():
        if key in _KEYS:
            kptr = ptr + "/keys/" + key
        else:
            kptr = ptr + "/keys/" + escape_token(key)
            out.add("menu.bad_key", kptr, key=key)
        if branch is None:
            out.add("menu.key_missing_branch", kptr, key=key)
        else:
            children.append((kptr, branch))
        if dialing and key in _KEYS:
            clashing = refs.extensions_by_key.get(key)
            if clashing:
                out.add("menu.extension_conflict", kptr, key=key, extensions=", ".join(clashing))
    if node.no_input is None:
        out.add("menu.no_input_missing", ptr + "/no_input")
    else:
        children.append((ptr + "/no_input", node.no_input))
    return children


def _check_mail(node: VoicemailNode | FaxNode, ptr: str, out: Collector, refs: Refs) -> None:
    check_prompt(node.greeting, ptr + "/greeting", out, refs)
    seen: set[tuple[bool, str]] = set()
    for i, rcpt in enumerate(node.recipients):
        is_dep = isinstance(rcpt, DepartmentRecipient)
        rid = rcpt.department if is_dep else rcpt.employee  # type: ignore[union-attr]
        if is_dep:
            _check_department(rid, f"{ptr}/recipients/{i}/department", out, refs)
        else:
            _check_employee(rid, f"{ptr}/recipients/{i}/employee", out, refs, "email")
        if (is_dep, rid) in seen:
            out.add("mail.duplicate_recipient", f"{ptr}/recipients/{i}", id=rid)
        seen.add((is_dep, rid))
    email = node.external_email or ""
    if email and not is_email(email):  # exactly what the dialplan will mail to: nothing is trimmed
        out.add("email.invalid", ptr + "/external_email", value=email)
    if not node.recipients and not email:
        out.add("mail.no_recipient", ptr + "/recipients")


def _check_forward(node: ForwardExternalNode | ForwardEmployeeNode | ForwardDepartmentNode, ptr: str,
                   out: Collector, refs: Refs) -> None:
    if isinstance(node, ForwardExternalNode):
        if not is_valid_number(node.number):
            out.add("forward.number_malformed", ptr + "/number", value=node.number)
        allowed = EXTERNAL_TIMEOUTS
    elif isinstance(node, ForwardEmployeeNode):
        _check_employee(node.employee, ptr + "/employee", out, refs, "extension")
        allowed = EMPLOYEE_TIMEOUTS
    else:
        _check_department(node.department, ptr + "/department", out, refs)
        if node.distribution == "all":
            if node.step_s is not None:
                out.add("department.step_ignored", ptr + "/step_s")
        elif node.step_s is None:
            out.add("department.step_missing", ptr + "/step_s", distribution=node.distribution)
        elif node.step_s not in DEPARTMENT_STEPS:
            out.add("department.bad_step", ptr + "/step_s", value=node.step_s,
                    allowed=join_allowed(DEPARTMENT_STEPS))
        allowed = DEPARTMENT_TIMEOUTS
    if node.timeout_s not in allowed:
        out.add("forward.bad_timeout", ptr + "/timeout_s", value=node.timeout_s, allowed=join_allowed(allowed))
    check_prompt(node.announcement, ptr + "/announcement", out, refs)


def check_tree(root_ptr: str, root: AnyNode, out: Collector, refs: Refs) -> None:
    """Check every node under ``root`` in pre-order (children in document/keypad order)."""
    stack: list[tuple[str, AnyNode]] = [(root_ptr, root)]
    pop, push = stack.pop, stack.append
    longest = out.longest_pointer
    while stack:
        ptr, node = pop()
        if len(ptr) > longest:
            longest = out.longest_pointer = len(ptr)
        kind = node.type
        if kind == "menu":
            stack.extend(reversed(_check_menu(node, ptr, out, refs)))  # type: ignore[arg-type]
            continue
        if kind == "voicemail" or kind == "fax":
            _check_mail(node, ptr, out, refs)  # type: ignore[arg-type]
            continue
        if kind == "message":
            check_prompt(node.prompt, ptr + "/prompt", out, refs)  # type: ignore[union-attr]
        else:
            _check_forward(node, ptr, out, refs)  # type: ignore[arg-type]
        nxt = node.next  # type: ignore[union-attr]
        if nxt is not None:
            push((ptr + "/next", nxt))
