"""The default setup of a new number (R1) and copying settings between numbers (R2)."""

from __future__ import annotations

from pbxdesk.domain.models import (
    DepartmentRecipient,
    Directory,
    ForwardDepartmentNode,
    Interval,
    MessageNode,
    RoutingDocument,
    Schedule,
    TtsPrompt,
    VoicemailNode,
)
from pbxdesk.domain.phone import format_number, normalize_number

INTERVAL_NAMES_RU = {"working": "Рабочее время", "non_working": "Нерабочее время"}
INTERVAL_NAMES_EN = {"working": "Working time", "non_working": "Non-working time"}
GREETING_TEMPLATE = "Здравствуйте! Вы позвонили в компанию {company}."
DEFAULT_DEPARTMENT_TIMEOUT = 30


def fixed_intervals() -> list[Interval]:
    return [Interval(id=i, name=n) for i, n in INTERVAL_NAMES_RU.items()]


def default_document(number: str, company: str, directory: Directory | None = None) -> RoutingDocument:
    """R1: name = the formatted number, around the clock, a TTS greeting, then the first department
    (all at once, 30 s) and its voicemail when the company has a department; otherwise the call ends."""
    digits = normalize_number(number)
    after_greeting = None
    if directory is not None and directory.departments:
        dept = directory.departments[0].id
        after_greeting = ForwardDepartmentNode(
            department=dept, distribution="all", step_s=None, timeout_s=DEFAULT_DEPARTMENT_TIMEOUT,
            announcement=None,
            next=VoicemailNode(greeting=None, recipients=[DepartmentRecipient(department=dept)],
                               external_email=None),
        )
    greeting = MessageNode(prompt=TtsPrompt(tts=GREETING_TEMPLATE.format(company=company), voice="ru"),
                           next=after_greeting)
    return RoutingDocument(
        number=digits,
        name=format_number(digits),
        schedule=Schedule(mode="always", intervals=fixed_intervals(), ranges=[], exceptions=[]),
        scenarios={"working": greeting},
    )


def copy_settings(source: RoutingDocument, target: RoutingDocument) -> RoutingDocument:
    """R2: everything of ``source`` but the number itself and its name, as a new document for ``target``."""
    copied = source.model_copy(deep=True)
    copied.number = target.number
    copied.name = target.name
    return copied
