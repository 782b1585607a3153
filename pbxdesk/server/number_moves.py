"""Numbers leave a company: removed (the provider withdrew it) or moved to another company.

* :func:`remove_number`: the number goes; its company remembers it (``withdrawn_numbers``), its revisions
  stay (readable with ``GET /numbers/{n}/revisions``), the company's change feed says ``deleted`` and the
  deployment feed carries a ``deleted`` entry, so every node deletes its dialplan.
* :func:`move_number`: the number and its routing (or the new company's default routing) go to another
  company as a new revision of the new company; the media the routing plays are made the new company's
  too (the masters are shared by content, so nothing is uploaded again). The old company sees it as
  withdrawn (``moved``), keeps its revisions, and its change feed says ``deleted``.

The API answers 410 ``number-withdrawn`` for a number the company no longer has (:func:`gone_or_unknown`).
Refusals carry an English and a Russian message (:class:`NumberMoveError`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from pbxdesk.domain.defaults import default_document
from pbxdesk.domain.document import from_dict, to_canonical_dict
from pbxdesk.domain.lang import cli_language
from pbxdesk.domain.models import Directory
from pbxdesk.domain.phone import PhoneNumberError, normalize_number
from pbxdesk.domain.problems import Problem
from pbxdesk.domain.text import printable
from pbxdesk.domain.validation import validate_document
from pbxdesk.domain.walk import media_ids
from pbxdesk.server.accounts import AccountError
from pbxdesk.server.database import Writer, write_transaction
from pbxdesk.server.problems import ProblemError
from pbxdesk.server.revision_rows import insert_revision
from pbxdesk.server.tables import (
    companies,
    deploy_state,
    media,
    numbers,
    revisions,
    utcnow,
    withdrawn_numbers,
)

AUTHOR = "admin"


class NumberMoveError(AccountError):
    """A removal or move refused; nothing was changed. ``problems``: what the routing lacks in the new
    company (a move without ``--default-routing``)."""

    def __init__(self, en: str, ru: str, problems: list[Problem] | None = None) -> None:
        super().__init__(en)
        self.en, self.ru = en, ru
        self.problems = problems or []

    def message(self, lang: str) -> str:
        return self.ru if lang == "ru" else self.en

    def __str__(self) -> str:
        return self.message(cli_language())


@dataclass(frozen=True)
class Removal:
    number: str
    company: str
    revision: int  # the last revision, kept in the history


@dataclass(frozen=True)
class Move:
    number: str
    from_company: str
    to_company: str
    revision: int  # the new company's first revision of it
    default_routing: bool
    media: list[str] = field(default_factory=list)  # media ids made the new company's


# -- what the API answers for a number the company no longer has ----------------------------------------

def withdrawn(conn: Connection, company_id: int, number: str) -> Any | None:
    """The company's record of a number it no longer has (reason, revision, withdrawn_at), or None."""
    return conn.execute(select(withdrawn_numbers).where(withdrawn_numbers.c.company_id == company_id,
                                                        withdrawn_numbers.c.number == number)).first()


def gone_or_unknown(conn: Connection, company_id: int, number: str, lang: str) -> ProblemError:
    """410 ``number-withdrawn`` for a number the company had, else 404 ``unknown-number``."""
    row = withdrawn(conn, company_id, number)
    if row is None:
        return ProblemError(404, f"the number {number} is not one of your company's numbers", "unknown-number")
    if row.reason == "moved":
        en = f"the number {number} was moved to another company; its history stays readable"
        ru = f"номер {number} передан другой компании; его история доступна для чтения"
    else:
        en = f"the number {number} was withdrawn from your company; its history stays readable"
        ru = f"номер {number} изъят у вашей компании; его история доступна для чтения"
    return ProblemError(410, ru if lang == "ru" else en, "number-withdrawn", reason=row.reason,
                        revision=int(row.revision), withdrawn_at=row.withdrawn_at)


def returned(conn: Connection, company_id: int, number: str) -> None:
    """The number is the company's again (added or moved back): no longer withdrawn for it."""
    conn.execute(delete(withdrawn_numbers).where(withdrawn_numbers.c.company_id == company_id,
                                                 withdrawn_numbers.c.number == number))


def next_revision(conn: Connection, number: str) -> int:
    """The next revision of a number: after every kept revision (a number added again after its removal
    continues its history instead of clashing with it)."""
    top = conn.execute(select(func.max(revisions.c.revision)).where(revisions.c.number == number)).scalar()
    return int(top or 0) + 1


# -- removal and move ----------------------------------------------------------------------------------

def _digits(number: str) -> str:
    try:
        return normalize_number(number)
    except PhoneNumberError as exc:
        raise NumberMoveError(exc.message_en, exc.message_ru) from exc


def _owner(engine: Engine, number: str) -> int:
    with engine.connect() as conn:
        found = conn.execute(select(numbers.c.company_id).where(numbers.c.number == number)).scalar()
    if found is None:
        raise NumberMoveError(f"the number {number} is not provisioned (pbxdesk admin add-number)",
                              f"номер {number} не подключён (pbxdesk admin add-number)")
    return int(found)


def _company(conn: Connection, company_id: int) -> Any:
    return conn.execute(select(companies.c.name, companies.c.directory).where(companies.c.id == company_id)).one()


def _withdraw(writer: Writer, number: str, reason: str, revision: int) -> None:
    returned(writer.conn, writer.company_id, number)
    writer.conn.execute(insert(withdrawn_numbers).values(company_id=writer.company_id, number=number, reason=reason,
                                                         revision=revision, withdrawn_at=utcnow()))
    writer.add_change("number", number, revision, deleted=True)


def remove_number(engine: Engine, number: str) -> Removal:
    """Remove a provisioned number from its company (its history is kept); nodes delete its dialplan."""
    number = _digits(number)
    company_id = _owner(engine, number)
    with write_transaction(engine, company_id) as writer:
        conn = writer.conn
        row = conn.execute(select(numbers.c.revision).where(numbers.c.number == number,
                                                            numbers.c.company_id == company_id)).first()
        if row is None:  # moved or removed meanwhile
            raise NumberMoveError(f"the number {number} changed hands meanwhile; try again",
                                  f"номер {number} только что изменился; повторите")
        revision = int(row.revision)
        conn.execute(delete(numbers).where(numbers.c.number == number))
        conn.execute(delete(deploy_state).where(deploy_state.c.number == number))
        _withdraw(writer, number, "removed", revision)
        writer.add_deployment("number", number, revision, deleted=True)
        name = _company(conn, company_id).name
    return Removal(number, name, revision)


@contextmanager
def _two_writers(engine: Engine, first: int, second: int) -> Iterator[tuple[Writer, Writer]]:
    """Write transactions of two companies in one: locked in id order (no deadlock with a move the other
    way), both committed together."""
    low, high = sorted((first, second))
    with write_transaction(engine, low) as outer:
        seq = outer.conn.execute(select(companies.c.change_seq).where(companies.c.id == high)
                                 .with_for_update()).scalar_one()
        inner = Writer(outer.conn, high, int(seq))
        writers = {low: outer, high: inner}
        yield writers[first], writers[second]
        inner._flush()


def _copy_media(conn: Connection, source: int, target: int, wanted: list[str]) -> list[str]:
    """Make the media ``wanted`` (those the source company has) the target company's too; the ids copied."""
    if not wanted:
        return []
    have = set(conn.execute(select(media.c.id).where(media.c.company_id == target, media.c.id.in_(wanted))).scalars())
    rows = [r for r in conn.execute(select(media).where(media.c.company_id == source, media.c.id.in_(wanted)))
            if r.id not in have]
    for r in rows:
        conn.execute(insert(media).values(company_id=target, id=r.id, duration_s=r.duration_s, filename=r.filename,
                                          created_at=utcnow()))
    return [r.id for r in rows]


def move_number(engine: Engine, number: str, to_company: str, default_routing: bool = False) -> Move:
    """Move a number with its routing (or, with ``default_routing``, the new company's default routing) to
    ``to_company``. Refused, with nothing changed, when the routing refers to employees, departments or
    media the new company does not have (``problems``)."""
    from pbxdesk.server.accounts import company_id as find_company

    number = _digits(number)
    try:
        target = find_company(engine, to_company)
    except AccountError as exc:
        raise NumberMoveError(str(exc), f"нет компании с названием '{printable(to_company, 200)}'") from exc
    source = _owner(engine, number)
    if source == target:
        raise NumberMoveError(f"the number {number} already belongs to '{printable(to_company, 200)}'",
                              f"номер {number} уже принадлежит компании '{printable(to_company, 200)}'")
    with _two_writers(engine, source, target) as (old, new):
        conn = old.conn
        row = conn.execute(select(numbers.c.revision, numbers.c.document).where(
            numbers.c.number == number, numbers.c.company_id == source)).first()
        if row is None:
            raise NumberMoveError(f"the number {number} changed hands meanwhile; try again",
                                  f"номер {number} только что изменился; повторите")
        from_row, to_row = _company(conn, source), _company(conn, target)
        directory = Directory.model_validate_json(to_row.directory)
        if default_routing:
            doc = default_document(number, to_row.name, directory)
        else:
            doc = from_dict(json.loads(row.document))
            known = set(conn.execute(select(media.c.id).where(media.c.company_id.in_([source, target]))).scalars())
            problems = [p for p in validate_document(doc, directory, known) if p.is_error]
            if problems:
                raise NumberMoveError(
                    f"the routing of {number} refers to {len(problems)} thing(s) the company "
                    f"'{printable(to_row.name)}' does not have (lines above); nothing was moved: move it with "
                    "--default-routing, or import that company's directory first",
                    f"маршрутизация номера {number} ссылается на {len(problems)} объект(ов), которых нет у компании "
                    f"'{printable(to_row.name)}' (строки выше); ничего не перенесено: перенесите с --default-routing "
                    "или сначала загрузите справочник этой компании", problems)
        document = to_canonical_dict(doc)
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        copied = _copy_media(conn, source, target, media_ids(doc))
        revision, now = next_revision(conn, number), utcnow()
        conn.execute(update(numbers).where(numbers.c.number == number).values(
            company_id=target, name=str(document.get("name", "")), revision=revision, document=text, updated_at=now))
        insert_revision(conn, number=number, revision=revision, company_id=target, document=document, text=text,
                        saved_at=now, author=AUTHOR)
        _withdraw(old, number, "moved", int(row.revision))
        returned(conn, target, number)
        for media_id in copied:
            new.add_change("media", media_id, 1)
        new.add_change("number", number, revision)
        new.add_deployment("number", number, revision)
    return Move(number, from_row.name, to_row.name, revision, default_routing, copied)
