"""Typed model of the routing document ``pbxdesk.routing/1`` and of the company directory.

The models check *structure* only (field names, types, the node kinds). Everything a draft may
legitimately get wrong while being edited (an empty name, a timeout outside the allowed set, a
menu key whose branch is not built yet) is representable and reported by
:mod:`pbxdesk.domain.validation` instead. Field order in each class is the canonical key order
of SPEC §4, so ``model_dump`` already writes keys canonically.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, PrivateAttr, Tag

FORMAT = "pbxdesk.routing/1"
DEFAULT_TIMEZONE = "Europe/Moscow"
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MENU_KEYS: tuple[str, ...] = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#")
FIXED_INTERVALS: tuple[str, ...] = ("working", "non_working")
EXTRA_INTERVALS: tuple[str, ...] = ("custom1", "custom2", "custom3")
EXTERNAL_TIMEOUTS: tuple[int, ...] = (10, 15, 20, 30, 60)
EMPLOYEE_TIMEOUTS: tuple[int, ...] = (10, 15, 20, 30, 60)
DEPARTMENT_TIMEOUTS: tuple[int, ...] = (15, 20, 30, 60, 120, 300, 600)
DEPARTMENT_STEPS: tuple[int, ...] = (5, 10, 15, 20, 25, 30)
DISTRIBUTIONS: tuple[str, ...] = ("all", "in_turn", "incremental")
NODE_TYPES: tuple[str, ...] = (
    "message", "menu", "forward_external", "forward_employee", "forward_department", "voicemail", "fax",
)
FORWARD_TYPES: tuple[str, ...] = ("forward_external", "forward_employee", "forward_department")

# Tags of the unions below are wrapped in <...> so that error locations can drop them when they are
# turned into JSON Pointers (see pbxdesk.domain.document).
Voice = Literal["ru", "en"]
Distribution = Literal["all", "in_turn", "incremental"]
Mode = Literal["always", "weekly"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class TtsPrompt(_Model):
    tts: str
    voice: Voice = "ru"


class AudioPrompt(_Model):
    audio: str


def _prompt_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        return "<audio>" if "audio" in value and "tts" not in value else "<tts>"
    if isinstance(value, AudioPrompt):
        return "<audio>"
    if isinstance(value, TtsPrompt):
        return "<tts>"
    return None


Prompt = Annotated[
    Annotated[TtsPrompt, Tag("<tts>")] | Annotated[AudioPrompt, Tag("<audio>")],
    Discriminator(_prompt_tag),
]


class EmployeeRecipient(_Model):
    employee: str


class DepartmentRecipient(_Model):
    department: str


def _recipient_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        return "<department>" if "department" in value and "employee" not in value else "<employee>"
    if isinstance(value, DepartmentRecipient):
        return "<department>"
    if isinstance(value, EmployeeRecipient):
        return "<employee>"
    return None


Recipient = Annotated[
    Annotated[EmployeeRecipient, Tag("<employee>")] | Annotated[DepartmentRecipient, Tag("<department>")],
    Discriminator(_recipient_tag),
]


class MessageNode(_Model):
    type: Literal["message"] = "message"
    prompt: Prompt
    next: Node | None


class MenuNode(_Model):
    type: Literal["menu"] = "menu"
    prompt: Prompt
    keys: dict[str, Node | None]
    no_input: Node | None = None
    extension_dialing: bool
    timeout_s: int = 5
    repeats: int = 3


class ForwardExternalNode(_Model):
    type: Literal["forward_external"] = "forward_external"
    number: str
    timeout_s: int
    announcement: Prompt | None
    next: Node | None


class ForwardEmployeeNode(_Model):
    type: Literal["forward_employee"] = "forward_employee"
    employee: str
    timeout_s: int
    announcement: Prompt | None
    next: Node | None


class ForwardDepartmentNode(_Model):
    type: Literal["forward_department"] = "forward_department"
    department: str
    distribution: Distribution
    step_s: int | None
    timeout_s: int
    announcement: Prompt | None
    next: Node | None


class VoicemailNode(_Model):
    type: Literal["voicemail"] = "voicemail"
    greeting: Prompt | None
    recipients: list[Recipient]
    external_email: str | None


class FaxNode(_Model):
    type: Literal["fax"] = "fax"
    greeting: Prompt | None
    recipients: list[Recipient]
    external_email: str | None


def _node_tag(value: Any) -> str | None:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return f"<{kind}>" if isinstance(kind, str) else None


Node = Annotated[
    Annotated[MessageNode, Tag("<message>")] | Annotated[MenuNode, Tag("<menu>")] | Annotated[ForwardExternalNode, Tag("<forward_external>")] | Annotated[ForwardEmployeeNode, Tag("<forward_employee>")] | Annotated[ForwardDepartmentNode, Tag("<forward_department>")] | Annotated[VoicemailNode, Tag("<voicemail>")] | Annotated[FaxNode, Tag("<fax>")],
    Discriminator(_node_tag),
]

AnyNode = (
    MessageNode | MenuNode | ForwardExternalNode | ForwardEmployeeNode | ForwardDepartmentNode | VoicemailNode | FaxNode
)
ForwardNode = ForwardExternalNode | ForwardEmployeeNode | ForwardDepartmentNode
MailNode = VoicemailNode | FaxNode
NODE_CLASSES: dict[str, type[BaseModel]] = {
    "message": MessageNode, "menu": MenuNode, "forward_external": ForwardExternalNode,
    "forward_employee": ForwardEmployeeNode, "forward_department": ForwardDepartmentNode,
    "voicemail": VoicemailNode, "fax": FaxNode,
}


class Interval(_Model):
    id: str
    name: str


class Range(_Model):
    day: str
    start: str
    end: str
    interval: str


class DayRange(_Model):
    """A range of an exception date (no weekday: the date says it)."""

    start: str
    end: str
    interval: str


class ExceptionDate(_Model):
    date: str
    ranges: list[DayRange]


class Schedule(_Model):
    mode: Mode
    intervals: list[Interval]
    ranges: list[Range] = Field(default_factory=list)
    exceptions: list[ExceptionDate] = Field(default_factory=list)


class RoutingDocument(_Model):
    format: Literal["pbxdesk.routing/1"] = "pbxdesk.routing/1"
    number: str
    name: str
    timezone: str = DEFAULT_TIMEZONE
    schedule: Schedule
    scenarios: dict[str, Node | None]


class Employee(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    name: str
    extension: str | None = None
    email: str | None = None


class Department(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    name: str
    members: list[str] = Field(default_factory=list)


class _LookupCache(dict[str, Any]):
    """Look-up indexes of a Directory. Never part of its value: any two caches compare equal, so two
    directories with the same employees and departments stay equal whatever was looked up in them."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _LookupCache)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = None


class Directory(BaseModel):
    model_config = ConfigDict(extra="ignore")
    employees: list[Employee] = Field(default_factory=list)
    departments: list[Department] = Field(default_factory=list)

    _by_id: _LookupCache = PrivateAttr(default_factory=_LookupCache)

    def _lookup(self, kind: str, items: Sequence[Any], item_id: str) -> Any:
        """The first item with this id, from a dict built once per list (compiling a department of n members
        is linear, not quadratic); rebuilt when the list is replaced or changes length, and checked
        against the list when the id misses or an item's id was changed in place."""
        cache: _LookupCache = self.__pydantic_private__["_by_id"]  # type: ignore[index]
        key = (id(items), len(items))
        entry = cache.get(kind)
        if entry is None or entry[0] != key:
            index: dict[str, Any] = {}
            for item in items:
                index.setdefault(item.id, item)
            entry = cache[kind] = (key, index)
        found = entry[1].get(item_id)
        if found is None or found.id != item_id:
            found = next((item for item in items if item.id == item_id), None)
            if found is not None:
                cache.pop(kind, None)
        return found

    def employee(self, employee_id: str) -> Employee | None:
        found: Employee | None = self._lookup("employees", self.employees, employee_id)
        return found

    def department(self, department_id: str) -> Department | None:
        found: Department | None = self._lookup("departments", self.departments, department_id)
        return found


for _cls in (MessageNode, MenuNode, ForwardExternalNode, ForwardEmployeeNode, ForwardDepartmentNode, RoutingDocument):
    _cls.model_rebuild()
