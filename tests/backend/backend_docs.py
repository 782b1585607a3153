"""Small routing documents for the backend tests, one per node kind and distribution."""

from __future__ import annotations

from typing import Any

from pbxdesk.domain.document import from_dict
from pbxdesk.domain.models import RoutingDocument

MEDIA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
INTERVALS = [{"id": "working", "name": "Рабочее время"}, {"id": "non_working", "name": "Нерабочее время"}]


def routing(number: str, scenarios: dict[str, Any], schedule: dict[str, Any] | None = None,
            name: str = "Тестовый номер", timezone: str = "Europe/Moscow") -> RoutingDocument:
    return from_dict({"format": "pbxdesk.routing/1", "number": number, "name": name, "timezone": timezone,
                      "schedule": schedule or {"mode": "always", "intervals": INTERVALS, "ranges": [],
                                               "exceptions": []},
                      "scenarios": scenarios})


def tts(text: str, voice: str = "ru") -> dict[str, str]:
    return {"tts": text, "voice": voice}


def department(distribution: str, dep: str = "sales", step: int | None = 10, timeout: int = 60) -> dict[str, Any]:
    return {"type": "forward_department", "department": dep, "distribution": distribution,
            "step_s": None if distribution == "all" else step, "timeout_s": timeout, "announcement": None,
            "next": None}


CASES: dict[str, RoutingDocument] = {
    "message": routing("4950000001", {"working": {
        "type": "message", "prompt": tts("Здравствуйте!"),
        "next": {"type": "message", "prompt": {"audio": MEDIA}, "next": None}}}),
    "menu": routing("4950000002", {"working": {
        "type": "menu", "prompt": tts("Нажмите 1 или решётку"), "extension_dialing": True, "timeout_s": 7,
        "repeats": 2,
        "keys": {"1": {"type": "message", "prompt": tts("Один"), "next": None},
                 "#": {"type": "forward_external", "number": "4951112233", "timeout_s": 15,
                       "announcement": None, "next": None}},
        "no_input": {"type": "forward_employee", "employee": "e-201", "timeout_s": 10, "announcement": None,
                     "next": None}}}),
    "forward_external": routing("4950000003", {"working": {
        "type": "forward_external", "number": "4951112233", "timeout_s": 30,
        "announcement": tts("Соединяем"),
        "next": {"type": "voicemail", "greeting": None, "recipients": [], "external_email": "a@example.ru"}}}),
    "forward_employee": routing("4950000004", {"working": {
        "type": "forward_employee", "employee": "e-102", "timeout_s": 20, "announcement": None, "next": None}}),
    "department_all": routing("4950000005", {"working": department("all", timeout=30)}),
    "department_in_turn": routing("4950000006", {"working": department("in_turn", step=10, timeout=60)}),
    "department_in_turn_one_member": routing("4950000007", {"working": department("in_turn", "support", 5, 15)}),
    "department_incremental": routing("4950000008", {"working": department("incremental", step=15, timeout=30)}),
    "voicemail": routing("4950000009", {"working": {
        "type": "voicemail", "greeting": tts("Оставьте сообщение"),
        "recipients": [{"employee": "e-101"}, {"department": "sales"}, {"department": "empty"}],
        "external_email": "anna@example.ru"}}),
    "fax": routing("4950000010", {"working": {
        "type": "fax", "greeting": None, "recipients": [{"department": "support"}], "external_email": None}}),
    "schedule": routing("4950000011", {
        "working": {"type": "message", "prompt": tts("Работаем"), "next": None},
        "non_working": {"type": "message", "prompt": tts("Не работаем"), "next": None},
        "custom1": {"type": "message", "prompt": tts("Обед"), "next": None}},
        schedule={"mode": "weekly", "intervals": INTERVALS + [{"id": "custom1", "name": "Обед"}],
                  "ranges": [{"day": d, "start": s, "end": e, "interval": i}
                             for d in ("mon", "tue", "wed", "thu", "fri")
                             for s, e, i in (("09:00", "13:00", "working"), ("13:00", "14:00", "custom1"),
                                             ("14:00", "18:00", "working"))]
                  + [{"day": "sat", "start": "22:00", "end": "24:00", "interval": "working"}],
                  "exceptions": [{"date": "2026-12-31", "ranges": [{"start": "09:00", "end": "15:00",
                                                                    "interval": "working"}]},
                                 {"date": "2027-01-01", "ranges": []}]},
        timezone="Asia/Vladivostok"),
}
