"""The API client and engine against the real server: errors, Retry-After, malformed answers, lost
answers followed by a new save, cancel and progress."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sync_helpers import Company, Profile, Proxy, Server, canonical, http_answer

from pbxdesk.domain.document import from_dict
from pbxdesk.sync.client import ApiClient
from pbxdesk.sync.engine import SyncEngine
from pbxdesk.sync.errors import AuthError, MalformedResponse, PreconditionFailed, Unprocessable


def test_wrong_token_is_an_auth_error(company: Company) -> None:
    client = ApiClient(company.server.url, "not-a-token")
    with pytest.raises(AuthError):
        client.list_numbers()


def test_stale_revision_and_invalid_document(company: Company) -> None:
    client = ApiClient(company.server.url, company.token)
    number = company.numbers[0]
    doc, revision = client.get_number(number)
    changed = doc.model_copy(update={"name": "first"})
    stored, new_revision = client.put_number(changed, revision, "key-1")
    assert new_revision == revision + 1 and stored.name == "first"
    with pytest.raises(PreconditionFailed) as stale:
        client.put_number(doc.model_copy(update={"name": "second"}), revision, "key-2")
    assert stale.value.revision == new_revision and stale.value.current["name"] == "first"
    bad = from_dict({**company.document(number), "timezone": "Mars/Olympus"})
    with pytest.raises(Unprocessable) as refused:
        client.put_number(bad, new_revision, "key-3")
    assert any(e["pointer"] == "/timezone" for e in refused.value.errors)
    # the same key again is a replay of the first answer, not a new revision
    again, again_rev = client.put_number(changed, revision, "key-1")
    assert again_rev == new_revision and company.revision_count(number) == 2


def test_the_server_words_its_problems_in_the_users_language(company: Company) -> None:
    number = company.numbers[0]
    doc, revision = ApiClient(company.server.url, company.token).get_number(number)
    bad = from_dict({**company.document(number), "scenarios": {**company.document(number)["scenarios"], "working": {
        "type": "forward_employee", "employee": "e-404", "timeout_s": 20, "announcement": None, "next": None}}})
    language = ["ru"]
    client = ApiClient(company.server.url, company.token, language=lambda: language[0])
    with pytest.raises(Unprocessable) as russian:
        client.put_number(bad, revision, "lang-1")
    language[0] = "en"  # the app's language switched: the next request says so
    with pytest.raises(Unprocessable) as english:
        client.put_number(bad, revision, "lang-2")
    messages = [{e["pointer"]: e["message"] for e in refused.value.errors} for refused in (russian, english)]
    assert messages[0]["/scenarios/working/employee"] == "Неизвестный сотрудник «e-404»"
    assert messages[1]["/scenarios/working/employee"] == "Unknown employee 'e-404'"
    assert company.revision_count(number) == 1 and doc.number == number


def test_retry_after_is_honoured(server: Server, company: Company) -> None:
    answers = {0: http_answer(429, b"{}", {"Retry-After": "2"}), 1: http_answer(503, b"{}", {"Retry-After": "1"})}
    proxy = Proxy(server.port, spoil=answers.get)
    waits: list[float] = []
    try:
        client = ApiClient(proxy.url, company.token, sleep=waits.append)
        assert len(client.list_numbers()) == 3
        assert waits == [2.0, 1.0] and client.requests_made == 3
    finally:
        proxy.close()


def test_malformed_answers_are_errors_of_that_item(server: Server, company: Company,
                                                   profiles: Callable[..., Profile]) -> None:
    a = profiles(company)
    assert a.sync().ok
    n1, n2, _ = company.numbers
    a.edit(n1, name="edited one")
    a.edit(n2, name="edited two")
    saved_before = {n: canonical(a.saved(n)) for n in company.numbers}
    # connection 0 carries the whole sync; answer 1 (the first PUT) is garbage from the proxy
    state = {"n": 0}

    def spoil(_i: int) -> bytes | None:
        state["n"] += 1
        return http_answer(200, b'{"items": "nope"}', {"ETag": '"r9"'}) if state["n"] == 2 else None

    proxy = Proxy(server.port, spoil=spoil)
    try:
        client = ApiClient(proxy.url, company.token, backoff_s=0.01)
        client.session.headers["Connection"] = "close"  # one connection per request, so one is spoiled
        report = SyncEngine(a.store, client).run()
    finally:
        proxy.close()
    assert len(report.errors) == 1 and len(report.pushed) == 1
    [spoiled] = report.errors
    assert a.store.summary(spoiled).sync_state == "changed"  # kept, retried next time, nothing corrupted
    assert {n: canonical(a.saved(n)) for n in company.numbers} == saved_before
    assert a.sync().ok
    for n in (n1, n2):
        assert canonical(a.saved(n)) == canonical(company.document(n)) and company.revision_count(n) == 2
    with pytest.raises(MalformedResponse):
        ApiClient._document({"format": "nope"})


def test_lost_answer_then_a_new_save_is_not_a_conflict(server: Server, company: Company,
                                                       profiles: Callable[..., Profile]) -> None:
    a = profiles(company)
    assert a.sync().ok
    number = company.numbers[0]
    a.edit(number, name="first save")
    [queued] = a.store.outbox_items()
    # one connection per request; the second one (the PUT) reaches the server, its answer is cut
    proxy = Proxy(server.port, cut_after=lambda i: 0 if i == 1 else None)
    try:
        client = ApiClient(proxy.url, company.token, retries=0)
        client.session.headers["Connection"] = "close"
        report = SyncEngine(a.store, client).run()
    finally:
        proxy.close()
    assert report.offline and company.document(number)["name"] == "first save"
    [after] = a.store.outbox_items()  # same payload, same key: a re-send would be a replay
    assert after.idempotency_key == queued.idempotency_key and after.attempts == 1
    a.edit(number, name="second save")  # the user goes on editing before the next sync
    report = a.sync()
    assert report.ok and not report.conflicts
    assert company.document(number)["name"] == "second save"
    assert company.revision_count(number) == 3  # provisioned + each save exactly once


def test_progress_and_cancel_between_items(company: Company, profiles: Callable[..., Profile]) -> None:
    a = profiles(company)
    seen: list[tuple[int, int, str]] = []
    cancel = threading.Event()

    def progress(done: int, total: int, item: str) -> None:
        seen.append((done, total, item))
        if done == 1:
            cancel.set()

    client = a.client()
    report = SyncEngine(a.store, client).run(progress=progress, cancel=cancel)
    assert report.cancelled and len(report.pulled) == 1
    assert seen[0][:2] == (0, 4) and seen[0][2] == "directory"
    assert a.store.get_cursor() is None  # the page was not finished: the next sync reads it again
    seen.clear()
    report = SyncEngine(a.store, client).run(progress=lambda d, t, i: seen.append((d, t, i)))
    assert report.ok and len(report.pulled) == 2
    assert seen[-1][0] == seen[-1][1] and all(a.store.has_number(n) for n in company.numbers)


def test_https_with_a_self_signed_certificate(tmp_path: Path, company: Company) -> None:
    from tls_server import https_server

    with https_server(company.server.data_dir, tmp_path) as (url, ca):
        with pytest.raises(Exception) as failed:
            ApiClient(url, company.token, retries=0).list_numbers()
        assert "certificate" in str(failed.value).lower()
        assert len(ApiClient(url, company.token, ca_bundle=str(ca)).list_numbers()) == 3
