"""Errors of the local store; each carries a message in Russian and in English."""

from __future__ import annotations

from pbxdesk.domain.problems import Problem


class StoreError(Exception):
    """Base class of the store's errors."""

    def __init__(self, message_ru: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_ru = message_ru
        self.message_en = message_en

    def message(self, lang: str = "ru") -> str:
        return self.message_en if lang.startswith("en") else self.message_ru


class StoreVersionError(StoreError):
    """The database was written by a newer pbxdesk (its schema revision is unknown to this one)."""

    def __init__(self, path: str, revision: str) -> None:
        super().__init__(
            f"Профиль {path} создан более новой версией pbxdesk (схема «{revision}»). "
            "Обновите pbxdesk; файл не изменён.",
            f"The profile {path} was written by a newer pbxdesk (schema '{revision}'). "
            "Update pbxdesk; the file was left untouched.",
        )
        self.path = path
        self.revision = revision


class UnknownNumberError(StoreError, KeyError):
    """The number is not in the local profile."""

    def __init__(self, number: str) -> None:
        StoreError.__init__(self, f"Номера {number} нет в профиле", f"The number {number} is not in the profile")
        self.number = number

    def __str__(self) -> str:
        return self.message_en


class SaveRefusedError(StoreError):
    """Saving was refused because of validation errors; nothing was written.

    ``problems`` maps each number to its problems (errors and warnings)."""

    def __init__(self, problems: dict[str, list[Problem]]) -> None:
        numbers = ", ".join(n for n, probs in problems.items() if any(p.is_error for p in probs))
        super().__init__(f"Сохранение отклонено: есть ошибки ({numbers})",
                         f"Saving refused: there are errors ({numbers})")
        self.problems = problems
