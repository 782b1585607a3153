"""End to end: a real server on loopback, two client profiles editing offline, then syncing. The server
runs once on SQLite and once on PostgreSQL (the database a production service would use)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sync_helpers import Company, Profile, Server, canonical

from pbxdesk.domain.document import to_canonical_dict
from pbxdesk.domain.models import RoutingDocument
from pbxdesk.sync.conflicts import ResolveError, list_conflicts, resolve_number
from tests.support.tones import write_tone


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
    from server_helpers import create_pg_database, drop_pg_database

    url, name = create_pg_database() if request.param == "postgres" else (None, None)
    proc = Server(tmp_path_factory.mktemp(f"sync-server-{request.param}"), database=url).start()
    yield proc
    proc.stop()
    if name:
        drop_pg_database(name)


def _both_synced(company: Company, make: Callable[..., Profile]) -> tuple[Profile, Profile]:
    a, b = make(company, "a"), make(company, "b")
    for p in (a, b):
        report = p.sync()
        assert report.ok, report
        assert sorted(report.pulled) == sorted(company.numbers)
    return a, b


def test_merges_where_sides_differ_and_conflicts_where_both_changed(
        company: Company, profiles: Callable[..., Profile]) -> None:
    a, b = _both_synced(company, profiles)
    n1, n2, n3 = company.numbers
    # offline edits on both computers
    a.edit(n1, name="Sales line (A)")
    a.edit(n2, timezone="Asia/Yekaterinburg")
    b.edit(n1, timezone="Europe/Samara")          # other unit than A: merges
    b.edit(n2, timezone="Asia/Novosibirsk")       # same unit, other value: conflict
    b.edit(n3, name="Support (B)")

    ra = a.sync()
    assert sorted(ra.pushed) == sorted([n1, n2]) and ra.ok
    rb = b.sync()
    assert rb.merged == [n1] and rb.conflicts == [n2]
    assert sorted(rb.pushed) == sorted([n1, n3])

    # n1: both edits are on the server and in B
    server_n1 = company.document(n1)
    assert (server_n1["name"], server_n1["timezone"]) == ("Sales line (A)", "Europe/Samara")
    assert canonical(b.saved(n1)) == canonical(server_n1)
    # n2: nothing overwritten on either side; B keeps both versions
    assert company.document(n2)["timezone"] == "Asia/Yekaterinburg"
    assert b.saved(n2)["timezone"] == "Asia/Novosibirsk"
    assert b.store.summary(n2).sync_state == "conflict"
    [conflict] = list_conflicts(b.store)
    assert conflict.number == n2 and [u.unit for u in conflict.units] == ["timezone"]
    assert (conflict.units[0].mine, conflict.units[0].theirs, conflict.units[0].base) == \
        ("Asia/Novosibirsk", "Asia/Yekaterinburg", "Europe/Moscow")
    # a conflicting number is not pushed by further syncs
    again = b.sync()
    assert n2 not in again.pushed and company.document(n2)["timezone"] == "Asia/Yekaterinburg"

    # A catches up with the merge and B's other change
    ra2 = a.sync()
    assert ra2.ok and sorted(ra2.pulled) == sorted([n1, n3])
    for n in (n1, n3):
        assert canonical(a.saved(n)) == canonical(company.document(n))
    # each saved edit reached the server once: r1 (provisioned) + A's n1 + B's merge of n1
    assert company.revision_count(n1) == 3
    assert company.revision_count(n3) == 2


def test_resolve_through_the_api_both_ways(company: Company, profiles: Callable[..., Profile]) -> None:
    a, b = _both_synced(company, profiles)
    n1, n2, _n3 = company.numbers
    for n, tz_a, tz_b in ((n1, "Asia/Omsk", "Asia/Tomsk"), (n2, "Asia/Chita", "Asia/Magadan")):
        a.edit(n, timezone=tz_a, name=f"A {n}")
        b.edit(n, timezone=tz_b, name=f"B {n}", schedule__mode="always")
    assert a.sync().ok
    rb = b.sync()
    assert sorted(rb.conflicts) == sorted([n1, n2])

    # n1: theirs for the name only -> still open on the timezone
    still = resolve_number(b.store, n1, {"name": "theirs"})
    assert still is not None and still.open_units == ["timezone"]
    assert b.store.summary(n1).sync_state == "conflict"
    assert resolve_number(b.store, n1, {"timezone": "mine"}) is None
    # n2: the whole number as theirs
    assert resolve_number(b.store, n2, {"document": "theirs"}) is None
    assert b.store.summary(n2).sync_state == "synced"

    rb2 = b.sync()
    assert rb2.ok and rb2.pushed == [n1]
    doc1 = company.document(n1)
    # name from A (theirs), timezone from B (mine), schedule mode changed only by B: merged in
    assert (doc1["name"], doc1["timezone"], doc1["schedule"]["mode"]) == (f"A {n1}", "Asia/Tomsk", "always")
    assert canonical(b.saved(n2)) == canonical(company.document(n2))
    assert company.document(n2)["timezone"] == "Asia/Chita"
    ra = a.sync()
    assert ra.ok and canonical(a.saved(n1)) == canonical(doc1)
    assert company.revision_count(n1) == 3 and company.revision_count(n2) == 2


def test_both_changing_a_scenario_is_a_conflict_of_that_scenario(
        company: Company, profiles: Callable[..., Profile]) -> None:
    a, b = _both_synced(company, profiles)
    n1 = company.numbers[0]
    doc = a.saved(n1)
    scenarios = dict(doc["scenarios"])
    only = next(iter(scenarios))
    a.edit(n1, scenarios={only: {"type": "message", "prompt": {"tts": "Мы закрыты", "voice": "ru"}, "next": None}})
    b.edit(n1, scenarios={only: {"type": "voicemail", "greeting": {"tts": "Оставьте сообщение", "voice": "ru"},
                                 "recipients": [{"employee": "e-101"}], "external_email": None}})
    assert a.sync().ok
    rb = b.sync()
    assert rb.conflicts == [n1]
    [conflict] = list_conflicts(b.store)
    assert [u.unit for u in conflict.units] == [f"scenario:{only}"]


def test_a_merge_that_does_not_validate_is_a_document_conflict(
        company: Company, profiles: Callable[..., Profile], spec_example: RoutingDocument) -> None:
    a, b = _both_synced(company, profiles)
    n1 = company.numbers[0]
    example = to_canonical_dict(spec_example)
    example["number"] = n1
    example["scenarios"]["custom1"] = {"type": "message", "prompt": {"tts": "Обед", "voice": "ru"}, "next": None}
    assert not [p for p in a.store.save(n1, example) if p.is_error]
    assert a.sync().ok and b.sync().ok
    schedule = a.saved(n1)["schedule"]
    # A removes the lunch interval (its ranges and scenario go with it) ...
    a.edit(n1, schedule__intervals=[i for i in schedule["intervals"] if i["id"] != "custom1"],
           schedule__ranges=[{**r, "interval": "working"} for r in schedule["ranges"]],
           scenarios={k: v for k, v in a.saved(n1)["scenarios"].items() if k != "custom1"})
    # ... while B puts lunch on Tuesday too: each unit merges, the result refers to a removed interval
    b.edit(n1, schedule__ranges=schedule["ranges"] + [{"day": "tue", "start": "13:00", "end": "14:00",
                                                        "interval": "custom1"}])
    assert a.sync().ok
    rb = b.sync()
    assert rb.conflicts == [n1]
    [conflict] = list_conflicts(b.store)
    assert [u.unit for u in conflict.units] == ["document"] and conflict.problems
    with pytest.raises(ResolveError):
        resolve_number(b.store, n1, {"ranges:tue": "mine"})
    assert resolve_number(b.store, n1, {"document": "mine"}) is None
    assert b.sync().ok
    assert canonical(company.document(n1)) == canonical(b.saved(n1))
    assert any(r["day"] == "tue" for r in company.document(n1)["schedule"]["ranges"])



def test_media_go_up_before_the_documents_once_per_id(
        company: Company, profiles: Callable[..., Profile], tmp_path: Path) -> None:
    a, b = _both_synced(company, profiles)
    n1, n2, _ = company.numbers
    media_id = write_tone(tmp_path / "greeting.wav")
    assert company.get(f"/media/{media_id}").status_code == 404
    a.store.add_media(media_id, 0.5, str(tmp_path / "greeting.wav"))
    for n in (n1, n2):
        only = next(iter(a.saved(n)["scenarios"]))
        a.edit(n, scenarios={only: {"type": "message", "prompt": {"audio": media_id}, "next": None}})
    report = a.sync()
    assert report.ok and sorted(report.pushed) == sorted([n1, n2])
    assert report.media_uploaded == [media_id]  # once, though two documents use it
    assert company.get(f"/media/{media_id}").status_code == 200
    assert b.sync().ok and canonical(b.saved(n1)) == canonical(company.document(n1))


def test_a_greeting_the_server_has_is_not_uploaded_again(
        company: Company, profiles: Callable[..., Profile], tmp_path: Path) -> None:
    """Another profile (another sync) using the same greeting for another number finds it in the company's
    library and sends only the routing: the server keeps one file, named once, used by both numbers."""
    a, b = _both_synced(company, profiles)
    n1, n2, _ = company.numbers
    media_id = write_tone(tmp_path / "greeting.wav")
    for profile, number in ((a, n1), (b, n2)):
        profile.store.add_media(media_id, 0.5, str(tmp_path / "greeting.wav"))
        only = next(iter(profile.saved(number)["scenarios"]))
        profile.edit(number, scenarios={only: {"type": "message", "prompt": {"audio": media_id}, "next": None}})
    first = a.sync()
    assert first.ok and first.media_uploaded == [media_id]
    second = b.sync()
    assert second.ok and second.pushed == [n2] and second.media_uploaded == []
    [item] = company.get("/media").json()["items"]
    assert item["id"] == media_id and item["numbers"] == sorted([n1, n2])
    assert len([c for c in company.get("/changes").json()["changes"] if c["kind"] == "media"]) == 1
