"""Each number's problems against the company directory, as the server counted them at the last sync."""

from __future__ import annotations

from sqlalchemy import delete, insert, select

from pbxdesk.store.base import StoreBase
from pbxdesk.store.tables import NUMBER_PROBLEMS, NUMBERS

_P = NUMBER_PROBLEMS


class ProblemOps(StoreBase):
    def set_number_problems(self, counts: dict[str, tuple[int, int]]) -> None:
        """Replace the counts: number -> (revision, how many problems); every number the server listed."""
        rows = [{"number": n, "revision": r, "problems": c} for n, (r, c) in counts.items()]
        with self._write() as conn:
            conn.execute(delete(_P))
            if rows:
                conn.execute(insert(_P), rows)

    def number_problems(self, only_with_problems: bool = True) -> dict[str, tuple[int, int]]:
        """number -> (revision, count) as last read (by default only the numbers that have problems)."""
        q = select(_P.c.number, _P.c.revision, _P.c.problems).order_by(_P.c.number)
        if only_with_problems:
            q = q.where(_P.c.problems > 0)
        with self._read() as conn:
            return {r[0]: (int(r[1]), int(r[2])) for r in conn.execute(q)}

    def number_problems_known(self) -> bool:
        """Whether a sync has read the counts at all (a profile of an older version has not); with no
        numbers there is nothing to count."""
        with self._read() as conn:
            if conn.execute(select(_P.c.number).limit(1)).first() is not None:
                return True
            return conn.execute(select(NUMBERS.c.number).limit(1)).first() is None
