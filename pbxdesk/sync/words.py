"""Merge units and their values in words, for ``pbxdesk conflicts`` (English or Russian)."""

from __future__ import annotations

import json
from typing import Any

from pbxdesk.domain.describe import DAY_NAMES, interval_name
from pbxdesk.domain.merge import DOCUMENT_UNIT
from pbxdesk.domain.models import RoutingDocument

_FIXED = {
    "name": ("name of the number", "название номера"),
    "timezone": ("time zone", "часовой пояс"),
    "schedule.mode": ("schedule mode", "режим расписания"),
    DOCUMENT_UNIT: ("the whole document (the merged result does not pass validation)",
                    "документ целиком (объединённый результат не проходит проверку)"),
}


def unit_words(unit: str, doc: RoutingDocument | None, lang: str = "en") -> str:
    """``ranges:mon`` -> "time ranges on Monday"; ``scenario:working`` -> "scenario of “Working hours”"."""
    en = lang != "ru"
    if unit in _FIXED:
        return _FIXED[unit][0 if en else 1]
    kind, _, key = unit.partition(":")
    if kind == "ranges":
        day = DAY_NAMES["en" if en else "ru"].get(key, key)
        return f"time ranges on {day}" if en else f"интервалы времени: {day}"
    if kind == "exception":
        return f"exception date {key}" if en else f"исключение на {key}"
    name = interval_name(doc, key, "en" if en else "ru") if doc is not None else key
    if kind == "interval":
        return f"definition of interval “{name}”" if en else f"определение интервала «{name}»"
    if kind == "scenario":
        return f"scenario of interval “{name}”" if en else f"сценарий интервала «{name}»"
    return unit


def value_words(unit: str, value: Any, lang: str = "en", limit: int = 160) -> str:
    """A unit's value on one side, short: scalars as they are, structures as compact JSON."""
    if value is None:
        return "(absent)" if lang != "ru" else "(нет)"
    if isinstance(value, str):
        return value
    if unit == DOCUMENT_UNIT and isinstance(value, dict):
        value = {"name": value.get("name"), "schedule": value.get("schedule", {}).get("mode"),
                 "scenarios": sorted(value.get("scenarios", {}))}
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text if len(text) <= limit else text[: limit - 1] + "…"
