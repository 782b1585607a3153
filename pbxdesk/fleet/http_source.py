"""The provisioning service over HTTP, as ``pbxdesk node-agent`` reads it (``/api/v1/fleet/...``)."""

from __future__ import annotations

from typing import Any

import requests

from pbxdesk.fleet.source import (
    Documents,
    FeedPage,
    NodeRemoved,
    NotAvailable,
    Report,
    SourceError,
    parse_documents,
    parse_feed,
    parse_numbers,
)


class HttpSource:
    def __init__(self, base_url: str, token: str, *, ca_bundle: str | None = None,
                 connect_timeout: float = 5.0, read_timeout: float = 60.0) -> None:
        self.base = base_url.rstrip("/") + "/api/v1/fleet"
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})
        self.verify: str | bool = ca_bundle or True
        self.timeout = (connect_timeout, read_timeout)
        self.node_name = ""

    def close(self) -> None:
        self.session.close()

    def _request(self, method: str, path: str, *, timeout: float | None = None, **kwargs: Any) -> requests.Response:
        try:
            response = self.session.request(method, self.base + path, verify=self.verify,
                                            timeout=(self.timeout[0], timeout or self.timeout[1]), **kwargs)
        except requests.exceptions.SSLError as exc:
            raise SourceError(f"TLS certificate check failed for {self.base}: {exc}") from exc
        except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError) as exc:
            raise SourceError(f"cannot reach {self.base}: {type(exc).__name__}") from exc
        if response.status_code == 401:
            raise NodeRemoved(f"the service refused the node token ({self._detail(response)})")
        if response.status_code in (404, 422):
            raise NotAvailable(f"{method} {path.split('?')[0]}: {response.status_code} {self._detail(response)}")
        if response.status_code >= 400:
            raise SourceError(f"{method} {path.split('?')[0]}: {response.status_code} {self._detail(response)}")
        return response

    @staticmethod
    def _detail(response: requests.Response) -> str:
        try:
            body = response.json()
        except ValueError:
            return response.reason or ""
        return str(body.get("detail") or body.get("title") or "") if isinstance(body, dict) else ""

    def _json(self, response: requests.Response) -> Any:
        try:
            return response.json()
        except ValueError as exc:
            raise SourceError(f"the service sent invalid JSON for {response.url}") from exc

    def connect(self) -> str:
        """Check the token; the node's name."""
        data = self._json(self._request("GET", "/node"))
        self.node_name = str(data.get("name", ""))
        return self.node_name

    def head(self) -> int:
        try:
            return int(self._json(self._request("GET", "/node"))["head"])
        except (KeyError, TypeError, ValueError) as exc:
            raise SourceError(f"malformed node answer: {exc}") from exc

    def feed(self, since: int, limit: int, wait_s: float) -> FeedPage:
        response = self._request("GET", "/feed", params={"since": since, "limit": limit, "wait": wait_s},
                                 timeout=self.timeout[1] + wait_s)
        return parse_feed(self._json(response))

    def numbers(self, after: str, limit: int, company: int | None = None) -> tuple[list[str], bool]:
        params: dict[str, Any] = {"after": after, "limit": limit}
        if company is not None:
            params["company"] = company
        return parse_numbers(self._json(self._request("GET", "/numbers", params=params)))

    def documents(self, numbers: list[str]) -> Documents:
        return parse_documents(self._request("POST", "/documents", json={"numbers": numbers}).content)

    def media(self, media_id: str) -> bytes:
        return self._request("GET", f"/media/{media_id}").content

    def tts(self, text: str, voice: str) -> bytes:
        return self._request("POST", "/tts", json={"text": text, "voice": voice}).content

    def report(self, reports: list[Report], cursor: int | None) -> None:
        self._request("POST", "/reports", json={"cursor": cursor, "reports": [r.as_json() for r in reports]})
