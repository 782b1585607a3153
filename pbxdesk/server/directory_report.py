"""The report of ``pbxdesk admin import-directory``: which numbers and which of their nodes a new directory
breaks (a forward to an employee who left, a department gone, an extension or an e-mail removed), in the
language of the command line (ru/en). ``--dry-run`` prints the same report and imports nothing."""

from __future__ import annotations

import json

from sqlalchemy import Engine, select

from pbxdesk.domain.directory_impact import NumberImpact, directory_impact
from pbxdesk.domain.models import Directory
from pbxdesk.server import storage
from pbxdesk.server.database import read_connection
from pbxdesk.server.tables import numbers

_WORDS = {
    "affected": ("Маршрутизация {count} номер(ов) получит новые проблемы с этим справочником:",
                 "{count} number(s) get new problems with this directory:"),
    "none": ("Ни у одного номера компании не появится новых проблем.",
             "No number of the company gets a new problem."),
    "dry_run": ("Пробный запуск: ничего не импортировано, справочник компании не изменился.",
                "Dry run: nothing was imported, the company's directory is unchanged."),
}


def words(key: str, lang: str, **params: object) -> str:
    ru, en = _WORDS[key]
    return (ru if lang == "ru" else en).format(**params)


def impact(engine: Engine, company_id: int, new: Directory) -> list[NumberImpact]:
    """The company's numbers whose current routings get problems with ``new`` they have not now."""
    with read_connection(engine) as conn:
        old, _revision = storage.get_directory(conn, company_id)
        rows = conn.execute(select(numbers.c.number, numbers.c.document).where(numbers.c.company_id == company_id))
        documents = {r.number: json.loads(r.document) for r in rows}
    return directory_impact(documents, old, new)


def report(found: list[NumberImpact], lang: str) -> list[str]:
    if not found:
        return [words("none", lang)]
    lines = [words("affected", lang, count=len(found))]
    for item in found:
        lines.extend("  " + line for line in item.lines(lang))
    return lines
