"""Each number's problems against the company directory (``GET /numbers`` counts them, SPEC §5 errors and
warnings of the current revision with the current directory), read by a sync and kept in the store: the
numbers list marks the numbers that have any, ``pbxdesk status`` lists them.

A sync reads them when it moved something (a directory import on the server comes as a directory change),
when some number had problems at the last read, or when they were never read (a profile of an older
version): a sync with nothing to do and no problems stays one request."""

from __future__ import annotations

from typing import Any

from pbxdesk.store import Store
from pbxdesk.sync.client import ApiClient
from pbxdesk.sync.errors import MalformedResponse, NotFound


def fetch_counts(client: ApiClient) -> dict[str, tuple[int, int]]:
    """number -> (revision, problems) of every number of the company; a server of an older version (no
    ``problems`` in the list) counts 0."""
    response = client.request("GET", "/numbers")
    try:
        body: Any = response.json()
        return {str(i["number"]): (int(i["revision"]), int(i.get("problems") or 0)) for i in body["items"]}
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise MalformedResponse(f"malformed number list: {exc}") from exc


def read_counts(client: ApiClient, store: Store, moved: bool) -> dict[str, int] | None:
    """Read and store the counts when worth it (see the module docstring): the numbers with problems, or
    None when they were not read this time (a malformed answer leaves the stored ones as they were)."""
    if not (moved or store.number_problems() or not store.number_problems_known()):
        return None
    try:
        counts = fetch_counts(client)
    except (NotFound, MalformedResponse):
        return None
    store.set_number_problems(counts)
    return {n: c for n, (_r, c) in sorted(counts.items()) if c > 0}
