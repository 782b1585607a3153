"""Phone numbers: what an administrator types -> the national 10-digit form, and back for display."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-().\u00a0]")


class PhoneNumberError(ValueError):
    """Input that is not a Russian 10-digit number; carries a message in both languages."""

    def __init__(self, text: str, message_ru: str, message_en: str) -> None:
        super().__init__(message_en)
        self.text = text
        self.message_ru = message_ru
        self.message_en = message_en


def normalize_number(text: str) -> str:
    """``+7 (495) 230-22-22``, ``8-495-230-22-22``, ``4952302222`` -> ``4952302222``."""
    raw = _SEPARATORS.sub("", text or "")
    if raw.startswith("+"):
        if not raw.startswith("+7"):
            raise PhoneNumberError(text, "Поддерживаются только номера России (+7)",
                                   "Only Russian numbers (+7) are supported")
        raw = raw[2:]
    elif len(raw) == 11 and raw[0] in "78":
        raw = raw[1:]
    if not raw.isdigit() or not raw.isascii():
        raise PhoneNumberError(text, f"«{text}» — не номер телефона: допустимы только цифры",
                               f"'{text}' is not a phone number: digits only")
    if len(raw) != 10:
        raise PhoneNumberError(text, f"Номер должен содержать 10 цифр, а в «{text}» их {len(raw)}",
                               f"A number has 10 digits; '{text}' has {len(raw)}")
    return raw


def is_valid_number(number: str) -> bool:
    return len(number) == 10 and number.isascii() and number.isdigit()


def format_number(number: str) -> str:
    """``4952302222`` -> ``+7 495 230-22-22``; anything that is not 10 digits is returned as it is."""
    if not is_valid_number(number):
        return number
    return f"+7 {number[0:3]} {number[3:6]}-{number[6:8]}-{number[8:10]}"
