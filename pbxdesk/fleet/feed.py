"""The server side of deployment: the feed nodes follow, the numbers and documents they fetch, the reports
they send back.

* The feed (``deploy_feed``) has one entry per accepted change that needs deploying, written in the same
  transaction as the change (:meth:`pbxdesk.server.database.Writer.add_deployment`): ``number`` (a new
  revision of one number) or ``company`` (its directory changed: every number of it is compiled again).
  ``seq`` is server-wide and commits in increasing order, so ``seq > cursor`` never misses an entry. A
  ``number`` entry with ``deleted: true`` says the number was removed: nodes delete its dialplan.
* A node that has no cursor yet lists every number (:func:`list_numbers`, paged) after reading the feed's
  head, and continues from that head.
* :func:`documents` gives the *current* revision of each asked number with its company's directory and
  what this node last reported for it; a node therefore always deploys the newest revision, whatever feed
  entry brought the number up, and skips what it already has live.
* :func:`record_reports` keeps the latest outcome per node and number (never letting an older revision
  replace a newer one) and appends each *distinct* outcome to the report log, so a report repeated after a
  crash does not count twice. A node's message is kept on one line (control characters escaped).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Engine, and_, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from pbxdesk.domain.text import printable
from pbxdesk.server.database import write_connection
from pbxdesk.server.tables import (
    companies,
    deploy_feed,
    deploy_feed_counter,
    deploy_reports,
    deploy_state,
    nodes,
    numbers,
    utcnow,
)

MAX_MESSAGE = 2000


def feed_head(conn: Connection) -> int:
    return int(conn.execute(select(deploy_feed_counter.c.seq).where(deploy_feed_counter.c.id == 1)).scalar_one())


def feed_page(conn: Connection, since: int, limit: int) -> dict[str, Any]:
    rows = list(conn.execute(select(deploy_feed.c.seq, deploy_feed.c.kind, deploy_feed.c.company_id,
                                    deploy_feed.c.number, deploy_feed.c.revision, deploy_feed.c.deleted)
                             .where(deploy_feed.c.seq > since).order_by(deploy_feed.c.seq).limit(limit + 1)))
    has_more = len(rows) > limit
    rows = rows[:limit]
    entries = [{"seq": int(r.seq), "kind": r.kind, "company": int(r.company_id), "number": r.number,
                "revision": r.revision, "deleted": bool(r.deleted)} for r in rows]
    return {"entries": entries, "next": entries[-1]["seq"] if entries else since, "has_more": has_more}


def list_numbers(conn: Connection, after: str, limit: int, company: int | None = None) -> dict[str, Any]:
    """Numbers (server-wide, or of one company) in number order after ``after``: ``{"numbers", "has_more"}``."""
    query = select(numbers.c.number, numbers.c.company_id, numbers.c.revision).where(numbers.c.number > after)
    if company is not None:
        query = query.where(numbers.c.company_id == company)
    rows = list(conn.execute(query.order_by(numbers.c.number).limit(limit + 1)))
    return {"numbers": [{"number": r.number, "company": int(r.company_id), "revision": int(r.revision)}
                        for r in rows[:limit]], "has_more": len(rows) > limit}


def documents_json(conn: Connection, node_id: int, wanted: list[str]) -> bytes:
    """The answer to a node asking for ``wanted`` numbers, as JSON bytes (documents embedded as stored)::

        {"numbers": [{"number", "company", "revision", "document", "node": {"revision", "directory_revision",
                      "ok"} | null} | {"number", "deleted": true}],
         "directories": {"<company id>": {"revision", "directory"}}}
    """
    wanted = sorted(set(wanted))
    rows = {r.number: r for r in conn.execute(
        select(numbers.c.number, numbers.c.company_id, numbers.c.revision, numbers.c.document)
        .where(numbers.c.number.in_(wanted)))} if wanted else {}
    states = {r.number: r for r in conn.execute(
        select(deploy_state.c.number, deploy_state.c.revision, deploy_state.c.directory_revision, deploy_state.c.ok)
        .where(deploy_state.c.node_id == node_id, deploy_state.c.number.in_(list(rows))))} if rows else {}
    company_ids = sorted({int(r.company_id) for r in rows.values()})
    dirs = list(conn.execute(select(companies.c.id, companies.c.directory, companies.c.directory_revision)
                             .where(companies.c.id.in_(company_ids)))) if company_ids else []
    parts: list[str] = []
    for number in wanted:
        row = rows.get(number)
        if row is None:
            parts.append(json.dumps({"number": number, "deleted": True}))
            continue
        state = states.get(number)
        node = "null" if state is None else json.dumps(
            {"revision": int(state.revision), "directory_revision": int(state.directory_revision),
             "ok": bool(state.ok)})
        parts.append(f'{{"number":"{number}","company":{int(row.company_id)},"revision":{int(row.revision)},'
                     f'"node":{node},"document":{row.document}}}')
    directories = ",".join(f'"{int(d.id)}":{{"revision":{int(d.directory_revision)},"directory":{d.directory}}}'
                           for d in dirs)
    return f'{{"numbers":[{",".join(parts)}],"directories":{{{directories}}}}}'.encode()


def touch_node(engine: Engine, node_id: int, cursor: int | None = None) -> None:
    """The node was seen now (and, with ``cursor``, has deployed everything up to it)."""
    values: dict[str, Any] = {"last_seen_at": utcnow()}
    if cursor is not None:
        values["cursor"] = cursor
    with engine.begin() as conn:
        conn.execute(update(nodes).where(nodes.c.id == node_id).values(**values))


def _upsert_state(conn: Connection, rows: list[dict[str, Any]]) -> None:
    dialect = conn.dialect.name
    stmt: Any = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(deploy_state)
    excluded = stmt.excluded
    stmt = stmt.on_conflict_do_update(
        index_elements=[deploy_state.c.node_id, deploy_state.c.number],
        set_={c: getattr(excluded, c) for c in ("revision", "directory_revision", "ok", "message", "reported_at")})
    conn.execute(stmt, rows)


def record_reports(engine: Engine, node_id: int, reports: list[dict[str, Any]], cursor: int | None) -> int:
    """Store a node's reports ``[{"number", "revision", "directory_revision", "ok", "message"}]``; returns
    how many distinct outcomes were added to the log."""
    now = utcnow()
    latest: dict[str, dict[str, Any]] = {}
    for r in reports:  # the last report of a number in one request wins
        latest[str(r["number"])] = {"node_id": node_id, "number": str(r["number"]), "revision": int(r["revision"]),
                                    "directory_revision": int(r["directory_revision"]), "ok": bool(r["ok"]),
                                    "message": printable(r["message"], MAX_MESSAGE), "reported_at": now}
    with write_connection(engine) as conn:
        known = {s.number: s for s in conn.execute(
            select(deploy_state).where(deploy_state.c.node_id == node_id,
                                       deploy_state.c.number.in_(list(latest))))} if latest else {}
        state_rows, log_rows = [], []
        for number, row in latest.items():
            old = known.get(number)
            if old is not None:
                if (old.revision, old.directory_revision) > (row["revision"], row["directory_revision"]):
                    continue  # never an older revision over a newer one
                same = (old.revision, old.directory_revision, bool(old.ok), old.message) == (
                    row["revision"], row["directory_revision"], row["ok"], row["message"])
                if same:
                    continue  # a repeat of the same outcome (e.g. after the agent crashed): not a new report
            state_rows.append(row)
            log_rows.append(row)
        if state_rows:
            _upsert_state(conn, state_rows)
            conn.execute(insert(deploy_reports), log_rows)
        values: dict[str, Any] = {"last_seen_at": now}
        if cursor is not None:
            values["cursor"] = cursor
        conn.execute(update(nodes).where(nodes.c.id == node_id).values(**values))
    return len(log_rows)


def report_log(conn: Connection, number: str, revision: int | None = None) -> list[dict[str, Any]]:
    """Every distinct outcome reported for a number (optionally one revision), oldest first, with node names."""
    query = (select(deploy_reports, nodes.c.name).join(nodes, nodes.c.id == deploy_reports.c.node_id)
             .where(deploy_reports.c.number == number))
    if revision is not None:
        query = query.where(and_(deploy_reports.c.revision == revision))
    return [{"node": r.name, "revision": int(r.revision), "directory_revision": int(r.directory_revision),
             "ok": bool(r.ok), "message": r.message, "reported_at": r.reported_at}
            for r in conn.execute(query.order_by(deploy_reports.c.id))]
