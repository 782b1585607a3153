"""Routing elements in words (Russian or English), for lists, diffs, the test call and the flow overview."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pbxdesk.domain.defaults import INTERVAL_NAMES_EN, INTERVAL_NAMES_RU
from pbxdesk.domain.models import (
    AnyNode,
    AudioPrompt,
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
from pbxdesk.domain.phone import format_number

DAY_NAMES = {
    "ru": {"mon": "понедельник", "tue": "вторник", "wed": "среда", "thu": "четверг", "fri": "пятница",
           "sat": "суббота", "sun": "воскресенье"},
    "en": {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday",
           "sat": "Saturday", "sun": "Sunday"},
}
DISTRIBUTION_NAMES = {
    "ru": {"all": "всем сразу", "in_turn": "по очереди", "incremental": "по нарастающей"},
    "en": {"all": "all at once", "in_turn": "in turn", "incremental": "incremental"},
}
KIND_NAMES = {
    "ru": {"message": "Сообщение", "menu": "Меню самообслуживания", "forward_external": "Направить на внешний номер",
           "forward_employee": "Направить на сотрудника", "forward_department": "Направить на отдел",
           "voicemail": "Автоответчик", "fax": "Факс"},
    "en": {"message": "Message", "menu": "Self-service menu", "forward_external": "Forward to external number",
           "forward_employee": "Forward to employee", "forward_department": "Forward to department",
           "voicemail": "Voicemail", "fax": "Fax"},
}


def _lang(lang: str) -> str:
    return "en" if lang.startswith("en") else "ru"


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """Russian plural form for ``n``: 1 адрес, 2 адреса, 5 адресов, 21 адрес."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def count_text(n: int, lang: str, ru: tuple[str, str, str], en: tuple[str, str]) -> str:
    if _lang(lang) == "ru":
        return f"{n} {plural_ru(n, *ru)}"
    return f"{n} {en[0] if n == 1 else en[1]}"


def interval_name(doc: RoutingDocument, interval_id: str, lang: str = "ru") -> str:
    fixed = INTERVAL_NAMES_EN if _lang(lang) == "en" else INTERVAL_NAMES_RU
    if interval_id in fixed:
        return fixed[interval_id]
    declared = next((i.name for i in doc.schedule.intervals if i.id == interval_id), None)
    return declared or interval_id


def prompt_text(prompt: TtsPrompt | AudioPrompt | None, lang: str = "ru", limit: int = 40,
                media: Mapping[str, str] | None = None) -> str:
    """A prompt in words: its text, or its audio file by the name it was uploaded with (``media``: media id ->
    name), else by the start of its id."""
    if prompt is None:
        return ""
    if isinstance(prompt, AudioPrompt):
        name = media.get(prompt.audio) if media else None
        if name:
            return ("аудиофайл " if _lang(lang) == "ru" else "audio file ") + quoted(name, lang)
        return ("аудиофайл " if _lang(lang) == "ru" else "audio file ") + prompt.audio[:8]
    text = prompt.tts if len(prompt.tts) <= limit else prompt.tts[: limit - 1] + "…"
    return quoted(text, lang)


def quoted(text: str, lang: str) -> str:
    """``text`` in the quotation marks of the language: «…» in Russian, “…” in English."""
    return f"«{text}»" if _lang(lang) == "ru" else f"“{text}”"


def employee_name(directory: Directory | None, employee_id: str) -> str:
    found = directory.employee(employee_id) if directory else None
    return found.name if found else employee_id


def department_name(directory: Directory | None, department_id: str) -> str:
    found = directory.department(department_id) if directory else None
    return found.name if found else department_id


def _seconds(n: int, lang: str) -> str:
    return f"{n} с" if _lang(lang) == "ru" else f"{n} s"


def node_summary(node: AnyNode, directory: Directory | None = None, lang: str = "ru",
                 media: Mapping[str, str] | None = None) -> str:
    """One line: the action and its main settings, e.g. «Направить на отдел «Отдел продаж»: по очереди…»
    (``media``: the names of audio files, see :func:`prompt_text`)."""
    lg = _lang(lang)
    title = KIND_NAMES[lg][node.type]
    if isinstance(node, MessageNode):
        return f"{title} {prompt_text(node.prompt, lg, media=media)}"
    if isinstance(node, MenuNode):
        keys = ", ".join(k for k in node.keys) or "—"
        return f"{title} ({'клавиши' if lg == 'ru' else 'keys'} {keys})"
    if isinstance(node, ForwardExternalNode):
        return f"{title} {format_number(node.number)} ({_seconds(node.timeout_s, lg)})"
    if isinstance(node, ForwardEmployeeNode):
        return f"{title} {employee_name(directory, node.employee)} ({_seconds(node.timeout_s, lg)})"
    if isinstance(node, ForwardDepartmentNode):
        how = DISTRIBUTION_NAMES[lg].get(node.distribution, node.distribution)
        step = f", {'шаг' if lg == 'ru' else 'step'} {_seconds(node.step_s, lg)}" if node.step_s else ""
        return (f"{title} {quoted(department_name(directory, node.department), lg)}: {how}{step}, "
                f"{_seconds(node.timeout_s, lg)}")
    if isinstance(node, VoicemailNode | FaxNode):
        n = len(node.recipients) + (1 if node.external_email else 0)
        return f"{title} → {count_text(n, lg, ('получатель', 'получателя', 'получателей'), ('recipient', 'recipients'))}"
    return title


def outcome_text(outcome: dict[str, Any], directory: Directory | None = None, lang: str = "ru") -> str:
    """The end of a simulated call in words: «Соединение с сотрудником: Анна Петрова», …"""
    lg = _lang(lang)
    kind = outcome.get("kind")
    if kind == "connected" and "employee" in outcome:
        name = employee_name(directory, str(outcome["employee"]))
        return f"Соединение с сотрудником: {name}" if lg == "ru" else f"Connected to {name}"
    if kind == "connected":
        number = format_number(str(outcome.get("external", "")))
        return f"Соединение с внешним номером {number}" if lg == "ru" else f"Connected to {number}"
    if kind in ("voicemail", "fax"):
        n = len(outcome.get("emails", []))
        addresses = count_text(n, lg, ("адрес", "адреса", "адресов"), ("address", "addresses"))
        if kind == "voicemail":
            return f"Голосовое сообщение на {addresses}" if lg == "ru" else f"Voice message to {addresses}"
        return f"Факс на {addresses}" if lg == "ru" else f"Fax to {addresses}"
    if kind == "broken":
        where = str(outcome.get("pointer", ""))
        return (f"Вызов дошёл до ветки без сценария: {where}" if lg == "ru"
                else f"The call reached a branch with no scenario: {where}")
    return "Вызов завершён" if lg == "ru" else "Call ended"
