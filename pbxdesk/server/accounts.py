"""Companies and API tokens. Tokens are 32 random bytes (urlsafe base64); only their SHA-256 is stored."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from pbxdesk.domain.text import COMPANY_NAME, char_name, printable
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


def check_name(value: str, what: str = "company name") -> str:
    """A company name or token label, trimmed, by the text rule of company names; AccountError otherwise."""
    bad = COMPANY_NAME.forbidden(value)
    if bad is not None:
        raise AccountError(f"the {what} holds the character {char_name(bad[1])} (position {bad[0]}), which is not "
                           "allowed: no control characters, line breaks or direction marks")
    value = value.strip()
    if not value:
        raise AccountError(f"the {what} is empty")
    if len(value) > COMPANY_NAME.max_length:
        raise AccountError(f"the {what} is longer than {COMPANY_NAME.max_length} characters")
    return value


def create_company(engine: Engine, name: str) -> tuple[int, str]:
    """A new company and its first token: ``(company_id, token)``."""
    name = check_name(name)
    try:
        with engine.begin() as conn:
            company_id = conn.execute(insert(companies).values(name=name, created_at=utcnow())
                                      .returning(companies.c.id)).scalar_one()
    except IntegrityError as exc:
        raise AccountError(f"a company named '{printable(name)}' already exists") from exc
    return company_id, issue_token(engine, company_id, name)


def issue_token(engine: Engine, company_id: int, label: str) -> str:
    label = check_name(label, "token label")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(insert(tokens).values(company_id=company_id, token_hash=hash_token(token),
                                           label=label, created_at=utcnow()))
    return token


def company_id(engine: Engine, name: str) -> int:
    found = None
    if COMPANY_NAME.forbidden(name) is None:  # (no company has such a name; PostgreSQL could not even look)
        with engine.connect() as conn:
            found = conn.execute(select(companies.c.id).where(companies.c.name == name.strip())).scalar()
    if found is None:
        raise AccountError(f"no company named '{printable(name, 200)}'")
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
    if COMPANY_NAME.forbidden(token) is not None:  # no token holds such characters (nor can be hashed)
        return 0
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
