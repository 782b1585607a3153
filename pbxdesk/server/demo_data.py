"""The demo company's directory and routing documents (see :mod:`pbxdesk.server.demo`)."""

from __future__ import annotations

from typing import Any

COMPANY = "Ромашка"

_PEOPLE = [
    ("e-101", "Анна Петрова", "anna.petrova"), ("e-102", "Борис Сидоров", "boris.sidorov"),
    ("e-103", "Вера Козлова", "vera.kozlova"), ("e-104", "Григорий Смирнов", "grigory.smirnov"),
    ("e-201", "Дарья Иванова", "darya.ivanova"), ("e-202", "Евгений Кузнецов", "evgeny.kuznetsov"),
    ("e-203", "Жанна Попова", "zhanna.popova"), ("e-204", "Игорь Васильев", "igor.vasiliev"),
    ("e-301", "Ксения Новикова", "ksenia.novikova"), ("e-302", "Леонид Морозов", "leonid.morozov"),
    ("e-303", "Марина Волкова", "marina.volkova"), ("e-900", "Николай Соколов", "nikolay.sokolov"),
]
EMPLOYEES: list[dict[str, Any]] = [
    # 4-digit extensions starting with 5: no clash with the menu keys 1-3 of the main number
    {"id": eid, "name": name, "extension": "5" + eid[2:], "email": f"{login}@romashka.example.ru"}
    for eid, name, login in _PEOPLE
]
DEPARTMENTS: list[dict[str, Any]] = [
    {"id": "sales", "name": "Отдел продаж", "members": ["e-101", "e-102", "e-103", "e-104"]},
    {"id": "support", "name": "Техническая поддержка", "members": ["e-201", "e-202", "e-203", "e-204"]},
    {"id": "accounting", "name": "Бухгалтерия", "members": ["e-301", "e-302", "e-303"]},
]
# name -> (text spoken by espeak-ng, file format uploaded)
PROMPTS: dict[str, tuple[str, str]] = {  # name: (text recorded, format)
    "welcome": ("Здравствуйте! Вы позвонили в компанию Ромашка. Оставайтесь на линии.", "wav"),
    "lunch": ("У нас обеденный перерыв. Пожалуйста, перезвоните после двух часов дня.", "mp3"),
}
PROMPT_FILES = {"welcome": "Приветствие", "lunch": "Обеденный перерыв"}  # the names the files are uploaded with


def _tts(text: str) -> dict[str, Any]:
    return {"tts": text, "voice": "ru"}


def _prompt(media: str | None, fallback: str) -> dict[str, Any]:
    return {"audio": media} if media else _tts(fallback)


def _voicemail(recipients: list[dict[str, str]], email: str | None = None, greeting: str | None = None,
               kind: str = "voicemail") -> dict[str, Any]:
    return {"type": kind, "greeting": _tts(greeting) if greeting else None, "recipients": recipients,
            "external_email": email}


def _dept(dept: str, distribution: str, step: int | None, timeout: int, nxt: Any = None,
          announcement: str | None = None) -> dict[str, Any]:
    return {"type": "forward_department", "department": dept, "distribution": distribution, "step_s": step,
            "timeout_s": timeout, "announcement": _tts(announcement) if announcement else None, "next": nxt}


def _doc(number: str, name: str, schedule: dict[str, Any], scenarios: dict[str, Any]) -> dict[str, Any]:
    return {"format": "pbxdesk.routing/1", "number": number, "name": name, "timezone": "Europe/Moscow",
            "schedule": schedule, "scenarios": scenarios}


_ALWAYS = {"mode": "always", "intervals": [{"id": "working", "name": "Рабочее время"},
                                           {"id": "non_working", "name": "Нерабочее время"}],
           "ranges": [], "exceptions": []}


def _office_week() -> dict[str, Any]:
    ranges = []
    for day in ("mon", "tue", "wed", "thu", "fri"):
        ranges += [{"day": day, "start": "09:00", "end": "13:00", "interval": "working"},
                   {"day": day, "start": "13:00", "end": "14:00", "interval": "custom1"},
                   {"day": day, "start": "14:00", "end": "18:00", "interval": "working"}]
    return {"mode": "weekly",
            "intervals": [{"id": "working", "name": "Рабочее время"},
                          {"id": "non_working", "name": "Нерабочее время"}, {"id": "custom1", "name": "Обед"}],
            "ranges": ranges,
            # as the Russian calendar has them: a shortened day before the New Year holidays, then days off
            "exceptions": [{"date": "2026-12-30", "ranges": [{"start": "09:00", "end": "16:00",
                                                               "interval": "working"}]},
                           {"date": "2026-12-31", "ranges": []},
                           {"date": "2027-01-07", "ranges": []}]}


def documents(media: dict[str, str | None]) -> list[dict[str, Any]]:
    """The five demo numbers; ``media`` maps prompt names to uploaded media ids (None: use TTS)."""
    welcome, lunch = media.get("welcome"), media.get("lunch")
    main_menu = {
        "type": "menu", "prompt": _tts("Нажмите 1 для отдела продаж, 2 для поддержки, 3 для бухгалтерии, "
                                       "или наберите внутренний номер сотрудника."),
        "keys": {
            "1": _dept("sales", "in_turn", 10, 60, _voicemail([{"department": "sales"}])),
            "2": _dept("support", "incremental", 15, 120, _voicemail([{"department": "support"}])),
            "3": _dept("accounting", "all", None, 30, _voicemail([{"department": "accounting"}])),
        },
        "no_input": {"type": "forward_employee", "employee": "e-900", "timeout_s": 20, "announcement": None,
                     "next": _voicemail([{"employee": "e-900"}])},
        "extension_dialing": True, "timeout_s": 5, "repeats": 3,
    }
    return [
        _doc("4952302222", "Главный номер", _office_week(), {
            "working": {"type": "message", "prompt": _prompt(welcome, "Здравствуйте!"), "next": main_menu},
            "custom1": {"type": "message", "prompt": _prompt(lunch, "У нас обед."), "next": None},
            "non_working": _voicemail([{"department": "sales"}], "office@romashka.example.ru",
                                      "Мы работаем по будням с 9 до 18. Оставьте сообщение после сигнала."),
        }),
        _doc("4952302223", "Отдел продаж", _ALWAYS, {
            "working": {"type": "message", "prompt": _prompt(welcome, "Отдел продаж."),
                        "next": _dept("sales", "incremental", 10, 60, _voicemail([{"department": "sales"}]))},
        }),
        _doc("4952302224", "Поддержка", _ALWAYS, {
            "working": _dept("support", "in_turn", 15, 120,
                             _voicemail([{"department": "support"}], "support@romashka.example.ru"),
                             announcement="Соединяем со службой поддержки."),
        }),
        _doc("4952302225", "Факс", _ALWAYS, {
            "working": _voicemail([{"department": "accounting"}, {"employee": "e-900"}],
                                  "fax@romashka.example.ru", kind="fax"),
        }),
        _doc("4952302226", "Директор", {**_office_week(), "intervals": _office_week()["intervals"][:2],
                                         "ranges": [r for r in _office_week()["ranges"] if r["interval"] == "working"],
                                         "exceptions": []}, {
            "working": {"type": "forward_employee", "employee": "e-900", "timeout_s": 20,
                        "announcement": None,
                        "next": {"type": "forward_external", "number": "9161234567", "timeout_s": 30,
                                 "announcement": _tts("Переводим звонок на мобильный телефон."),
                                 "next": _voicemail([{"employee": "e-900"}])}},
            "non_working": _voicemail([{"employee": "e-900"}], None, "Директор сейчас недоступен."),
        }),
    ]
