"""The catalogue of problem codes with their Russian and English messages.

Each entry is ``code: (severity, russian, english)``; messages are ``str.format`` templates.
``MEANING`` says in one English sentence what each code is about. ``docs/validation.md`` is generated
from these tables (``python -m pbxdesk.domain.messages docs/validation.md``; ``--check`` fails when the
file is stale).
"""

from __future__ import annotations

import sys

from pbxdesk.domain.generated import write_or_check
from pbxdesk.domain.text import printable

_E, _W = "error", "warning"
PARAM_LIMIT = 100

CATALOG: dict[str, tuple[str, str, str]] = {
    # structure
    "type.unknown_field": (_E, "Неизвестное поле «{field}»", "Unknown field '{field}'"),
    "type.missing": (_E, "Не хватает обязательного поля «{field}»", "Required field '{field}' is missing"),
    "type.invalid": (_E, "Неверный тип или значение поля «{field}»: {detail}",
                     "Wrong type or value of '{field}': {detail}"),
    "node.unknown_type": (_E, "Неизвестный вид действия «{type}»", "Unknown action type '{type}'"),
    "format.unsupported": (_E, "Неподдерживаемый формат «{value}», ожидается pbxdesk.routing/1",
                           "Unsupported format '{value}', expected pbxdesk.routing/1"),
    "document.too_deep": (_E, "Документ вложен глубже {max} уровней: здесь уровень {max_plus}",
                          "The document is nested more than {max} levels deep: this is level {max_plus}"),
    # text (pbxdesk.domain.text: one rule for every name, prompt text and id)
    "text.forbidden_char": (_E, "Недопустимый символ {char} в «{field}» (позиция {position}): управляющие "
                                "символы, разрывы строк и знаки направления текста не допускаются",
                            "Character {char} is not allowed in '{field}' (position {position}): control "
                            "characters, line breaks and text direction marks are not allowed"),
    "text.too_long": (_E, "«{field}» длиннее {max} символов ({length})",
                      "'{field}' is longer than {max} characters ({length})"),
    # number, name, timezone
    "number.malformed": (_E, "Номер «{value}» должен состоять из 10 цифр",
                         "The number '{value}' must be 10 digits"),
    "number.mismatch": (_E, "Документ относится к номеру «{found}», а сохраняется в номер {number}",
                        "The document is for the number '{found}' but is saved to {number}"),
    "name.empty": (_E, "Укажите название номера", "The number name is empty"),
    "timezone.unknown": (_E, "Неизвестный часовой пояс «{value}»", "Unknown timezone '{value}'"),
    # intervals
    "interval.unknown_id": (_E, "Недопустимый идентификатор интервала «{id}»: разрешены working, non_working, "
                                "custom1–custom3",
                            "Invalid interval id '{id}': allowed are working, non_working, custom1-custom3"),
    "interval.duplicate_id": (_E, "Интервал «{id}» объявлен повторно", "Interval '{id}' is declared twice"),
    "interval.too_many_extra": (_E, "Дополнительных интервалов не может быть больше трёх",
                                "There can be no more than 3 extra intervals"),
    "interval.name_empty": (_E, "У интервала «{id}» пустое название", "Interval '{id}' has an empty name"),
    "interval.name_duplicate": (_E, "Название интервала «{name}» уже используется",
                                "The interval name '{name}' is used twice"),
    "interval.missing": (_E, "Не объявлен обязательный интервал «{id}»",
                         "The required interval '{id}' is not declared"),
    "interval.unknown": (_E, "Интервал «{id}» не объявлен в расписании",
                         "Interval '{id}' is not declared in the schedule"),
    "interval.unused": (_W, "Интервал «{name}» нигде не используется в расписании",
                        "Interval '{name}' never occurs in the schedule"),
    # ranges and exceptions
    "range.bad_day": (_E, "Неверный день недели «{value}»: ожидается mon–sun",
                      "Bad weekday '{value}': expected mon-sun"),
    "range.bad_time": (_E, "Неверное время «{value}»: ожидается ЧЧ:ММ от 00:00 до 23:59 (24:00 только как конец)",
                       "Bad time '{value}': expected HH:MM from 00:00 to 23:59 (24:00 only as an end)"),
    "range.start_not_before_end": (_E, "Начало {start} должно быть раньше конца {end}",
                                   "The start {start} must be before the end {end}"),
    "range.overlap": (_E, "Диапазон {start}–{end} пересекается с диапазоном {other_start}–{other_end} того же дня",
                      "The range {start}-{end} overlaps {other_start}-{other_end} on the same day"),
    "exception.bad_date": (_E, "Неверная дата «{value}»: ожидается ГГГГ-ММ-ДД",
                           "Bad date '{value}': expected a real date YYYY-MM-DD"),
    "exception.duplicate_date": (_E, "Дата {value} уже указана в исключениях",
                                 "The date {value} is already listed in the exceptions"),
    # scenarios (R5, R14)
    "scenario.missing": (_E, "Нет сценария для интервала «{name}»", "The interval '{name}' has no scenario"),
    "scenario.undeclared_interval": (_E, "Сценарий для необъявленного интервала «{id}»",
                                     "A scenario for the undeclared interval '{id}'"),
    "scenario.never_occurs": (_W, "Интервал «{name}» никогда не наступает, его сценарий не используется",
                              "The interval '{name}' never occurs, so its scenario is never used"),
    # menu (R7, R14)
    "menu.key_missing_branch": (_E, "Нет сценария для клавиши {key}", "Key {key} has no scenario"),
    "menu.no_input_missing": (_E, "Нет сценария для случая «Ничего не выбрано»",
                              "'Nothing pressed' has no scenario"),
    "menu.bad_key": (_E, "Недопустимая клавиша «{key}»: разрешены 0–9, * и #",
                     "Invalid key '{key}': allowed are 0-9, * and #"),
    "menu.no_keys": (_E, "В меню нет ни одной клавиши, и донабор внутреннего номера выключен",
                     "The menu has no enabled key and extension dialing is off"),
    "menu.bad_timeout": (_E, "Время ожидания меню {value} с: допустимо от 1 до 30 с",
                         "Menu timeout {value} s: allowed is 1 to 30 s"),
    "menu.bad_repeats": (_E, "Число повторов меню {value}: допустимо от 1 до 5",
                         "Menu repeats {value}: allowed is 1 to 5"),
    "menu.extension_conflict": (_W, "Внутренние номера {extensions} начинаются с клавиши {key}: набор различается "
                                    "по паузе между цифрами",
                                "Extensions {extensions} start with key {key}: dialing is told apart by the "
                                "pause between digits"),
    # forwards (R8-R10)
    "forward.bad_timeout": (_E, "Время ожидания ответа {value} с: допустимо {allowed} с",
                            "Answer timeout {value} s: allowed are {allowed} s"),
    "forward.number_malformed": (_E, "Внешний номер «{value}» должен состоять из 10 цифр",
                                 "The external number '{value}' must be 10 digits"),
    "department.step_missing": (_E, "Укажите длительность между переходами (распределение «{distribution}»)",
                                "The step between members is missing (distribution '{distribution}')"),
    "department.bad_step": (_E, "Длительность между переходами {value} с: допустимо {allowed} с",
                            "Step between members {value} s: allowed are {allowed} s"),
    "department.step_ignored": (_W, "Длительность между переходами не используется при распределении «Всем сразу»",
                                "The step between members is not used with distribution 'all'"),
    # references
    "employee.missing": (_E, "Не выбран сотрудник", "No employee is chosen"),
    "employee.unknown": (_E, "Неизвестный сотрудник «{id}»", "Unknown employee '{id}'"),
    "employee.no_extension": (_W, "У сотрудника «{name}» нет внутреннего номера: звонок сразу идёт дальше",
                              "The employee '{name}' has no extension: the call moves on at once"),
    "employee.no_email": (_W, "У сотрудника «{name}» нет адреса e-mail: ему не придёт сообщение",
                          "The employee '{name}' has no e-mail address: no message reaches them"),
    "department.missing": (_E, "Не выбран отдел", "No department is chosen"),
    "department.unknown": (_E, "Неизвестный отдел «{id}»", "Unknown department '{id}'"),
    "department.empty": (_W, "В отделе «{name}» нет сотрудников", "The department '{name}' has no members"),
    # prompts (R6)
    "prompt.tts_empty": (_E, "Пустой текст сообщения", "The message text is empty"),
    "prompt.tts_too_long": (_E, "Текст сообщения длиннее 1000 символов ({length})",
                            "The message text is longer than 1000 characters ({length})"),
    "prompt.audio_empty": (_E, "Не выбран аудиофайл", "No audio file is chosen"),
    "prompt.audio_malformed": (_E, "Неверный идентификатор аудиофайла «{value}»: ожидается SHA-256 (64 шестнадцатеричных "
                                   "цифры в нижнем регистре)",
                               "Bad audio file id '{value}': expected a SHA-256 (64 lowercase hex digits)"),
    "media.unknown": (_E, "Аудиофайл {value} не найден в медиатеке", "The audio file {value} is not in the media library"),
    # voicemail / fax (R12)
    "mail.no_recipient": (_E, "Не указан ни один получатель и нет внешнего адреса e-mail",
                          "No recipient and no external e-mail address"),
    "mail.duplicate_recipient": (_W, "Получатель «{id}» указан повторно", "The recipient '{id}' is listed twice"),
    "email.invalid": (_E, "Неверный адрес e-mail «{value}»: ожидается имя@домен.зона латиницей, без пробелов",
                      "Invalid e-mail address '{value}': expected name@domain.tld in Latin letters, no spaces"),
    # the company directory (admin import-directory)
    "directory.id_empty": (_E, "Пустой идентификатор", "The id is empty"),
    "directory.id_duplicate": (_E, "Идентификатор «{id}» уже встречается выше", "The id '{id}' is used above already"),
    "directory.name_empty": (_E, "Пустое имя", "The name is empty"),
    "directory.extension_invalid": (_E, "Внутренний номер «{value}» должен состоять из 1–15 цифр",
                                    "The extension '{value}' must be 1 to 15 digits"),
    "directory.extension_duplicate": (_E, "Внутренний номер {value} уже есть у сотрудника «{other}»",
                                      "The extension {value} already belongs to '{other}'"),
    "directory.unknown_member": (_E, "В отделе указан неизвестный сотрудник «{id}»",
                                 "The department lists the unknown employee '{id}'"),
}

MEANING: dict[str, str] = {
    "type.unknown_field": "A member the format does not define (unknown fields are errors).",
    "type.missing": "A required member is absent (pointer: the one it would have, e.g. a node's `.../type`).",
    "type.invalid": "A member has the wrong JSON type or a value outside its enumeration.",
    "node.unknown_type": "A scenario node whose `type` is not one of the seven node kinds (pointer: the node).",
    "format.unsupported": "`format` is not `pbxdesk.routing/1`.",
    "document.too_deep": "A value nested more than 200 levels deep (the document is level 1; pointer: the first "
                         "such value). Nothing else is checked; the server refuses such documents too.",
    "text.forbidden_char": "Free text (number and interval names, prompt text, employee and department ids; "
                           "directory names and ids) holds a character of no text: a control character "
                           "(U+0000-U+001F, U+007F-U+009F; prompt text may hold tab and line breaks), U+2028/U+2029, "
                           "a direction override or isolate (U+202A-U+202E, U+2066-U+2069) or a lone surrogate.",
    "text.too_long": "Free text over its limit: number name 200, interval name 60, employee or department id "
                     "100, directory names 200 characters.",
    "number.malformed": "`number` is not exactly 10 ASCII digits.",
    "number.mismatch": "The document's `number` is not the number it is saved to (the profile's number, or the "
                       "number in the URL of `PUT /numbers/{number}`).",
    "name.empty": "`name` is empty or only whitespace.",
    "timezone.unknown": "`timezone` is not an IANA zone known to the system's zoneinfo.",
    "interval.unknown_id": "A declared interval id other than working, non_working, custom1..custom3.",
    "interval.duplicate_id": "An interval id declared a second time (the later declaration is reported).",
    "interval.too_many_extra": "A fourth or later extra interval (each one beyond the third is reported).",
    "interval.name_empty": "An interval name that is empty or only whitespace.",
    "interval.name_duplicate": "Two intervals with the same name (trimmed, case-insensitive; the later one is reported).",
    "interval.missing": "`working` or `non_working` is not declared; pointer `/schedule/intervals`.",
    "interval.unknown": "A range or exception range names an interval that is not declared.",
    "interval.unused": "An extra interval that never occurs: no range uses it, or the mode is `always`.",
    "range.bad_day": "A weekly range whose `day` is not mon..sun.",
    "range.bad_time": "A `start`/`end` that is not `HH:MM` (00:00..23:59; `24:00` only as an end).",
    "range.start_not_before_end": "A range with `start >= end` (pointer: the range).",
    "range.overlap": "Two ranges of one weekday, or of one exception date, overlap; the later one in the "
                     "document is reported.",
    "exception.bad_date": "An exception date that is not a real date `YYYY-MM-DD`.",
    "exception.duplicate_date": "An exception date listed twice (the later one is reported).",
    "scenario.missing": "R5/R14: an interval that occurs (in the week or on an exception date) has no scenario "
                        "(missing or null). In `always` mode only `working` occurs; in `weekly` mode "
                        "`non_working` occurs whenever some minute is covered by no range.",
    "scenario.undeclared_interval": "A scenario keyed by an interval id that is not declared.",
    "scenario.never_occurs": "A scenario for a declared interval that never occurs (e.g. `non_working` in "
                             "`always` mode, an extra interval without ranges).",
    "menu.key_missing_branch": "R7/R14: an enabled menu key whose branch is null.",
    "menu.no_input_missing": "R7/R14: a menu whose `no_input` is null or missing.",
    "menu.bad_key": "A menu key other than 0-9, `*`, `#`.",
    "menu.no_keys": "A menu with no enabled key and `extension_dialing` off (pointer: the menu).",
    "menu.bad_timeout": "Menu `timeout_s` outside 1..30.",
    "menu.bad_repeats": "Menu `repeats` outside 1..5.",
    "menu.extension_conflict": "With a directory and extension dialing on: employees' extensions start with an "
                               "enabled key (pointer: that key); the inter-digit timeout tells them apart.",
    "forward.bad_timeout": "R8-R10: `timeout_s` not in the allowed set (external and employee 10, 15, 20, 30, "
                           "60; department 15, 20, 30, 60, 120, 300, 600).",
    "forward.number_malformed": "R8: `forward_external.number` is not 10 digits.",
    "department.step_missing": "R10: `step_s` is null for `in_turn` or `incremental`.",
    "department.bad_step": "R10: `step_s` not in 5, 10, 15, 20, 25, 30.",
    "department.step_ignored": "`step_s` is set for distribution `all`, where it must be null; a warning "
                               "because it is harmless (ignored).",
    "employee.missing": "An employee reference is an empty string (none chosen).",
    "employee.unknown": "An employee id not in the directory (checked only when a directory is given).",
    "employee.no_extension": "A forward to an employee of the directory who has no extension the dialplan can "
                             "dial (directory given): nobody rings, the call moves on at once to `next`.",
    "employee.no_email": "A voicemail/fax recipient employee of the directory without a usable e-mail "
                         "(directory given): the message is mailed to the other recipients only.",
    "department.missing": "A department reference is an empty string (none chosen).",
    "department.unknown": "A department id not in the directory (checked only when a directory is given).",
    "department.empty": "A referenced department has no members (directory given).",
    "prompt.tts_empty": "A text-to-speech prompt whose text is empty or only whitespace.",
    "prompt.tts_too_long": "A text-to-speech prompt longer than 1000 characters.",
    "prompt.audio_empty": "An audio prompt with an empty media id.",
    "prompt.audio_malformed": "An audio prompt whose media id is not 64 lowercase hex digits.",
    "media.unknown": "A media id not among the known media (checked only when the caller passes them).",
    "mail.no_recipient": "R12: voicemail/fax with no recipient and no external e-mail (pointer: `recipients`).",
    "mail.duplicate_recipient": "The same employee or department listed twice among recipients.",
    "email.invalid": "An e-mail address (`external_email`, a directory employee's `email`) that is not "
                     "`local@domain.tld` in ASCII letters, digits and `._%+-` (at most 64 before the @, 254 in "
                     "all): the dialplan hands addresses to the mail command and skips any other. Null or empty "
                     "means none; nothing is trimmed.",
    "directory.id_empty": "A directory employee or department with an empty or blank id.",
    "directory.id_duplicate": "Two employees, or two departments, with the same id (the later one is reported).",
    "directory.name_empty": "A directory employee or department with an empty or blank name.",
    "directory.extension_invalid": "An employee's `extension` that is not 1-15 digits (null or empty: none); "
                                   "the dialplan could not dial it.",
    "directory.extension_duplicate": "Two employees with the same extension (extension dialing could ring only one).",
    "directory.unknown_member": "A department member that is not an employee id of the directory.",
}


class _Defaults(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def severity(code: str) -> str:
    return CATALOG[code][0]


def message(code: str, **params: object) -> tuple[str, str]:
    """(russian, english) text of a problem code with its parameters filled in. Text parameters come from
    documents and directories: they are cut to :data:`PARAM_LIMIT` characters and their control characters
    escaped, so a message is always one line."""
    _sev, ru, en = CATALOG[code]
    values = _Defaults({k: printable(v, PARAM_LIMIT) if isinstance(v, str) else v for k, v in params.items()})
    return ru.format_map(values), en.format_map(values)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown() -> str:
    """The text of ``docs/validation.md``: every code with severity, meaning and both messages."""
    lines = [
        "# Validation problem codes",
        "",
        "Generated by `python -m pbxdesk.domain.messages docs/validation.md` from",
        "`pbxdesk/domain/messages.py`; do not edit by hand. Every problem carries a JSON Pointer to the",
        "culprit (for a missing member, the pointer it would have), a severity (errors block saving and",
        "syncing, warnings do not), one of these codes and a message in Russian and English",
        "(`{placeholders}` are filled in). See SPEC §5.",
        "",
        "| Code | Severity | Meaning | Message (en) | Message (ru) |",
        "|---|---|---|---|---|",
    ]
    for code, (sev, ru, en) in CATALOG.items():
        lines.append(f"| `{code}` | {sev} | {_cell(MEANING[code])} | {_cell(en)} | {_cell(ru)} |")
    return "\n".join(lines + _text_rules()) + "\n"


def _text_rules() -> list[str]:
    from pbxdesk.domain import text

    rules = [("number name (`name`)", text.NAME), ("interval name", text.INTERVAL_NAME),
             ("prompt text (`tts`)", text.TTS), ("employee and department id", text.ID),
             ("directory employee and department name", text.DIRECTORY_NAME),
             ("company name (server)", text.COMPANY_NAME)]
    lines = [
        "",
        "## Text rules",
        "",
        "One rule for text (`pbxdesk/domain/text.py`), checked the same way by client validation, the",
        "provisioning service (which publishes the same patterns in its OpenAPI document), the directory",
        "import and the dialplan compiler. No text holds a control character (U+0000-U+001F, U+007F-U+009F),",
        "U+2028/U+2029, a direction override or isolate (U+202A-U+202E, U+2066-U+2069) or a lone surrogate;",
        "prompt text may hold tabs and line breaks. Text of only spaces is empty. Lengths are in characters.",
        "",
        "| text | length | line breaks |",
        "|---|---|---|",
    ]
    for label, rule in rules:
        lines.append(f"| {label} | 1-{rule.max_length} | {'allowed' if rule.multiline else 'no'} |")
    lines += [
        f"| e-mail | at most {text.EMAIL_MAX}; `{_cell(text.EMAIL_PATTERN)}`; null or empty: none | no |",
        f"| extension (directory) | `{text.EXTENSION_PATTERN}`; null or empty: none | no |",
        "",
        f"A document nested more than {text.MAX_DEPTH} levels deep (the document itself is level 1; a chain of "
        "197 messages reaches level 201) is refused whole: `document.too_deep` at the first value below the limit.",
    ]
    return lines


def main(argv: list[str]) -> int:
    return write_or_check(argv, markdown, "pbxdesk.domain.messages")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
