"""Hostile input, on SQLite and on PostgreSQL: whatever bytes arrive in a document member, a path, a query, a
header or an upload, the service answers 4xx (422 for a value it refuses, 400 for a body that is not JSON or
a request HTTP itself forbids), never 500; nothing refused is stored; and no request can write a line of its
own into the log."""

from __future__ import annotations

import copy
import json
import re
import socket
import time
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from server_helpers import ServerProcess, Tenant

from pbxdesk.domain.text import TTS
from tests.support.tones import tone_wav

DIRECTORY = {"employees": [{"id": "e-1", "name": "Анна", "extension": "101", "email": "anna@example.ru"}],
             "departments": [{"id": "d-1", "name": "Продажи", "members": ["e-1"]}]}
# one of each class: controls, line breaks, escape sequences, separators, direction overrides, lone surrogates,
# a forged log line, and text that is harmless but unusual (must still be stored exactly)
REFUSED = ["a\x00b", "a\nb", "\r\n", "a\x1b[31mred", "\x7f", "\x85", "a\u2028b", "\u202eevil", "\u2066x\u2069",
           "a\ud800b", "\udfff", "1\n2026-01-01 00:00:00,000 INFO pbxdesk.server.access: FORGED LINE"]
HARMLESS = ["Отдел «продаж» — 24/7 ☎ 😀", "'; DROP TABLE numbers; --", "${jndi:ldap://x}", "%00%0a", "\\x00"]
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (INFO|WARNING) [\w.]+: ")


def _strings(data: Any, ptr: str = "") -> list[str]:
    """Pointers of every string member of a JSON value."""
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _strings(v, f"{ptr}/{k}")]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _strings(v, f"{ptr}/{i}")]
    return [ptr] if isinstance(data, str) else []


def _put_at(data: Any, ptr: str, value: Any) -> None:
    tokens = ptr[1:].split("/")
    for token in tokens[:-1]:
        data = data[int(token)] if isinstance(data, list) else data[token]
    if isinstance(data, list):
        data[int(tokens[-1])] = value
    else:
        data[tokens[-1]] = value


def _body(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=True).encode()  # \ud800 travels as its JSON escape, like a real client's


@pytest.fixture(scope="module")
def victim(server: ServerProcess) -> Tenant:
    return server.tenant(DIRECTORY, numbers=2)


def _rich_document(tenant: Tenant, number: str) -> dict[str, Any]:
    """The number's document with a member of every text kind: name, interval name, prompt text, employee and
    department ids, an e-mail."""
    doc = tenant.get(f"/numbers/{number}").json()
    doc["schedule"] = {"mode": "weekly", "intervals": [{"id": "working", "name": "Рабочее время"},
                                                       {"id": "non_working", "name": "Нерабочее время"},
                                                       {"id": "custom1", "name": "Обед"}],
                       "ranges": [{"day": "mon", "start": "09:00", "end": "13:00", "interval": "working"},
                                  {"day": "mon", "start": "13:00", "end": "14:00", "interval": "custom1"}],
                       "exceptions": [{"date": "2026-12-31", "ranges": []}]}
    doc["scenarios"] = {
        "working": {"type": "forward_employee", "employee": "e-1", "timeout_s": 20,
                    "announcement": {"tts": "Соединяю", "voice": "ru"},
                    "next": {"type": "forward_department", "department": "d-1", "distribution": "all",
                             "step_s": None, "timeout_s": 30, "announcement": None, "next": None}},
        "custom1": {"type": "message", "prompt": {"tts": "Обед", "voice": "ru"}, "next": None},
        "non_working": {"type": "voicemail", "greeting": None, "recipients": [{"department": "d-1"}],
                        "external_email": "office@example.ru"},
    }
    return doc


def test_every_document_member_refuses_every_hostile_value_with_422(victim: Tenant) -> None:
    number = victim.numbers[0]
    doc = _rich_document(victim, number)
    first = victim.put(f"/numbers/{number}", data=_body(doc), headers={"If-Match": "*",
                                                                       "Content-Type": "application/json"})
    assert first.status_code == 200, first.text
    etag = first.headers["ETag"]
    pointers = _strings(doc)
    assert len(pointers) >= 20
    seen = set()
    for ptr in pointers:
        for value in REFUSED:
            if ptr.endswith("/tts") and TTS.forbidden(value) is None:
                continue  # prompt text may span lines
            bad = copy.deepcopy(doc)
            _put_at(bad, ptr, value)
            resp = victim.put(f"/numbers/{number}", data=_body(bad),
                              headers={"If-Match": etag, "Content-Type": "application/json"})
            assert resp.status_code == 422, (ptr, value, resp.status_code, resp.text[:300])
            errors = resp.json()["errors"]
            # at the member, or at the node whose `type` names no node kind
            assert any(ptr == e["pointer"] or ptr.startswith(e["pointer"] + "/") for e in errors), (ptr, errors)
            seen.update(e["code"] for e in errors)
    assert "text.forbidden_char" in seen
    assert victim.get(f"/numbers/{number}").headers["ETag"] == etag  # nothing refused was stored


def test_harmless_unusual_text_is_stored_exactly(victim: Tenant) -> None:
    number = victim.numbers[1]
    doc = _rich_document(victim, number)
    etag = '"r1"'
    for value in HARMLESS:
        doc["name"] = value
        doc["scenarios"]["custom1"]["prompt"]["tts"] = value + "\nвторая строка\tс табуляцией"
        resp = victim.put(f"/numbers/{number}", data=_body(doc), headers={"If-Match": etag,
                                                                         "Content-Type": "application/json"})
        assert resp.status_code == 200, (value, resp.text[:300])
        etag = resp.headers["ETag"]
        stored = victim.get(f"/numbers/{number}").json()
        assert stored["name"] == value and stored["scenarios"]["custom1"]["prompt"]["tts"].startswith(value)


def test_bodies_that_are_not_documents(victim: Tenant) -> None:
    number = victim.numbers[0]
    bodies = [b"\xff\xfe\x00", b'{"name": "\xc3\x28"}', b'{"\\ud800": 1}', b'{"name": "\\ud800\\udc00x"}',
              b"\x00", b"[" * 300 + b"]" * 300, b'{"number": "' + number.encode() + b'\\u0000"}',
              json.dumps({"a": "b" * 100_000}).encode()]
    for body in bodies:
        resp = victim.put(f"/numbers/{number}", data=body, headers={"If-Match": "*",
                                                                    "Content-Type": "application/json"})
        assert resp.status_code in (400, 422), (body[:40], resp.status_code, resp.text[:300])
        assert resp.headers["content-type"].startswith("application/problem+json")


PATH_BYTES = ["%00", "%0A", "%0D%0A", "%FF", "%ED%A0%80", "%E2%80%AE", "..%2F..%2Fetc", "+7%20495", "49523022220",
              "%2500", "' OR '1'='1"]


def test_paths_and_queries_with_any_bytes_are_never_a_server_error(victim: Tenant) -> None:
    number = victim.numbers[0]
    session = victim.session()
    base = victim.url("")
    urls = []
    for junk in PATH_BYTES:
        urls += [f"/numbers/{junk}", f"/numbers/{number}{junk}", f"/numbers/{junk}/revisions",
                 f"/numbers/{number}/revisions/{junk}", f"/numbers/{number}/revisions/1{junk}",
                 f"/numbers/{junk}/deploy", f"/media/{junk}", f"/media/{'a' * 64}{junk}",
                 f"/changes?since={junk}", f"/changes?limit={junk}", f"/changes?{junk}={junk}",
                 f"/numbers?{junk}", f"/directory?x={junk}"]
    for url in urls:
        resp = session.get(base + url, timeout=30)
        assert resp.status_code < 500, (url, resp.status_code, resp.text[:300])
        if resp.status_code >= 400:
            assert resp.headers["content-type"].startswith("application/problem+json"), url
        if url.startswith("/numbers/") and "%00" in url and "revisions/1" not in url:
            assert resp.status_code == 422, (url, resp.status_code)  # refused as a value, never looked up
    for junk in PATH_BYTES:
        resp = session.put(f"{base}/numbers/{junk}", data=b"{}", headers={"If-Match": "*"}, timeout=30)
        assert resp.status_code in (404, 405, 422), (junk, resp.status_code)


def _raw_request(url: str, head: bytes, body: bytes = b"") -> int:
    """Send bytes requests would refuse to send (control characters in headers); the answer's status."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(head + b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return int(answer.split(b" ", 2)[1])


def test_headers_with_any_bytes_are_never_a_server_error(victim: Tenant) -> None:
    number = victim.numbers[0]
    path = f"/api/v1/numbers/{number}".encode()
    auth = f"Authorization: Bearer {victim.token}\r\n".encode()
    for junk in (b"\x00", b"\x01", b"\x7f", b"\xff\xfe", b"\xed\xa0\x80", b"\xe2\x80\xae", b"x" * 300, b" ", b""):
        for name in (b"Idempotency-Key", b"If-Match", b"Accept-Language", b"Content-Type"):
            head = b"PUT " + path + b" HTTP/1.1\r\nHost: x\r\n" + auth + name + b": " + junk + b"\r\n"
            status = _raw_request(victim.server.url, head, b"{}")
            assert status < 500, (name, junk, status)
        head = b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + junk + b"\r\n"
        assert _raw_request(victim.server.url, head) in (400, 401), junk
    for key in ("k" * 256, "ключ"):  # what requests can send: a value the rule refuses is a 422
        resp = victim.put(f"/numbers/{number}", data=b"{}", headers={"If-Match": "*", "Idempotency-Key":
                                                                     key.encode("utf-8").decode("latin-1")})
        assert resp.status_code == 422, (key, resp.status_code)



def test_uploads_and_tts_with_hostile_text(victim: Tenant) -> None:
    tone = tone_wav()
    for name in (b"a\x00b.wav", b"x\xed\xa0\x80.wav", b"\xff\xfe.wav", b"../../etc/passwd", b"a\nb.wav",
                 "😀".encode() * 300 + b".wav", b'a"; name="other'):
        boundary = b"pbxdeskboundary"
        body = (b"--" + boundary + b'\r\nContent-Disposition: form-data; name="file"; filename="' + name
                + b'"\r\nContent-Type: audio/wav\r\n\r\n' + tone + b"\r\n--" + boundary + b"--\r\n")
        resp = victim.post("/media", data=body,
                           headers={"Content-Type": "multipart/form-data; boundary=" + boundary.decode()})
        assert resp.status_code < 500, (name, resp.status_code, resp.text[:300])
    assert victim.post("/media", files={"file": ("empty.wav", b"")}).status_code == 422
    for text in REFUSED:
        if TTS.forbidden(text) is None:
            continue  # prompt text may span lines
        resp = victim.post("/tts", data=json.dumps({"text": text}), headers={"Content-Type": "application/json"})
        assert resp.status_code == 422, (text, resp.status_code, resp.text[:200])


def test_no_request_writes_a_line_of_its_own_into_the_log(victim: Tenant) -> None:
    forged = "/api/v1/numbers/1%0A2026-01-01%2000:00:00,000%20INFO%20pbxdesk.server.access:%20FORGED%20LINE"
    for headers in ({}, victim.headers):
        requests.get(victim.server.url + forged, headers=headers, timeout=10)
        requests.get(victim.server.url + "/api/v1/changes?x=%0D%0AFORGED%20LINE%1B[2J", headers=headers, timeout=10)
        requests.get(victim.server.url + "/api/v1/nothing%E2%80%A8FORGED%20LINE", headers=headers, timeout=10)
    time.sleep(0.5)  # the server's stderr is read by a thread
    lines = "".join(victim.server.stderr_lines).splitlines()
    assert any("FORGED" in line for line in lines)
    for line in lines:
        assert LOG_LINE.match(line), line
        assert "\u2028" not in line and "\x1b" not in line
        assert not line.split(": ", 1)[1].startswith("FORGED")
