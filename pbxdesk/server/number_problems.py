"""Each number's current problems against its company's current directory (SPEC §5, errors and warnings).

A directory import can break routings that were valid when they were saved (a forward to an employee who
left, a voicemail to someone without an e-mail); the service answers them per number (``GET
/numbers/{n}/problems``), counts them in ``GET /numbers`` and in the ``X-Pbxdesk-Problems`` header of
``GET /numbers/{n}``. Counts are kept in memory by (company, directory revision, document text), so a
list of many numbers validates only what changed since it was last asked for.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Iterable

from sqlalchemy import Connection, select

from pbxdesk.domain.directory_impact import number_problems
from pbxdesk.domain.models import Directory
from pbxdesk.domain.problems import Problem
from pbxdesk.server import storage
from pbxdesk.server.tables import numbers

HEADER = "X-Pbxdesk-Problems"
_CACHE_SIZE = 20_000
_counts: OrderedDict[tuple[int, int, str], int] = OrderedDict()
_lock = threading.Lock()


def problems_of(directory: Directory, text: str) -> list[Problem]:
    """The problems of a stored document (its JSON text) against ``directory``."""
    return number_problems(json.loads(text), directory)


def current_problems(conn: Connection, company_id: int, number: str) -> list[Problem] | None:
    """The current revision's problems against the current directory (None: no such number)."""
    stored = storage.get_number(conn, company_id, number)
    if stored is None:
        return None
    directory, _revision = storage.get_directory(conn, company_id)
    return problems_of(directory, stored.text)


def _count(company_id: int, directory: Directory, directory_revision: int, text: str) -> int:
    key = (company_id, directory_revision, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    with _lock:
        found = _counts.get(key)
        if found is not None:
            _counts.move_to_end(key)
            return found
    count = len(problems_of(directory, text))
    with _lock:
        _counts[key] = count
        while len(_counts) > _CACHE_SIZE:
            _counts.popitem(last=False)
    return count


def count_one(conn: Connection, company_id: int, text: str) -> int:
    directory, revision = storage.get_directory(conn, company_id)
    return _count(company_id, directory, revision, text)


def counts(conn: Connection, company_id: int, wanted: Iterable[str]) -> dict[str, int]:
    """number -> how many problems its current revision has against the current directory."""
    wanted = set(wanted)
    if not wanted:
        return {}
    directory, revision = storage.get_directory(conn, company_id)
    rows = conn.execute(select(numbers.c.number, numbers.c.document).where(numbers.c.company_id == company_id))
    return {r.number: _count(company_id, directory, revision, r.document) for r in rows if r.number in wanted}
