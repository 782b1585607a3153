"""Node credentials: each Asterisk node's agent authenticates with its own token (``pbxn_`` + 32 random
bytes, only the SHA-256 stored), created by ``pbxdesk admin create-node NAME``."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from pbxdesk.server.accounts import AccountError, hash_token
from pbxdesk.server.tables import nodes, utcnow

NODE_TOKEN_PREFIX = "pbxn_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


@dataclass(frozen=True)
class Node:
    id: int
    name: str


def check_name(name: str) -> str:
    name = name.strip()
    if not _NAME.fullmatch(name):
        raise AccountError(f"a node name is 1-100 letters, digits and ._- (starting with a letter or digit), "
                           f"not {name[:100]!r}")
    return name


def create_node(engine: Engine, name: str) -> tuple[Node, str]:
    """A new node and its token (shown once)."""
    name = check_name(name)
    token = NODE_TOKEN_PREFIX + secrets.token_urlsafe(32)
    try:
        with engine.begin() as conn:
            node_id = conn.execute(insert(nodes).values(name=name, token_hash=hash_token(token),
                                                        created_at=utcnow()).returning(nodes.c.id)).scalar_one()
    except IntegrityError as exc:
        raise AccountError(f"a node named '{name}' already exists") from exc
    return Node(int(node_id), name), token


def ensure_node(engine: Engine, name: str) -> Node:
    """The node called ``name``, created (with a token nobody sees) when missing: the in-process agent of
    ``pbxdesk serve`` reads the database directly and needs only the identity. A revoked node stays
    revoked (the in-process agent then does not run)."""
    name = check_name(name)
    with engine.connect() as conn:
        row = conn.execute(select(nodes.c.id, nodes.c.revoked_at).where(nodes.c.name == name)).first()
    if row is not None:
        if row.revoked_at is not None:
            raise AccountError(f"the node '{name}' has been removed")
        return Node(int(row.id), name)
    try:
        return create_node(engine, name)[0]
    except AccountError:  # another process created it meanwhile
        return ensure_node(engine, name)


def authenticate_node(engine: Engine, token: str) -> Node | None:
    if not token.startswith(NODE_TOKEN_PREFIX) or len(token) > 200:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(nodes.c.id, nodes.c.name).where(
            nodes.c.token_hash == hash_token(token), nodes.c.revoked_at.is_(None))).first()
    return None if row is None else Node(int(row.id), row.name)


def remove_node(engine: Engine, name: str) -> None:
    """Revoke the node's token; it no longer counts in deploy statuses."""
    with engine.begin() as conn:
        done = conn.execute(update(nodes).where(nodes.c.name == name.strip(), nodes.c.revoked_at.is_(None))
                            .values(revoked_at=utcnow())).rowcount
    if not done:
        raise AccountError(f"no active node named '{name.strip()}'")


def list_nodes(engine: Engine) -> list[dict[str, Any]]:
    """Active nodes with the feed position they have deployed and when they were last seen."""
    with engine.connect() as conn:
        rows = conn.execute(select(nodes.c.id, nodes.c.name, nodes.c.cursor, nodes.c.last_seen_at,
                                   nodes.c.created_at).where(nodes.c.revoked_at.is_(None)).order_by(nodes.c.name))
        return [{"id": int(r.id), "name": r.name, "cursor": r.cursor, "last_seen_at": r.last_seen_at,
                 "created_at": r.created_at} for r in rows]
