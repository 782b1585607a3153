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

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, PrivateAttr, Tag

from pbxdesk.domain import text

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

# What a *valid* document holds (SPEC §5), stated in the JSON Schema only: the models themselves check
# structure, so that a draft being edited (an empty name, a timeout not picked yet) stays representable and
# validation reports it with its own code. Rules that span members (declared intervals, overlaps, coverage,
# references to the directory and the media) are in docs/validation.md and cannot be stated here.


def _schema(**rules: Any) -> Any:
    return Field(json_schema_extra=rules)


def _text(rule: text.TextRule, description: str) -> Any:
    return Field(json_schema_extra={**rule.schema(), "description": description})


def _integral(value: Any) -> Any:
    """JSON has one kind of number: ``30.0`` is the integer 30, as JSON Schema's ``integer`` says (a fraction,
    a string or a boolean is still refused)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


Int = Annotated[int, BeforeValidator(_integral)]
_HHMM = "^([01][0-9]|2[0-3]):[0-5][0-9]$"
NumberText = Annotated[str, _schema(pattern="^[0-9]{10}$", description="10 digits")]
IntervalId = Annotated[str, _schema(enum=["working", "non_working", "custom1", "custom2", "custom3"])]
Weekday = Annotated[str, _schema(enum=["mon", "tue", "wed", "thu", "fri", "sat", "sun"])]
StartTime = Annotated[str, _schema(pattern=_HHMM, description="HH:MM, before `end`")]
EndTime = Annotated[str, _schema(pattern="^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$",
                                 description="HH:MM or 24:00, after `start`")]
IsoDate = Annotated[str, _schema(pattern="^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
                                 description="a real date YYYY-MM-DD")]
EmployeeId = Annotated[str, _text(text.ID, "an employee id of the company directory")]
DepartmentId = Annotated[str, _text(text.ID, "a department id of the company directory")]
Email = Annotated[str | None, _schema(
    maxLength=text.EMAIL_MAX, pattern=f"^({text.EMAIL_BODY})?$",
    description="an e-mail address local@domain.tld (ASCII letters, digits and ._%+-); null or empty: none")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


def _type_required(schema: dict[str, Any]) -> None:
    """A node's ``type`` has a default in the model (building a node in code needs no ``type=``) but a
    document must name it: it tells the node kinds apart."""
    schema["required"] = ["type", *[r for r in schema.get("required", []) if r != "type"]]


class _Node(_Model):
    model_config = ConfigDict(extra="forbid", validate_assignment=False, json_schema_extra=_type_required)


class TtsPrompt(_Model):
    tts: Annotated[str, _text(text.TTS, "the text to speak; tabs and line breaks allowed")]
    voice: Voice = "ru"


class AudioPrompt(_Model):
    audio: Annotated[str, _schema(pattern="^[0-9a-f]{64}$", description="a media id: the SHA-256 of the file")]


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
    employee: EmployeeId


class DepartmentRecipient(_Model):
    department: DepartmentId


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


class MessageNode(_Node):
    type: Literal["message"] = "message"
    prompt: Prompt
    next: Node | None


class MenuNode(_Node):
    type: Literal["menu"] = "menu"
    prompt: Prompt
    keys: Annotated[dict[str, Node | None], _schema(propertyNames={"pattern": "^[0-9*#]$"})]
    no_input: Node | None = None
    extension_dialing: bool
    timeout_s: Annotated[Int, _schema(minimum=1, maximum=30)] = 5
    repeats: Annotated[Int, _schema(minimum=1, maximum=5)] = 3


class ForwardExternalNode(_Node):
    type: Literal["forward_external"] = "forward_external"
    number: NumberText
    timeout_s: Annotated[Int, _schema(enum=list(EXTERNAL_TIMEOUTS))]
    announcement: Prompt | None
    next: Node | None


class ForwardEmployeeNode(_Node):
    type: Literal["forward_employee"] = "forward_employee"
    employee: EmployeeId
    timeout_s: Annotated[Int, _schema(enum=list(EMPLOYEE_TIMEOUTS))]
    announcement: Prompt | None
    next: Node | None


class ForwardDepartmentNode(_Node):
    type: Literal["forward_department"] = "forward_department"
    department: DepartmentId
    distribution: Distribution
    step_s: Annotated[Int | None, _schema(description="null for `all`; for `in_turn` and `incremental` one of "
                                                      + ", ".join(map(str, DEPARTMENT_STEPS)))]
    timeout_s: Annotated[Int, _schema(enum=list(DEPARTMENT_TIMEOUTS))]
    announcement: Prompt | None
    next: Node | None


class VoicemailNode(_Node):
    type: Literal["voicemail"] = "voicemail"
    greeting: Prompt | None
    recipients: list[Recipient]
    external_email: Email


class FaxNode(_Node):
    type: Literal["fax"] = "fax"
    greeting: Prompt | None
    recipients: list[Recipient]
    external_email: Email


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
    id: IntervalId
    name: Annotated[str, _text(text.INTERVAL_NAME, "the interval's name, unique in the document")]


class Range(_Model):
    day: Weekday
    start: StartTime
    end: EndTime
    interval: IntervalId


class DayRange(_Model):
    """A range of an exception date (no weekday: the date says it)."""

    start: StartTime
    end: EndTime
    interval: IntervalId


class ExceptionDate(_Model):
    date: IsoDate
    ranges: list[DayRange]


class Schedule(_Model):
    mode: Mode
    intervals: list[Interval]
    ranges: list[Range] = Field(default_factory=list)
    exceptions: list[ExceptionDate] = Field(default_factory=list)


class RoutingDocument(_Model):
    format: Literal["pbxdesk.routing/1"] = "pbxdesk.routing/1"
    number: NumberText
    name: Annotated[str, _text(text.NAME, "the number's name")]
    timezone: Annotated[str, _schema(description="an IANA time zone name, e.g. Europe/Moscow")] = DEFAULT_TIMEZONE
    schedule: Schedule
    scenarios: Annotated[dict[str, Node | None], _schema(propertyNames={"enum": [
        "working", "non_working", "custom1", "custom2", "custom3"]})]


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
