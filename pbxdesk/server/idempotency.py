"""``Idempotency-Key`` on writes (SPEC §8): the first final answer (2xx/4xx) of a key is replayed for a
retry with the same body; the same key with another body is a 422. Records are written in the same
transaction as the change they describe, under the company's writer lock."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated

from fastapi import Header
from fastapi.responses import Response
from sqlalchemy import Connection, insert, select

from pbxdesk.server.problems import ProblemError
from pbxdesk.server.tables import idempotency, utcnow

MAX_KEY_LENGTH = 255
# Printable ASCII (what a header carries unchanged through every proxy), not only spaces. FastAPI checks it and
# publishes it in the OpenAPI document: a key outside it is a 422.
KEY_PATTERN = "^[\\x20-\\x7e]*[\\x21-\\x7e][\\x20-\\x7e]*$"
KEPT_HEADERS = ("content-type", "etag", "location")

IdempotencyKey = Annotated[str | None, Header(
    min_length=1, max_length=MAX_KEY_LENGTH, pattern=KEY_PATTERN,
    description=f"1 to {MAX_KEY_LENGTH} printable ASCII characters, not only spaces; a retry with the same key and "
                "body gets the first final answer again (`Idempotent-Replayed: true`), the same key with another "
                "body is a 422. Scope: the company.")]


def fingerprint(method: str, path: str, content: bytes) -> str:
    """What makes two requests "the same body": method, path and the payload (JSON compared by value)."""
    try:
        content = json.dumps(json.loads(content), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, UnicodeDecodeError, RecursionError):
        pass
    return hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + content).hexdigest()


def replay(conn: Connection, company_id: int, key: str | None, fp: str) -> Response | None:
    """The remembered answer for ``key`` (None when the key is new); 422 when it came with another body."""
    if key is None:
        return None
    row = conn.execute(select(idempotency).where(idempotency.c.company_id == company_id,
                                                 idempotency.c.key == key)).first()
    if row is None:
        return None
    if row.fingerprint != fp:
        raise ProblemError(422, "this Idempotency-Key was already used with a different request body; "
                                "use a new key for a new payload", "idempotency-key-reused")
    headers = json.loads(row.headers)
    headers["Idempotent-Replayed"] = "true"
    media_type = headers.pop("content-type", None)
    return Response(bytes(row.body), status_code=row.status, headers=headers, media_type=media_type)


def remember(conn: Connection, company_id: int, key: str | None, fp: str, response: Response) -> None:
    """Store a final answer (2xx or 4xx) for ``key``; 5xx answers are not remembered."""
    if key is None or not 200 <= response.status_code < 500:
        return
    headers = {k: v for k, v in response.headers.items() if k.lower() in KEPT_HEADERS}
    conn.execute(insert(idempotency).values(company_id=company_id, key=key, fingerprint=fp,
                                            status=response.status_code, headers=json.dumps(headers),
                                            body=bytes(response.body), created_at=utcnow()))
