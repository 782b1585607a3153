"""The catalogue of problem codes with their Russian and English messages.

Each entry is ``code: (severity, russian, english)``; messages are ``str.format`` templates.
``docs/validation.md`` is generated from this table (``python -m pbxdesk.domain.messages``) and a test
fails when it is stale.
"""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str, str]] = {
    # structure
    "type.unknown_field": ("error", "Неизвестное поле «{field}»", "Unknown field '{field}'"),
    "type.missing": ("error", "Не хватает обязательного поля «{field}»", "Required field '{field}' is missing"),
    "type.invalid": ("error", "Неверный тип или значение поля «{field}»: {detail}",
                     "Wrong type or value of '{field}': {detail}"),
    "node.unknown_type": ("error", "Неизвестный вид действия «{type}»", "Unknown action type '{type}'"),
    "format.unsupported": ("error", "Неподдерживаемый формат «{value}», ожидается pbxdesk.routing/1",
                           "Unsupported format '{value}', expected pbxdesk.routing/1"),
}


class _Defaults(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def severity(code: str) -> str:
    return CATALOG[code][0]


def message(code: str, **params: object) -> tuple[str, str]:
    """(russian, english) text of a problem code with its parameters filled in."""
    _sev, ru, en = CATALOG[code]
    values = _Defaults(params)
    return ru.format_map(values), en.format_map(values)
