"""Deploy status as people read it: per number and node, for the current revision and for history.

A node has a number *live* when its latest report is ``ok`` for the number's current revision compiled
with the company's current directory. Per node: ``ok``, ``failed`` (with the node's message) or ``pending``
(not reported yet: the node is behind, down, or still working). Overall: ``failed`` when any node failed,
``ok`` when every active node has it live, else ``pending`` (also when no node is set up at all).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from pbxdesk.server.tables import companies, deploy_reports, deploy_state, nodes, numbers

NO_NODES = "no Asterisk node is set up (pbxdesk admin create-node NAME)"


def active_nodes(conn: Connection) -> list[Any]:
    return list(conn.execute(select(nodes.c.id, nodes.c.name, nodes.c.last_seen_at)
                             .where(nodes.c.revoked_at.is_(None)).order_by(nodes.c.name)))


def _node_status(node: Any, state: Any | None, revision: int, directory_revision: int) -> dict[str, Any]:
    item: dict[str, Any] = {"node": node.name, "status": "pending", "message": "", "deployed_at": None,
                            "revision": None, "last_seen_at": node.last_seen_at}
    if state is None:
        item["message"] = "not deployed on this node yet"
        return item
    item["revision"] = int(state.revision)
    current = (int(state.revision), int(state.directory_revision)) >= (revision, directory_revision)
    if current:
        item["status"] = "ok" if state.ok else "failed"
        item["message"] = state.message
        item["deployed_at"] = state.reported_at if state.ok else None
    else:
        item["message"] = (f"revision {state.revision} is live on this node" if state.ok
                           else f"revision {state.revision} failed: {state.message}")
    return item


def summarize(number: str, revision: int, per_node: list[dict[str, Any]]) -> dict[str, Any]:
    live = [n for n in per_node if n["status"] == "ok"]
    failed = [n for n in per_node if n["status"] == "failed"]
    if not per_node:
        status, message = "pending", NO_NODES
    elif failed:
        status = "failed"
        message = "; ".join(f"node {n['node']}: {n['message']}" for n in failed)
    elif len(live) == len(per_node):
        status, message = "ok", f"live on every node ({len(per_node)})"
    else:
        status = "pending"
        message = f"live on {len(live)} of {len(per_node)} nodes"
    deployed_at = max((n["deployed_at"] for n in live), default=None) if status == "ok" else None
    return {"number": number, "revision": revision, "status": status, "message": message,
            "deployed_at": deployed_at, "live_on": len(live), "nodes_total": len(per_node), "nodes": per_node}


def number_status(conn: Connection, company_id: int, number: str) -> dict[str, Any] | None:
    row = conn.execute(select(numbers.c.revision, companies.c.directory_revision)
                       .join(companies, companies.c.id == numbers.c.company_id)
                       .where(numbers.c.number == number, numbers.c.company_id == company_id)).first()
    if row is None:
        return None
    states = {s.node_id: s for s in conn.execute(select(deploy_state).where(deploy_state.c.number == number))}
    per_node = [_node_status(n, states.get(n.id), int(row.revision), int(row.directory_revision))
                for n in active_nodes(conn)]
    return summarize(number, int(row.revision), per_node)


def company_status(conn: Connection, company_id: int, include_live: bool = False) -> dict[str, Any]:
    """Every number of the company that is not live on every node (all numbers with ``include_live``)."""
    directory_revision = int(conn.execute(select(companies.c.directory_revision)
                                          .where(companies.c.id == company_id)).scalar_one())
    fleet = active_nodes(conn)
    if not fleet:  # nothing deploys at all (a service without nodes): no number is "behind"
        return {"nodes_total": 0, "items": []}
    states: dict[str, dict[int, Any]] = {}
    for s in conn.execute(select(deploy_state).join(numbers, numbers.c.number == deploy_state.c.number)
                          .where(numbers.c.company_id == company_id)):
        states.setdefault(s.number, {})[s.node_id] = s
    items = []
    for row in conn.execute(select(numbers.c.number, numbers.c.revision)
                            .where(numbers.c.company_id == company_id).order_by(numbers.c.number)):
        mine = states.get(row.number, {})
        per_node = [_node_status(n, mine.get(n.id), int(row.revision), directory_revision) for n in fleet]
        item = summarize(row.number, int(row.revision), per_node)
        if include_live or item["status"] != "ok":
            item["nodes"] = [n for n in per_node if include_live or n["status"] != "ok"]
            items.append(item)
    return {"nodes_total": len(fleet), "items": items}


def revisions_status(conn: Connection, number: str, current: int) -> dict[int, dict[str, Any]]:
    """Per revision of a number: what each active node reported for it (``superseded`` for an old revision a
    node never deployed because a newer one came first; ``pending`` for the current one)."""
    fleet = active_nodes(conn)
    reported: dict[int, dict[int, Any]] = {}
    for row in conn.execute(select(deploy_reports).where(deploy_reports.c.number == number)
                            .order_by(deploy_reports.c.id)):
        reported.setdefault(int(row.revision), {})[int(row.node_id)] = row  # the last outcome per node wins
    out: dict[int, dict[str, Any]] = {}
    for revision in range(1, current + 1):
        per_node = []
        for node in fleet:
            r = reported.get(revision, {}).get(node.id)
            if r is None:
                status = "pending" if revision == current else "superseded"
                per_node.append({"node": node.name, "status": status, "message": "", "deployed_at": None})
            else:
                per_node.append({"node": node.name, "status": "ok" if r.ok else "failed", "message": r.message,
                                 "deployed_at": r.reported_at if r.ok else None})
        live = sum(1 for n in per_node if n["status"] == "ok")
        failed = any(n["status"] == "failed" for n in per_node)
        if not per_node:
            status = "pending"
        elif failed:
            status = "failed"
        elif live == len(per_node):
            status = "ok"
        else:
            status = "pending" if revision == current else "superseded"
        out[revision] = {"status": status, "live_on": live, "nodes_total": len(per_node), "nodes": per_node}
    return out
