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


class ProfileUnavailable(StoreError):
    """The profile cannot be read or written: its disk is full or read-only, it is gone (removed, its drive
    disconnected), busy, damaged, or there is none. Nothing committed is lost: SQLite writes a transaction
    whole or not at all, so the operation that met this changed nothing. ``reason`` is one of
    :data:`REASONS`."""

    REASONS = ("full", "read_only", "gone", "missing", "busy", "damaged", "needs_upgrade", "io")

    def __init__(self, reason: str, path: str, detail: str = "") -> None:
        ru, en = _UNAVAILABLE[reason]
        super().__init__(ru.format(path=path, detail=detail), en.format(path=path, detail=detail))
        self.reason = reason
        self.path = path
        self.detail = detail


_UNAVAILABLE = {
    "full": ("На диске профиля {path} нет места: сейчас туда ничего не сохранить, сохранённое ранее цело. "
             "Освободите место и повторите.",
             "The disk of the profile {path} is full: nothing can be saved there now, everything saved before is "
             "intact. Free some space and try again."),
    "read_only": ("Профиль {path} доступен только для чтения (диск или файл защищены от записи): туда ничего не "
                  "сохранить, сохранённое ранее цело.",
                  "The profile {path} is read-only (its disk or file cannot be written): nothing can be saved "
                  "there, everything saved before is intact."),
    "gone": ("Профиль {path} исчез (удалён, переименован или его диск отключён): с ним ничего не сделать.",
             "The profile {path} is gone (removed, renamed, or its drive disconnected): nothing can be read from "
             "or saved to it."),
    "missing": ("В {path} нет профиля pbxdesk: там ещё ничего не сохранялось, или он удалён.",
                "There is no pbxdesk profile at {path}: nothing was saved there yet, or it was removed."),
    "busy": ("Профиль {path} занят другой программой pbxdesk дольше 10 секунд: повторите позже.",
             "The profile {path} was kept busy by another pbxdesk for over 10 seconds: try again later."),
    "damaged": ("Файл профиля {path} повреждён или не является профилем pbxdesk ({detail}).",
                "The profile file at {path} is damaged or not a pbxdesk profile ({detail})."),
    "needs_upgrade": ("Профиль {path} записан более старой версией pbxdesk, а обновить его здесь нельзя "
                      "(диск только для чтения или заполнен).",
                      "The profile {path} was written by an older pbxdesk and cannot be upgraded here (its disk is "
                      "read-only or full)."),
    "io": ("Профиль {path} не читается или не записывается: {detail}.",
           "The profile {path} cannot be read or written: {detail}."),
}


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
