"""Companies and API tokens. Tokens are 32 random bytes (urlsafe base64); only their SHA-256 is stored."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from pbxdesk.server.tables import companies, tokens, utcnow

TOKEN_PREFIX = "pbx_"


class AccountError(Exception):
    """An administrative request that cannot be done (unknown company, duplicate name, ...)."""


@dataclass(frozen=True)
class Principal:
    """Who is calling: the company a token belongs to and the token's label (the revision author)."""

    company_id: int
    company: str
    label: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_company(engine: Engine, name: str) -> tuple[int, str]:
    """A new company and its first token: ``(company_id, token)``."""
    name = name.strip()
    if not name:
        raise AccountError("the company name is empty")
    try:
        with engine.begin() as conn:
            company_id = conn.execute(insert(companies).values(name=name, created_at=utcnow())
                                      .returning(companies.c.id)).scalar_one()
    except IntegrityError as exc:
        raise AccountError(f"a company named '{name}' already exists") from exc
    return company_id, issue_token(engine, company_id, name)


def issue_token(engine: Engine, company_id: int, label: str) -> str:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(insert(tokens).values(company_id=company_id, token_hash=hash_token(token),
                                           label=label, created_at=utcnow()))
    return token


def company_id(engine: Engine, name: str) -> int:
    with engine.connect() as conn:
        found = conn.execute(select(companies.c.id).where(companies.c.name == name.strip())).scalar()
    if found is None:
        raise AccountError(f"no company named '{name}'")
    return int(found)


def company_names(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return [r.name for r in conn.execute(select(companies.c.name).order_by(companies.c.id))]


def authenticate(engine: Engine, token: str) -> Principal | None:
    """The principal of a live token, or None (unknown or revoked)."""
    if not token or len(token) > 200:
        return None
    query = (select(tokens.c.company_id, tokens.c.label, companies.c.name)
             .join(companies, companies.c.id == tokens.c.company_id)
             .where(tokens.c.token_hash == hash_token(token), tokens.c.revoked_at.is_(None)))
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return None if row is None else Principal(int(row.company_id), row.name, row.label)


def revoke_token(engine: Engine, token: str) -> int:
    """Revoke one token; returns how many were revoked (0 or 1)."""
    with engine.begin() as conn:
        result = conn.execute(update(tokens).where(tokens.c.token_hash == hash_token(token),
                                                   tokens.c.revoked_at.is_(None)).values(revoked_at=utcnow()))
    return int(result.rowcount or 0)


def revoke_company_tokens(engine: Engine, company: str) -> int:
    """Revoke every live token of a company; returns how many."""
    cid = company_id(engine, company)
    with engine.begin() as conn:
        result = conn.execute(update(tokens).where(tokens.c.company_id == cid, tokens.c.revoked_at.is_(None))
                              .values(revoked_at=utcnow()))
    return int(result.rowcount or 0)
