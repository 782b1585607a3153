"""The call simulator (SPEC §6): what an incoming call does at an instant, step by step.

``simulate`` picks the interval (:mod:`pbxdesk.domain.schedule`), runs its scenario from the root and
returns a :class:`CallResult` whose ``to_json()`` is the ``pbxdesk simulate`` output of SPEC §7.
Ring windows are laid out by :mod:`pbxdesk.domain.simulator_department`.

Choices where the spec is silent:
* a menu step's ``input`` is the caller's input as given, or ``"none"`` when the caller does nothing;
* voicemail/fax without a greeting play the system one: ``{"kind": "play", "prompt": {"system": "voicemail"}}``
  (or ``"fax"``); taking the message is ``{"kind": "record", "medium": "voicemail"|"fax", ...}``;
* when somebody answers a department forward, the other phones still ringing stop at that moment;
* a menu reads the caller's digits as the PBX does: one by one while a longer key or extension could still
  follow; a key or extension nothing longer extends is taken at once, and digits that start no key or
  extension are a wrong input at once (``99`` where nothing starts with 9 is two wrong inputs, ``10``
  with key 1 and no extension 1x is key 1; the digits left over are the next input);
* an employee who cannot be rung (not in the directory, or with no extension of digits) is skipped like a
  busy one, in a department and as the target of a forward to an employee (when the directory is known),
  as the telephony backend cannot dial them; a forward to a department not in the directory rings nobody
  and moves on at once, like one whose members are all busy (docs/routing.md);
* voicemail/fax mail only recipients the dialplan can mail: employees of the directory with a valid e-mail
  (recipients not in the directory, or without one, get nothing), and ``external_email``;
* a call reaching a branch that is not built (a null node or a missing scenario) stops there:
  ``broken`` holds that branch's pointer and the outcome is ``{"kind": "broken", "pointer": ...}``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pbxdesk.domain.models import (
    AnyNode,
    AudioPrompt,
    DepartmentRecipient,
    Directory,
    FaxNode,
    ForwardDepartmentNode,
    ForwardEmployeeNode,
    ForwardExternalNode,
    MenuNode,
    MessageNode,
    RoutingDocument,
    TtsPrompt,
    VoicemailNode,
)
from pbxdesk.domain.phone import PhoneNumberError, normalize_number
from pbxdesk.domain.problems import join, pointer
from pbxdesk.domain.schedule import interval_at
from pbxdesk.domain.simulator_department import Window, ring_windows, settle
from pbxdesk.domain.text import is_email

EXTENSION_RING_S = 30
NO_INPUT = "none"
_EXTENSION = re.compile(r"^[0-9]{1,15}$")
_INPUT = re.compile(r"^(none|[0-9*#]|[0-9]{2,})$")


class SimulationError(ValueError):
    """The call cannot be simulated (no directory where it is needed, bad input). ``pointer``: the node."""

    def __init__(self, message: str, pointer: str = "") -> None:
        super().__init__(message)
        self.pointer = pointer


def seconds(value: float) -> int | float:
    """Whole seconds as int, others as float."""
    return int(value) if float(value).is_integer() else float(value)


@dataclass
class CallResult:
    interval: str
    outcome: dict[str, Any]
    steps: list[dict[str, Any]] = field(default_factory=list)
    broken: str | None = None

    def to_json(self) -> dict[str, Any]:
        """``{"interval", "outcome", "steps"}`` (plus ``"broken"`` for a call that hit an unbuilt branch)."""
        data: dict[str, Any] = {"interval": self.interval, "outcome": self.outcome, "steps": self.steps}
        if self.broken is not None:
            data["broken"] = self.broken
        return data


def parse_answer(text: str) -> tuple[str | None, float]:
    """``WHO[@SECONDS]`` of ``--answer`` -> (target or None for nobody, seconds). ValueError when malformed."""
    who, sep, after = text.rpartition("@") if "@" in text else (text, "", "")
    after_s = 0.0
    if sep:
        try:
            after_s = float(after)
        except ValueError:
            raise ValueError(f"bad --answer {text!r}: SECONDS must be a number") from None
    check_answer(who, after_s)
    return (None if who == "nobody" else who), after_s


def check_answer(who: str | None, after_s: float) -> None:
    if not math.isfinite(after_s) or after_s < 0:
        raise ValueError(f"bad answer delay {after_s!r}: expected seconds >= 0")
    if who is not None and (who == "" or who == "external:"):
        raise ValueError("bad answer target: expected an employee id, external:NUMBER or nobody")


def check_input(value: str) -> None:
    if not _INPUT.fullmatch(value):
        raise ValueError(f"bad input {value!r}: expected a key 0-9 * #, several digits or 'none'")


def _prompt(prompt: TtsPrompt | AudioPrompt) -> dict[str, Any]:
    return prompt.model_dump(mode="json")


def _external_target(who: str) -> str:
    number = who[len("external:"):]
    try:
        return "external:" + normalize_number(number)
    except PhoneNumberError:
        return who


class _Call:
    def __init__(self, directory: Directory | None, inputs: Sequence[str], busy: Collection[str],
                 answer: str | None, after_s: float) -> None:
        self.directory = directory
        self.inputs = list(inputs)
        self.busy = set(busy)
        self.answer = _external_target(answer) if answer and answer.startswith("external:") else answer
        self.after_s = after_s
        self.steps: list[dict[str, Any]] = []

    def need_directory(self, ptr: str, what: str) -> Directory:
        if self.directory is None:
            raise SimulationError(f"the call reaches {ptr} ({what}), which needs the company directory", ptr)
        return self.directory

    def ringable(self, employee_id: str) -> bool:
        """False for an employee the PBX cannot dial: unknown to the directory or without an extension."""
        if self.directory is None:
            return True
        employee = self.directory.employee(employee_id)
        return employee is not None and bool(_EXTENSION.match(employee.extension or ""))

    def play(self, prompt: dict[str, Any], ptr: str) -> None:
        self.steps.append({"kind": "play", "prompt": prompt, "node": ptr})

    def ring(self, windows: Sequence[Window], ptr: str) -> str | None:
        rung, answered = settle(windows, self.answer, self.after_s)
        for target, start, end in rung:
            self.steps.append({"kind": "ring", "target": target.removeprefix("external:"),
                               "from_s": seconds(start), "to_s": seconds(end), "node": ptr})
        return answered

    # --- nodes: each returns (next node, its pointer) or an outcome dict -----------------------------
    def run(self, root: AnyNode | None, ptr: str) -> tuple[dict[str, Any], str | None]:
        node, at = root, ptr
        while True:
            if node is None:
                return {"kind": "broken", "pointer": at}, at
            step = self.node(node, at)
            if isinstance(step, dict):
                return step, None
            node, at = step

    def node(self, node: AnyNode, ptr: str) -> dict[str, Any] | tuple[AnyNode | None, str]:
        if isinstance(node, MessageNode):
            self.play(_prompt(node.prompt), ptr)
            return self.then(node.next, ptr)
        if isinstance(node, MenuNode):
            return self.menu(node, ptr)
        if isinstance(node, VoicemailNode | FaxNode):
            return self.mail(node, ptr)
        if node.announcement is not None:
            self.play(_prompt(node.announcement), ptr)
        if isinstance(node, ForwardExternalNode):
            if self.ring([("external:" + node.number, 0, node.timeout_s)], ptr):
                return {"kind": "connected", "external": node.number}
        elif isinstance(node, ForwardEmployeeNode):
            if node.employee not in self.busy and self.ringable(node.employee) \
                    and self.ring([(node.employee, 0, node.timeout_s)], ptr):
                return {"kind": "connected", "employee": node.employee}
        elif isinstance(node, ForwardDepartmentNode):
            answered = self.department(node, ptr)
            if answered:
                return {"kind": "connected", "employee": answered}
        return self.then(node.next, ptr)

    @staticmethod
    def then(nxt: AnyNode | None, ptr: str) -> dict[str, Any] | tuple[AnyNode | None, str]:
        return {"kind": "hangup"} if nxt is None else (nxt, join(ptr, "next"))

    def menu(self, node: MenuNode, ptr: str) -> dict[str, Any] | tuple[AnyNode | None, str]:
        no_input = (node.no_input, join(ptr, "no_input"))
        for _play in range(max(1, node.repeats)):
            self.play(_prompt(node.prompt), ptr)
            value = self.inputs.pop(0) if self.inputs else NO_INPUT
            if value != NO_INPUT and value not in node.keys:
                value, rest = _consume(value, self.menu_choices(node, ptr, value))
                if rest:
                    self.inputs.insert(0, rest)
            self.steps.append({"kind": "menu", "input": value, "node": ptr})
            if value == NO_INPUT:
                return no_input
            if value in node.keys:
                return node.keys[value], join(ptr, "keys", value)
            employee = self.menu_choices(node, ptr, value).get(value)
            if employee is not None:
                if employee not in self.busy and self.ring([(employee, 0, EXTENSION_RING_S)], ptr):
                    return {"kind": "connected", "employee": employee}
                return no_input
        return no_input

    def menu_choices(self, node: MenuNode, ptr: str, value: str) -> dict[str, str | None]:
        """What a caller can dial in a menu: each enabled key (-> None) and, with extension dialing, each
        employee extension that is no enabled key (-> the first employee with it)."""
        choices: dict[str, str | None] = dict.fromkeys(node.keys)
        if node.extension_dialing and (len(value) > 1 or self.directory is not None):
            directory = self.need_directory(ptr, f"extension dialing of {value}")
            for employee in directory.employees:
                extension = employee.extension or ""
                if _EXTENSION.match(extension) and extension not in choices:
                    choices[extension] = employee.id
        return choices

    def department(self, node: ForwardDepartmentNode, ptr: str) -> str | None:
        directory = self.need_directory(ptr, f"forward to department '{node.department}'")
        dept = directory.department(node.department)
        members = dept.members if dept is not None else []  # not in the directory: rings nobody
        free = [m for m in members if m not in self.busy and self.ringable(m)]
        try:
            windows = ring_windows(node.distribution, free, node.step_s, node.timeout_s)
        except ValueError as exc:
            raise SimulationError(f"{ptr}: {exc}", ptr) from None
        return self.ring(windows, ptr)

    def mail(self, node: VoicemailNode | FaxNode, ptr: str) -> dict[str, Any]:
        self.play(_prompt(node.greeting) if node.greeting else {"system": node.type}, ptr)
        self.steps.append({"kind": "record", "medium": node.type, "node": ptr})
        emails: set[str] = set()
        for index, recipient in enumerate(node.recipients):
            rptr = join(ptr, "recipients", index)
            directory = self.need_directory(rptr, "e-mail recipients")
            if isinstance(recipient, DepartmentRecipient):
                dept = directory.department(recipient.department)
                ids = list(dept.members) if dept is not None else []
            else:
                ids = [recipient.employee]
            for employee_id in ids:  # those not in the directory, or without an e-mail, get nothing
                employee = directory.employee(employee_id)
                if employee is not None and is_email(employee.email):
                    emails.add(str(employee.email))
        if is_email(node.external_email):
            emails.add(str(node.external_email))
        return {"kind": node.type, "emails": sorted(emails)}


def _consume(value: str, choices: Collection[str]) -> tuple[str, str]:
    """How the PBX reads the caller's digits: digit by digit while a longer choice could still follow;
    a choice that nothing longer extends is taken at once, and digits that no choice starts with are a
    wrong input at once. Returns (the digits read as one input, the digits left for the next wait)."""
    for i in range(1, len(value) + 1):
        head = value[:i]
        if not any(len(c) > i and c.startswith(head) for c in choices):
            return head, value[i:]
    return value, ""


def simulate(doc: RoutingDocument, at: datetime, directory: Directory | None = None,
             inputs: Sequence[str] = (), busy: Collection[str] = (), answer: str | None = None,
             answer_after_s: float = 0) -> CallResult:
    """Simulate one incoming call at ``at`` (naive = the number's local time). See the module docstring.

    ``inputs``: what the caller does each time a menu waits (a key, several digits, ``"none"``);
    ``busy``: employee ids that are busy; ``answer``: an employee id, ``"external:NUMBER"``, ``"nobody"``
    or None, picking up ``answer_after_s`` after each of its ring windows starts.
    Raises SimulationError when the call needs the directory and none was given, or for bad arguments;
    UnknownTimezoneError (a ValueError) for a timezone this system does not know.
    """
    try:
        for value in inputs:
            check_input(value)
        check_answer(answer, answer_after_s)
    except ValueError as exc:
        raise SimulationError(str(exc)) from None
    interval = interval_at(doc, at)
    call = _Call(directory, inputs, busy, None if answer == "nobody" else answer, answer_after_s)
    outcome, broken = call.run(doc.scenarios.get(interval), pointer("scenarios", interval))
    return CallResult(interval, outcome, call.steps, broken)
