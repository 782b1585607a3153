"""A ``requests``-based client of the provisioning API (SPEC §8).

Timeouts on connect and read; retries with exponential backoff and jitter on connection errors, 429 and 5xx
(honouring ``Retry-After``) for requests that are safe to repeat (GET, and writes carrying an
``Idempotency-Key`` or identified by content); TLS verification always on (a custom CA bundle may be given,
never ``verify=False``); ``Authorization: Bearer``. Answers are checked against the domain models: a
malformed answer raises :class:`MalformedResponse` for that item and changes nothing.
"""

from __future__ import annotations

import email.utils
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests

from pbxdesk.domain.document import parse_document, to_canonical_dict
from pbxdesk.domain.lang import cli_language
from pbxdesk.domain.models import Directory, RoutingDocument
from pbxdesk.store.records import DeployState, NodeDeployState
from pbxdesk.sync.errors import (
    ApiError,
    AuthError,
    MalformedResponse,
    NetworkError,
    NotFound,
    PreconditionFailed,
    Unprocessable,
    Withdrawn,
)

_ETAG = re.compile(r'^(?:W/)?"r(\d+)"$')
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class NumberItem:
    number: str
    name: str
    revision: int


@dataclass(frozen=True)
class Change:
    seq: int
    kind: str
    id: str
    revision: int | None
    deleted: bool


@dataclass(frozen=True)
class MediaItem:
    id: str
    name: str | None  # the file name it was uploaded with (or renamed to)
    duration_s: float
    uploaded_at: str
    size_bytes: int = 0
    numbers: tuple[str, ...] = ()  # numbers whose current routing uses it
    old_revisions: tuple[tuple[str, int], ...] = ()  # (number, revision) of earlier revisions using it


def _media_item(i: dict[str, Any]) -> MediaItem:
    return MediaItem(str(i["id"]), None if i.get("name") is None else str(i["name"]), float(i["duration_s"]),
                     str(i["uploaded_at"]), int(i.get("size_bytes") or 0),
                     tuple(str(n) for n in i.get("numbers") or ()),
                     tuple((str(r["number"]), int(r["revision"])) for r in i.get("old_revisions") or ()))


@dataclass(frozen=True)
class ChangesPage:
    changes: list[Change]
    next: str | None
    has_more: bool


class DownloadCancelled(Exception):
    """A download stopped because its caller no longer wants it."""


def parse_etag(value: str | None) -> int:
    match = _ETAG.match((value or "").strip())
    if not match:
        raise MalformedResponse(f"the server sent no usable revision (ETag {value!r})")
    return int(match.group(1))


def etag(revision: int) -> str:
    return f'"r{revision}"'


class ApiClient:
    def __init__(self, base_url: str, token: str, *, ca_bundle: str | None = None,
                 connect_timeout: float = 5.0, read_timeout: float = 30.0, retries: int = 4,
                 backoff_s: float = 0.5, max_backoff_s: float = 10.0,
                 session: requests.Session | None = None, sleep: Callable[[float], None] = time.sleep,
                 language: str | Callable[[], str] | None = None) -> None:
        self.base = base_url.rstrip("/") + "/api/v1"
        self.session = session or requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})
        # the server words its problems in the user's language: the app's UI language (read at each
        # request, so a switch takes effect at once), else the command line's (PBXDESK_LANG, LANG...)
        self.language: str | Callable[[], str] = language or cli_language
        # passed with every request: a session-level ``verify`` loses against $REQUESTS_CA_BUNDLE in requests
        self.verify: str | bool = ca_bundle if ca_bundle else True
        self.session.verify = self.verify
        self.timeout = (connect_timeout, read_timeout)
        self.retries, self.backoff_s, self.max_backoff_s = retries, backoff_s, max_backoff_s
        self._sleep = sleep
        self.requests_made = 0
        self._token = token
        self._options = dict(ca_bundle=ca_bundle, connect_timeout=connect_timeout, read_timeout=read_timeout,
                             retries=retries, backoff_s=backoff_s, max_backoff_s=max_backoff_s, sleep=sleep,
                             language=language)

    def clone(self) -> ApiClient:
        """Another client for the same server and token with its own session (one per thread)."""
        return ApiClient(self.base[: -len("/api/v1")], self._token, **self._options)  # type: ignore[arg-type]

    def close(self) -> None:
        self.session.close()

    # -- transport ------------------------------------------------------------------------------------
    def _delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after:
            try:
                return min(self.max_backoff_s, max(0.0, float(retry_after)))
            except ValueError:
                try:  # an HTTP date; garbage falls back to the backoff
                    parsed = email.utils.parsedate_to_datetime(retry_after)
                except (TypeError, ValueError, IndexError):
                    parsed = None
                if parsed is not None:
                    return float(min(self.max_backoff_s, max(0.0, parsed.timestamp() - time.time())))
        return float(min(self.max_backoff_s, self.backoff_s * 2 ** attempt) * random.uniform(0.5, 1.0))

    def request(self, method: str, path: str, *, retry: bool = True, **kwargs: Any) -> requests.Response:
        last: Exception | None = None
        response: requests.Response | None = None
        language = self.language() if callable(self.language) else self.language
        headers = {"Accept-Language": language, **(kwargs.pop("headers", None) or {})}
        for attempt in range(self.retries + 1 if retry else 1):
            if attempt:
                # (not ``if response``: a Response with status >= 400 is falsy)
                retry_after = response.headers.get("Retry-After") if response is not None else None
                self._sleep(self._delay(attempt - 1, retry_after))
            response = None
            try:
                self.requests_made += 1
                response = self.session.request(method, self.base + path, timeout=self.timeout,
                                                verify=self.verify, headers=headers, **kwargs)
            except requests.exceptions.SSLError as exc:
                raise NetworkError(f"TLS certificate check failed for {self.base}: {exc}") from exc
            except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError) as exc:
                last = exc
                continue
            if response.status_code in RETRY_STATUSES:
                last = None
                continue
            return self._check(response)
        if response is not None:
            raise NetworkError(f"the server keeps answering {response.status_code} ({self._detail(response)})",
                               response.status_code, self._problem(response))
        raise NetworkError(f"cannot reach the server at {self.base}: {type(last).__name__}: {last}")

    @staticmethod
    def _problem(response: requests.Response) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            return {}
        return body if isinstance(body, dict) else {}

    def _detail(self, response: requests.Response) -> str:
        problem = self._problem(response)
        return str(problem.get("detail") or problem.get("title") or response.reason or response.status_code)

    def _check(self, response: requests.Response) -> requests.Response:
        status = response.status_code
        if status < 400:
            return response
        problem, detail = self._problem(response), self._detail(response)
        if status in (401, 403):
            raise AuthError(f"not authorised: {detail}", status, problem)
        if status == 404:
            raise NotFound(f"not found: {detail}", status, problem)
        if status == 410:
            raise Withdrawn(f"withdrawn: {detail}", status, problem)
        if status == 412:
            current = problem.get("current")
            revision = problem.get("revision")
            if not isinstance(revision, int):
                raise MalformedResponse("412 without the current revision", status, problem)
            raise PreconditionFailed(f"changed on the server (now r{revision})", current, revision, problem)
        if status == 422:
            found = problem.get("errors")
            errors = [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []
            raise Unprocessable(f"refused by the server: {detail}", errors, problem)
        raise ApiError(f"the server answered {status}: {detail}", status, problem)

    def _json(self, response: requests.Response) -> Any:
        try:
            return response.json()
        except ValueError as exc:
            raise MalformedResponse(f"the server sent invalid JSON for {response.url}") from exc

    @staticmethod
    def _document(data: Any) -> RoutingDocument:
        result = parse_document(data)
        if result.document is None:
            first = result.problems[0].line("en") if result.problems else "not a routing document"
            raise MalformedResponse(f"the server sent a malformed routing document: {first}")
        return result.document

    # -- API --------------------------------------------------------------------------------------------
    def list_numbers(self) -> list[NumberItem]:
        body = self._json(self.request("GET", "/numbers"))
        try:
            return [NumberItem(str(i["number"]), str(i["name"]), int(i["revision"])) for i in body["items"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise MalformedResponse(f"malformed number list: {exc}") from exc

    def get_number(self, number: str) -> tuple[RoutingDocument, int]:
        response = self.request("GET", f"/numbers/{number}")
        return self._document(self._json(response)), parse_etag(response.headers.get("ETag"))

    def put_number(self, doc: RoutingDocument, if_match: int | None, idempotency_key: str) -> tuple[
            RoutingDocument, int]:
        headers = {"Content-Type": "application/json", "Idempotency-Key": idempotency_key}
        if if_match is not None:
            headers["If-Match"] = etag(if_match)
        sent = to_canonical_dict(doc)
        body = json.dumps(sent, ensure_ascii=False).encode("utf-8")
        response = self.request("PUT", f"/numbers/{doc.number}", data=body, headers=headers)
        revision = parse_etag(response.headers.get("ETag"))
        stored = self._json(response)
        # the server answers the canonical form of what it stored: equal to what we sent, we have it parsed
        return (doc if stored == sent else self._document(stored)), revision

    def revisions(self, number: str) -> list[dict[str, Any]]:
        body = self._json(self.request("GET", f"/numbers/{number}/revisions"))
        items = body.get("items") if isinstance(body, dict) else None
        if not isinstance(items, list):
            raise MalformedResponse("malformed revision list")
        return items

    def get_revision(self, number: str, revision: int) -> RoutingDocument:
        return self._document(self._json(self.request("GET", f"/numbers/{number}/revisions/{revision}")))

    def directory(self) -> Directory:
        data = self._json(self.request("GET", "/directory"))
        try:
            return Directory.model_validate(data)
        except ValueError as exc:
            raise MalformedResponse(f"malformed directory: {str(exc).splitlines()[0]}") from exc

    def changes(self, since: str | None = None, limit: int = 500) -> ChangesPage:
        params: dict[str, Any] = {"limit": limit}
        if since is not None:
            params["since"] = since
        body = self._json(self.request("GET", "/changes", params=params))
        try:
            changes = [Change(int(c["seq"]), str(c["kind"]), str(c["id"]),
                              None if c.get("revision") is None else int(c["revision"]), bool(c.get("deleted")))
                       for c in body["changes"]]
            nxt = body.get("next")
            return ChangesPage(changes, None if nxt is None else str(nxt), bool(body.get("has_more")))
        except (KeyError, TypeError, ValueError) as exc:
            raise MalformedResponse(f"malformed change feed: {exc}") from exc

    def deploy_overview(self) -> list[DeployState]:
        """``GET /deploy``: the company's numbers not live on every Asterisk node, and why."""
        body = self._json(self.request("GET", "/deploy"))
        try:
            return [DeployState(str(i["number"]), int(i["revision"]), str(i["status"]), int(i["live_on"]),
                                int(i["nodes_total"]),
                                tuple(NodeDeployState(str(n["node"]), str(n["status"]), str(n.get("message") or ""))
                                      for n in i["nodes"]))
                    for i in body["items"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise MalformedResponse(f"malformed deploy status: {exc}") from exc

    def deploy_status(self, number: str) -> DeployState:
        """``GET /numbers/{n}/deploy``: where the current revision of one number is live."""
        i = self._json(self.request("GET", f"/numbers/{number}/deploy"))
        try:
            return DeployState(str(i["number"]), int(i["revision"]), str(i["status"]), int(i["live_on"]),
                               int(i["nodes_total"]),
                               tuple(NodeDeployState(str(n["node"]), str(n["status"]), str(n.get("message") or ""))
                                     for n in i["nodes"] if n.get("status") != "ok"))
        except (KeyError, TypeError, ValueError) as exc:
            raise MalformedResponse(f"malformed deploy status: {exc}") from exc

    def upload_media(self, data: bytes, filename: str) -> tuple[str, float]:
        body = self._json(self.request("POST", "/media", files={"file": (filename, data)}))
        try:
            return str(body["id"]), float(body["duration_s"])
        except (KeyError, TypeError, ValueError) as exc:
            raise MalformedResponse(f"malformed media answer: {exc}") from exc

    def get_media(self, media_id: str) -> bytes:
        return self.request("GET", f"/media/{media_id}").content

    def list_media(self) -> list[MediaItem]:
        """The company's media library (``GET /media``): names, durations, who uses each file."""
        body = self._json(self.request("GET", "/media"))
        try:
            return [_media_item(i) for i in body["items"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise MalformedResponse(f"malformed media list: {exc}") from exc

    def rename_media(self, media_id: str, name: str) -> MediaItem:
        """``PATCH /media/{id}``: a new name for one of the company's files (422 for a bad name)."""
        body = self._json(self.request("PATCH", f"/media/{media_id}", json={"name": name}))
        try:
            return _media_item(body)
        except (KeyError, TypeError, ValueError) as exc:
            raise MalformedResponse(f"malformed media answer: {exc}") from exc

    def remove_media(self, media_id: str) -> None:
        """``DELETE /media/{id}``; an :class:`ApiError` with status 409 while it is used (its ``problem``
        holds ``numbers`` and ``old_revisions``)."""
        self.request("DELETE", f"/media/{media_id}", retry=False)

    def download_media(self, media_id: str, progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None, chunk_size: int = 1 << 16) -> bytes:
        """The master WAV of ``media_id``, read in chunks: ``progress(bytes so far, total)`` after each (total 0
        when the server does not say); stops with :class:`DownloadCancelled` when ``cancelled()`` says so."""
        response = self.request("GET", f"/media/{media_id}", stream=True)
        try:
            total = int(response.headers.get("Content-Length") or 0)
            chunks: list[bytes] = []
            done = 0
            try:
                for chunk in response.iter_content(chunk_size):
                    if cancelled is not None and cancelled():
                        raise DownloadCancelled(media_id)
                    chunks.append(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, total)
            except (requests.ConnectionError, requests.Timeout,
                    requests.exceptions.ChunkedEncodingError) as exc:
                raise NetworkError(f"the download of {media_id[:12]}… broke off: {exc}") from exc
            if total and done != total:
                raise NetworkError(f"the download of {media_id[:12]}… broke off at {done} of {total} bytes")
            return b"".join(chunks)
        finally:
            response.close()

    def tts(self, text: str, voice: str = "ru") -> bytes:
        return self.request("POST", "/tts", json={"text": text, "voice": voice}).content
