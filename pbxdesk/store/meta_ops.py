"""Profile, directory cache, media index and sync cursor of the store."""

from __future__ import annotations

import json
import time

from sqlalchemy import delete, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pbxdesk.domain.models import Directory
from pbxdesk.store.base import StoreBase
from pbxdesk.store.records import DeployState, MediaEntry, NodeDeployState, ProfileInfo
from pbxdesk.store.tables import DEPLOY_STATUS, DIRECTORY, MEDIA, PROFILE, SYNC_CURSOR

P, D, M, C, S = PROFILE, DIRECTORY, MEDIA, SYNC_CURSOR, DEPLOY_STATUS
_UNSET = object()


class MetaOps(StoreBase):
    # ----------------------------------------------------------------- profile
    def get_profile(self) -> ProfileInfo:
        """Server URL, company name and whether this is the demo profile (empty values when unset)."""
        with self._read() as conn:
            row = conn.execute(select(P.c.server_url, P.c.company, P.c.is_demo).where(P.c.id == 1)).first()
        return ProfileInfo(None, None, False) if row is None else ProfileInfo(row[0], row[1], bool(row[2]))

    def set_profile(self, server_url: str | None | object = _UNSET, company: str | None | object = _UNSET,
                    is_demo: bool | object = _UNSET) -> ProfileInfo:
        """Change the given fields only; returns the result."""
        cur = self.get_profile()
        values = {"server_url": cur.server_url if server_url is _UNSET else server_url,
                  "company": cur.company if company is _UNSET else company,
                  "is_demo": cur.is_demo if is_demo is _UNSET else bool(is_demo)}
        stmt = sqlite_insert(P).values(id=1, **values)
        with self._write() as conn:
            conn.execute(stmt.on_conflict_do_update(index_elements=[P.c.id], set_=values))
        return self.get_profile()

    # ----------------------------------------------------------------- directory
    def get_directory(self) -> Directory | None:
        """The cached directory (employees, departments); None before the first sync."""
        with self._read() as conn:
            text = conn.execute(select(D.c.data_json).where(D.c.id == 1)).scalar()
        return None if text is None else Directory.model_validate(json.loads(text))

    def set_directory(self, directory: Directory) -> None:
        values = {"data_json": directory.model_dump_json(), "updated_at": time.time()}
        with self._write() as conn:
            conn.execute(sqlite_insert(D).values(id=1, **values)
                         .on_conflict_do_update(index_elements=[D.c.id], set_=values))

    # ----------------------------------------------------------------- media
    def add_media(self, media_id: str, duration_s: float | None = None, local_path: str | None = None) -> None:
        """Record a media file (or update its duration / local master path; None keeps the old value)."""
        new = {k: v for k, v in (("duration_s", duration_s), ("local_path", local_path)) if v is not None}
        stmt = sqlite_insert(M).values(id=media_id, duration_s=duration_s, local_path=local_path)
        stmt = stmt.on_conflict_do_update(index_elements=[M.c.id], set_=new) if new else \
            stmt.on_conflict_do_nothing(index_elements=[M.c.id])
        with self._write() as conn:
            conn.execute(stmt)

    def get_media(self, media_id: str) -> MediaEntry | None:
        with self._read() as conn:
            row = conn.execute(select(M.c.id, M.c.duration_s, M.c.local_path).where(M.c.id == media_id)).first()
        return None if row is None else MediaEntry(row[0], row[1], row[2])

    def media_ids(self) -> set[str]:
        """Ids of every media file in the index (used to check media references when saving)."""
        with self._read() as conn:
            return set(conn.execute(select(M.c.id)).scalars())

    # ----------------------------------------------------------------- cursor
    def get_cursor(self) -> str | None:
        """The ``next`` cursor of the last ``GET /changes`` page applied; None = from the beginning."""
        with self._read() as conn:
            return conn.execute(select(C.c.cursor).where(C.c.id == 1)).scalar()

    def set_cursor(self, cursor: str | None) -> None:
        with self._write() as conn:
            conn.execute(sqlite_insert(C).values(id=1, cursor=cursor)
                         .on_conflict_do_update(index_elements=[C.c.id], set_={"cursor": cursor}))

    # ----------------------------------------------------------------- deploy status
    def set_deploy_status(self, states: list[DeployState]) -> None:
        """Replace what is known about numbers not live on every node (the server's ``GET /deploy``)."""
        now = time.time()
        rows = [{"number": st.number, "revision": st.revision, "state": st.state, "live_on": st.live_on,
                 "nodes_total": st.nodes_total, "checked_at": st.checked_at or now,
                 "nodes_json": json.dumps([[n.node, n.status, n.message] for n in st.nodes], ensure_ascii=False)}
                for st in states]
        with self._write() as conn:
            conn.execute(delete(S))
            if rows:
                conn.execute(insert(S), rows)

    def deploy_status(self) -> dict[str, DeployState]:
        """Numbers not live on every node at the last sync, by number (a number absent here is live)."""
        with self._read() as conn:
            rows = conn.execute(select(S.c.number, S.c.revision, S.c.state, S.c.live_on, S.c.nodes_total,
                                       S.c.nodes_json, S.c.checked_at).order_by(S.c.number)).all()
        return {r[0]: DeployState(r[0], r[1], r[2], r[3], r[4],
                                  tuple(NodeDeployState(*n) for n in json.loads(r[5])), r[6]) for r in rows}
