"""Numbers, revisions, the directory, media and the change feed of each company."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update

from pbxdesk.domain.defaults import default_document
from pbxdesk.domain.document import to_canonical_dict
from pbxdesk.domain.models import Directory
from pbxdesk.domain.phone import PhoneNumberError, normalize_number
from pbxdesk.server import number_moves
from pbxdesk.server.accounts import AccountError
from pbxdesk.server.database import Writer, write_transaction
from pbxdesk.server.revision_rows import insert_revision
from pbxdesk.server.tables import changes, companies, media, numbers, revisions, utcnow


@dataclass(frozen=True)
class StoredNumber:
    number: str
    revision: int
    document: dict[str, Any]
    text: str


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# -- numbers -----------------------------------------------------------------------------------------

def list_numbers(conn: Connection, company_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(select(numbers.c.number, numbers.c.name, numbers.c.revision)
                        .where(numbers.c.company_id == company_id).order_by(numbers.c.number))
    return [{"number": r.number, "name": r.name, "revision": r.revision} for r in rows]


def get_number(conn: Connection, company_id: int, number: str) -> StoredNumber | None:
    row = conn.execute(select(numbers.c.number, numbers.c.revision, numbers.c.document)
                       .where(numbers.c.number == number, numbers.c.company_id == company_id)).first()
    if row is None:
        return None
    return StoredNumber(row.number, int(row.revision), json.loads(row.document), row.document)


def save_document(writer: Writer, number: str, document: dict[str, Any], author: str,
                  current_revision: int) -> int:
    """Store a new revision of an existing number (the caller checked the precondition under the lock)."""
    revision = current_revision + 1
    text, now = dump_json(document), utcnow()
    writer.conn.execute(update(numbers).where(numbers.c.number == number).values(
        name=str(document.get("name", "")), revision=revision, document=text, updated_at=now))
    insert_revision(writer.conn, number=number, revision=revision, company_id=writer.company_id, document=document,
                    text=text, saved_at=now, author=author)
    writer.add_change("number", number, revision)
    writer.add_deployment("number", number, revision)
    return revision


def add_number(engine: Engine, company_id: int, number: str, author: str = "admin") -> dict[str, Any]:
    """Provision a number with the default routing of R1 (revision 1). Numbers are unique server-wide."""
    return add_numbers(engine, company_id, [number], author)[0]


def add_numbers(engine: Engine, company_id: int, given: list[str], author: str = "admin") -> list[dict[str, Any]]:
    """Provision several numbers in one transaction (all or none), each with the R1 default routing."""
    wanted: list[str] = []
    for number in given:
        try:
            digits = normalize_number(number)
        except PhoneNumberError as exc:
            raise AccountError(exc.message_en) from exc
        if digits in wanted:
            raise AccountError(f"the number {digits} is given twice")
        wanted.append(digits)
    docs = []
    with write_transaction(engine, company_id) as writer:
        taken = list(writer.conn.execute(select(numbers.c.number).where(numbers.c.number.in_(wanted))).scalars())
        if taken:
            raise AccountError(f"the number {sorted(taken)[0]} is already provisioned")
        company = writer.conn.execute(select(companies.c.name, companies.c.directory)
                                      .where(companies.c.id == company_id)).one()
        directory = Directory.model_validate_json(company.directory)
        now = utcnow()
        for digits in wanted:
            doc = to_canonical_dict(default_document(digits, company.name, directory))
            text = dump_json(doc)
            revision = number_moves.next_revision(writer.conn, digits)  # 1, or after the history of a removed one
            number_moves.returned(writer.conn, company_id, digits)
            writer.conn.execute(insert(numbers).values(number=digits, company_id=company_id, name=doc["name"],
                                                       revision=revision, document=text, updated_at=now))
            insert_revision(writer.conn, number=digits, revision=revision, company_id=company_id, document=doc,
                            text=text, saved_at=now, author=author)
            writer.add_change("number", digits, revision)
            writer.add_deployment("number", digits, revision)
            docs.append(doc)
    return docs


def list_revisions(conn: Connection, company_id: int, number: str) -> list[dict[str, Any]]:
    rows = conn.execute(select(revisions).where(revisions.c.number == number,
                                                revisions.c.company_id == company_id)
                        .order_by(revisions.c.revision.desc()))
    return [{"revision": r.revision, "saved_at": r.saved_at, "author": r.author} for r in rows]


def get_revision(conn: Connection, company_id: int, number: str, revision: int) -> dict[str, Any] | None:
    text = conn.execute(select(revisions.c.document).where(
        revisions.c.number == number, revisions.c.company_id == company_id,
        revisions.c.revision == revision)).scalar()
    return None if text is None else json.loads(text)


# -- directory ---------------------------------------------------------------------------------------

def get_directory(conn: Connection, company_id: int) -> tuple[Directory, int]:
    row = conn.execute(select(companies.c.directory, companies.c.directory_revision)
                       .where(companies.c.id == company_id)).one()
    return Directory.model_validate_json(row.directory), int(row.directory_revision)


def directory_revision(conn: Connection, company_id: int) -> int:
    return int(conn.execute(select(companies.c.directory_revision).where(companies.c.id == company_id)).scalar_one())


def set_directory(engine: Engine, company_id: int, directory: Directory) -> int:
    """Replace the company's directory; returns its new revision."""
    with write_transaction(engine, company_id) as writer:
        current = writer.conn.execute(select(companies.c.directory_revision)
                                      .where(companies.c.id == company_id)).scalar_one()
        revision = int(current) + 1
        writer.conn.execute(update(companies).where(companies.c.id == company_id).values(
            directory=dump_json(directory.model_dump(mode="json")), directory_revision=revision))
        writer.add_change("directory", "directory", revision)
        writer.add_deployment("company", None, revision)
    return revision


# -- media -------------------------------------------------------------------------------------------

def known_media(conn: Connection, company_id: int) -> set[str]:
    return set(conn.execute(select(media.c.id).where(media.c.company_id == company_id)).scalars())


def count_media(conn: Connection, company_id: int, ids: set[str]) -> int:
    """How many of ``ids`` the company has uploaded."""
    if not ids:
        return 0
    return int(conn.execute(select(func.count()).select_from(media).where(
        media.c.company_id == company_id, media.c.id.in_(sorted(ids)))).scalar_one())


def get_media(conn: Connection, company_id: int, media_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(media.c.id, media.c.duration_s).where(
        media.c.company_id == company_id, media.c.id == media_id)).first()
    return None if row is None else {"id": row.id, "duration_s": row.duration_s}


def add_media(writer: Writer, media_id: str, duration_s: float, filename: str | None) -> None:
    """Record an uploaded file for the company (a second upload of the same bytes changes nothing)."""
    exists = writer.conn.execute(select(media.c.id).where(media.c.company_id == writer.company_id,
                                                          media.c.id == media_id)).first()
    if exists is not None:
        return
    writer.conn.execute(insert(media).values(company_id=writer.company_id, id=media_id,
                                             duration_s=duration_s, filename=filename, created_at=utcnow()))
    writer.add_change("media", media_id, 1)


# -- change feed -------------------------------------------------------------------------------------

def changes_page(conn: Connection, company_id: int, since: int, limit: int) -> dict[str, Any]:
    rows = list(conn.execute(select(changes.c.seq, changes.c.kind, changes.c.item_id, changes.c.revision,
                                    changes.c.deleted)
                             .where(changes.c.company_id == company_id, changes.c.seq > since)
                             .order_by(changes.c.seq).limit(limit + 1)))
    has_more = len(rows) > limit
    rows = rows[:limit]
    items = [{"seq": int(r.seq), "kind": r.kind, "id": r.item_id, "revision": r.revision,
              "deleted": bool(r.deleted)} for r in rows]
    return {"changes": items, "next": items[-1]["seq"] if items else since, "has_more": has_more}
