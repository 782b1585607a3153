"""The company's media library: what audio it has, which routings use each file, renaming and removing.

* **Used by**: a file is used by a number when the number's current routing names it (``{"audio": ID}``
  anywhere in the document), and by an *old revision* when an earlier revision of a number names it (the
  revisions stay: any of them can be restored, so their audio stays too).
* **Renaming** changes the name people know the file by (the id, the SHA-256 of the uploaded bytes, stays).
  A name is one line of 1-255 characters (:data:`MEDIA_NAME`).
* **Removing** is refused while the file is used, by a current routing or by an old revision
  (:class:`MediaInUse`, answered 409 ``media-in-use`` with both lists). The master WAV is shared by content
  between companies (:mod:`pbxdesk.server.mediafiles`): it goes when no company has the file any more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, func, select, update

from pbxdesk.domain.text import TextRule, char_name, is_blank
from pbxdesk.server.database import Writer
from pbxdesk.server.tables import media, media_masters, numbers, revision_media

MEDIA_NAME = TextRule("audio file name", 255)


@dataclass
class Usage:
    numbers: set[str] = field(default_factory=set)
    old_revisions: set[tuple[str, int]] = field(default_factory=set)

    def as_json(self) -> dict[str, Any]:
        return {"numbers": sorted(self.numbers),
                "old_revisions": [{"number": n, "revision": r} for n, r in sorted(self.old_revisions)]}


class MediaInUse(Exception):
    def __init__(self, media_id: str, usage: Usage) -> None:
        super().__init__(media_id)
        self.media_id, self.usage = media_id, usage


def referenced_media(data: Any) -> set[str]:
    """Media ids a raw routing document names (``{"audio": ID}`` prompts anywhere in it)."""
    found: set[str] = set()
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            audio = value.get("audio")
            if isinstance(audio, str):
                found.add(audio)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found


def usage(conn: Connection, company_id: int, media_id: str | None = None) -> dict[str, Usage]:
    """Media id -> who uses it, for every file the company's revisions name (or only ``media_id``), read from
    the index written with each revision (:mod:`pbxdesk.server.revision_rows`)."""
    rm = revision_media
    query = (select(rm.c.media_id, rm.c.number, rm.c.revision, numbers.c.revision.label("current"),
                    numbers.c.company_id.label("owner"))
             .select_from(rm.outerjoin(numbers, numbers.c.number == rm.c.number))
             .where(rm.c.company_id == company_id))
    if media_id is not None:
        query = query.where(rm.c.media_id == media_id)
    found: dict[str, Usage] = {}
    for row in conn.execute(query):
        entry = found.setdefault(row.media_id, Usage())
        if row.owner == company_id and row.current == row.revision:
            entry.numbers.add(row.number)
        else:  # an earlier revision, or one of a number the company no longer has
            entry.old_revisions.add((row.number, int(row.revision)))
    return found


def library(conn: Connection, company_id: int) -> list[dict[str, Any]]:
    """Every audio file of the company, oldest first: id, name, duration, size of the stored master, when it
    was uploaded, the numbers whose current routing uses it and the old revisions that do."""
    rows = conn.execute(
        select(media.c.id, media.c.filename, media.c.duration_s, media.c.created_at,
               func.length(media_masters.c.data).label("size"))
        .select_from(media.outerjoin(media_masters, media_masters.c.id == media.c.id))
        .where(media.c.company_id == company_id).order_by(media.c.created_at, media.c.id))
    used = usage(conn, company_id)
    return [{"id": r.id, "name": r.filename, "duration_s": r.duration_s, "size_bytes": int(r.size or 0),
             "uploaded_at": r.created_at, **used.get(r.id, Usage()).as_json()} for r in rows]


def name_problem(name: object, lang: str) -> str | None:
    """Why ``name`` cannot be an audio file's name, in ``lang`` (None: it can)."""
    ru = lang == "ru"
    if not isinstance(name, str):
        return "имя файла должно быть строкой" if ru else "the name must be a string"
    if not name or is_blank(name):
        return "имя файла пустое" if ru else "the name is empty"
    if len(name) > MEDIA_NAME.max_length:
        return (f"имя файла длиннее {MEDIA_NAME.max_length} символов" if ru
                else f"the name is longer than {MEDIA_NAME.max_length} characters")
    bad = MEDIA_NAME.forbidden(name)
    if bad is not None:
        return (f"символ {char_name(bad[1])} в позиции {bad[0]} недопустим в имени файла" if ru
                else f"the character {char_name(bad[1])} at position {bad[0]} is not allowed in the name")
    return None


def rename(writer: Writer, media_id: str, name: str) -> bool:
    """Give the company's file ``media_id`` a new name; False when the company has no such file."""
    done = writer.conn.execute(update(media).where(media.c.company_id == writer.company_id,
                                                   media.c.id == media_id).values(filename=name))
    if not done.rowcount:
        return False
    writer.add_change("media", media_id, 1)
    return True


def remove(writer: Writer, media_id: str) -> bool:
    """Remove the company's file ``media_id`` (under the company's lock, so no routing starts using it
    meanwhile: a routing saved later is checked against the files then). Raises :class:`MediaInUse` while
    a routing or an old revision uses it; False when the company has no such file."""
    conn = writer.conn
    known = conn.execute(select(media.c.id).where(media.c.company_id == writer.company_id,
                                                  media.c.id == media_id)).first()
    if known is None:
        return False
    used = usage(conn, writer.company_id, media_id).get(media_id)
    if used is not None:
        raise MediaInUse(media_id, used)
    conn.execute(delete(media).where(media.c.company_id == writer.company_id, media.c.id == media_id))
    if conn.execute(select(media.c.id).where(media.c.id == media_id).limit(1)).first() is None:
        conn.execute(delete(media_masters).where(media_masters.c.id == media_id))
    writer.add_change("media", media_id, None, deleted=True)
    return True


def in_use_detail(used: Usage, lang: str) -> str:
    """Why a file cannot be removed, in ``lang``."""
    old = ", ".join(f"{n} r{r}" for n, r in sorted(used.old_revisions)[:20])
    if used.numbers:
        numbers_text = ", ".join(sorted(used.numbers))
        return (f"файл используется текущей маршрутизацией номеров: {numbers_text}; сначала замените его там"
                if lang == "ru" else
                f"the audio file is used by the current routing of: {numbers_text}; replace it there first")
    return (f"файл используется прежними версиями маршрутизации ({old}), их можно восстановить; "
            f"поэтому он хранится" if lang == "ru" else
            f"the audio file is used by earlier revisions ({old}), which can be restored; so it is kept")
