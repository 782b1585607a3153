"""Each number's current problems against its company's current directory (SPEC §5, errors and warnings).

A directory import can break routings that were valid when they were saved (a forward to an employee who
left, a voicemail to someone without an e-mail); the service answers them per number (``GET
/numbers/{n}/problems``), counts them in ``GET /numbers`` and in the ``X-Pbxdesk-Problems`` header of
``GET /numbers/{n}``. Counts are kept in memory by (company, directory revision, number, revision), so
a list of many numbers reads and validates only the documents that changed since it was last asked for
(after a directory import, every one once: bench/problems_bench.py).
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Mapping

from sqlalchemy import Connection, select

from pbxdesk.domain.directory_impact import number_problems
from pbxdesk.domain.models import Directory
from pbxdesk.domain.problems import Problem
from pbxdesk.server import storage
from pbxdesk.server.tables import numbers

HEADER = "X-Pbxdesk-Problems"
_CACHE_SIZE = 50_000
_Key = tuple[int, int, str, int]  # (company, directory revision, number, revision)
_counts: OrderedDict[_Key, int] = OrderedDict()
_lock = threading.Lock()


def problems_of(directory: Directory, text: str) -> list[Problem]:
    """The problems of a stored document (its JSON text) against ``directory``."""
    return number_problems(json.loads(text), directory)


def _cached(key: _Key) -> int | None:
    with _lock:
        found = _counts.get(key)
        if found is not None:
            _counts.move_to_end(key)
        return found


def _remember(key: _Key, count: int) -> None:
    with _lock:
        _counts[key] = count
        while len(_counts) > _CACHE_SIZE:
            _counts.popitem(last=False)


def count_one(conn: Connection, company_id: int, number: str, revision: int) -> int:
    """How many problems the number's revision (its current one) has against the current directory."""
    return counts(conn, company_id, {number: revision}).get(number, 0)


def counts(conn: Connection, company_id: int, wanted: Mapping[str, int]) -> dict[str, int]:
    """number -> how many problems its current revision has against the current directory, for ``wanted``
    (number -> its current revision, as just listed). Only the documents not counted yet for this directory
    revision are read and validated."""
    if not wanted:
        return {}
    directory, directory_revision = storage.get_directory(conn, company_id)
    found: dict[str, int] = {}
    missing: set[str] = set()
    for number, revision in wanted.items():
        count = _cached((company_id, directory_revision, number, revision))
        if count is None:
            missing.add(number)
        else:
            found[number] = count
    if missing:
        rows = conn.execute(select(numbers.c.number, numbers.c.revision, numbers.c.document)
                            .where(numbers.c.company_id == company_id))
        for r in rows:
            if r.number in missing:
                found[r.number] = count = len(problems_of(directory, r.document))
                _remember((company_id, directory_revision, r.number, int(r.revision)), count)
    return found
