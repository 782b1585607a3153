"""What changed between the last synced document and the saved one, in words (ru and en)."""

from __future__ import annotations

from typing import Any

from pbxdesk.domain.describe import DAY_NAMES, interval_name
from pbxdesk.domain.merge import units
from pbxdesk.domain.models import WEEKDAYS, RoutingDocument
from pbxdesk.store.records import FieldChange

MODE_NAMES = {"ru": {"always": "Круглосуточно", "weekly": "По расписанию"},
              "en": {"always": "Around the clock", "weekly": "By schedule"}}


def _q(lang: str, text: str) -> str:
    return f"«{text}»" if lang == "ru" else f"“{text}”"


def _both(unit: str, make: Any) -> FieldChange:
    return FieldChange(unit, make("ru"), make("en"))


def _day(lang: str, day: str) -> str:
    return DAY_NAMES[lang].get(day, day)


def describe_changes(base: RoutingDocument | None, mine: RoutingDocument) -> list[FieldChange]:
    """Per-field summary: name, timezone, schedule mode, intervals, which days' ranges, which exception
    dates, which intervals' scenarios. ``base`` None means the number is new on this computer."""
    if base is None:
        return [FieldChange("document", "Новый номер, ещё не отправлен на сервер",
                            "New number, not on the server yet")]
    old, new = units(base), units(mine)
    out: list[FieldChange] = []
    for key in ("name", "timezone"):
        if old.get(key) != new.get(key):
            label = {"name": ("Название", "Name"), "timezone": ("Часовой пояс", "Time zone")}[key]
            out.append(_both(key, lambda lg, k=key, lb=label: f"{lb[0] if lg == 'ru' else lb[1]}: "
                             f"{_q(lg, str(old.get(k, '')))} → {_q(lg, str(new.get(k, '')))}"))
    if old.get("schedule.mode") != new.get("schedule.mode"):
        out.append(_both("schedule.mode", lambda lg: ("Расписание: " if lg == "ru" else "Schedule: ")
                         + f"{MODE_NAMES[lg].get(old.get('schedule.mode', ''), '?')} → "
                         + f"{MODE_NAMES[lg].get(new.get('schedule.mode', ''), '?')}"))
    out += _interval_changes(old, new, base, mine)
    days = [d for d in WEEKDAYS if old.get(f"ranges:{d}") != new.get(f"ranges:{d}")]
    if days:
        out.append(_both("ranges", lambda lg: ("Изменено время работы: " if lg == "ru" else "Hours changed: ")
                         + ", ".join(_day(lg, d) for d in days)))
    out += _exception_changes(old, new)
    out += _scenario_changes(old, new, base, mine)
    return out


def _interval_changes(old: dict[str, Any], new: dict[str, Any], base: RoutingDocument,
                      mine: RoutingDocument) -> list[FieldChange]:
    out = []
    for key in sorted(k for k in set(old) | set(new) if k.startswith("interval:")):
        iid = key.split(":", 1)[1]
        if old.get(key) == new.get(key):
            continue
        if key not in old:
            out.append(_both(key, lambda lg, i=iid: ("Добавлен интервал " if lg == "ru" else "Interval added: ")
                             + _q(lg, interval_name(mine, i, lg))))
        elif key not in new:
            out.append(_both(key, lambda lg, i=iid: ("Удалён интервал " if lg == "ru" else "Interval removed: ")
                             + _q(lg, interval_name(base, i, lg))))
        else:
            out.append(_both(key, lambda lg, i=iid: ("Интервал переименован: " if lg == "ru"
                                                     else "Interval renamed: ")
                             + f"{_q(lg, interval_name(base, i, lg))} → {_q(lg, interval_name(mine, i, lg))}"))
    return out


def _exception_changes(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    keys = sorted(k for k in set(old) | set(new) if k.startswith("exception:") and old.get(k) != new.get(k))
    if not keys:
        return []
    added = [k[10:] for k in keys if k not in old]
    removed = [k[10:] for k in keys if k not in new]
    changed = [k[10:] for k in keys if k in old and k in new]

    def text(lg: str) -> str:
        words = {"ru": ("добавлены", "удалены", "изменены"), "en": ("added", "removed", "changed")}[lg]
        parts = [f"{w} {', '.join(ds)}" for w, ds in zip(words, (added, removed, changed), strict=True) if ds]
        return ("Особые дни: " if lg == "ru" else "Exceptions: ") + "; ".join(parts)

    return [_both("exceptions", text)]


def _scenario_changes(old: dict[str, Any], new: dict[str, Any], base: RoutingDocument,
                      mine: RoutingDocument) -> list[FieldChange]:
    out = []
    order = [k for k in new if k.startswith("scenario:")] + [k for k in old if k.startswith("scenario:")
                                                            and k not in new]
    for key in order:
        if old.get(key) == new.get(key):
            continue
        iid = key.split(":", 1)[1]
        doc = mine if key in new else base
        if old.get(key) is None:
            verb = ("добавлен", "added")
        elif new.get(key) is None:
            verb = ("удалён", "removed")
        else:
            verb = ("изменён", "changed")
        out.append(_both(key, lambda lg, i=iid, d=doc, v=verb:
                         f"Сценарий интервала {_q(lg, interval_name(d, i, lg))} {v[0]}" if lg == "ru"
                         else f"Scenario of {_q(lg, interval_name(d, i, lg))} {v[1]}"))
    return out
