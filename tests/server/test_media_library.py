"""The company's media library on a real server: who uses each file, renaming, removing (refused while a
current routing or an old revision uses the file), one greeting stored once for several numbers."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from server_helpers import ServerProcess, Tenant, engine_at_revision

from pbxdesk.server.app import create_app
from pbxdesk.server.context import ServerConfig


def _tone(tmp: Path, frequency: int) -> bytes:
    out = tmp / f"tone{frequency}.wav"
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    f"sine=frequency={frequency}:duration=1:sample_rate=8000", str(out)], check=True, timeout=60)
    return out.read_bytes()


@pytest.fixture(scope="module")
def tones(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    tmp = tmp_path_factory.mktemp("tones")
    return [_tone(tmp, f) for f in (440, 660, 880, 990)]


def _use(tenant: Tenant, number: str, media_id: str) -> int:
    """Make ``media_id`` the working-hours greeting of ``number``; the new revision."""
    got = tenant.get(f"/numbers/{number}")
    doc = got.json()
    doc["scenarios"]["working"]["prompt"] = {"audio": media_id}
    resp = tenant.put(f"/numbers/{number}", doc, headers={"If-Match": got.headers["ETag"]})
    assert resp.status_code == 200, resp.text
    return int(resp.headers["ETag"].strip('"r'))


def _items(tenant: Tenant) -> dict[str, dict[str, Any]]:
    return {i["id"]: i for i in tenant.get("/media").json()["items"]}


def _patch(tenant: Tenant, media_id: str, body: Any, lang: str = "en") -> Any:
    return tenant.session().patch(tenant.url(f"/media/{media_id}"), json=body, headers={"Accept-Language": lang},
                                  timeout=30)


def _delete(tenant: Tenant, media_id: str, lang: str = "en") -> Any:
    return tenant.session().delete(tenant.url(f"/media/{media_id}"), headers={"Accept-Language": lang}, timeout=30)


def test_the_library_says_which_numbers_and_revisions_use_each_file(server: ServerProcess,
                                                                    tones: list[bytes]) -> None:
    tenant = server.tenant(numbers=2)
    first, second = tenant.numbers
    greeting = tenant.post("/media", files={"file": ("Приветствие.wav", tones[0])}).json()["id"]
    other = tenant.post("/media", files={"file": ("Обед.wav", tones[1])}).json()["id"]
    _use(tenant, first, greeting)
    _use(tenant, second, greeting)  # the same file for a second number: not uploaded again
    items = _items(tenant)
    assert items[greeting]["numbers"] == sorted([first, second]) and items[greeting]["old_revisions"] == []
    assert items[greeting]["name"] == "Приветствие.wav" and items[greeting]["size_bytes"] > 8000
    assert items[other]["numbers"] == [] and items[other]["old_revisions"] == []
    revision = _use(tenant, second, other)  # the second number moves on: its old revision keeps the greeting
    items = _items(tenant)
    assert items[greeting]["numbers"] == [first]
    assert items[greeting]["old_revisions"] == [{"number": second, "revision": revision - 1}]
    assert items[other]["numbers"] == [second]
    assert len(tenant.get("/media").json()["items"]) == 2


def test_renaming_changes_the_name_and_bad_names_are_refused_in_both_languages(server: ServerProcess,
                                                                               tones: list[bytes]) -> None:
    tenant = server.tenant()
    media_id = tenant.post("/media", files={"file": ("rec001.wav", tones[0])}).json()["id"]
    renamed = _patch(tenant, media_id, {"name": "Приветствие, рабочее время"})
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name"] == "Приветствие, рабочее время" and renamed.json()["id"] == media_id
    assert _items(tenant)[media_id]["name"] == "Приветствие, рабочее время"
    for body, ru, en in (({"name": "   "}, "пуст", "empty"), ({"name": "a\nb"}, "U+000A", "U+000A"),
                         ({"name": "x" * 256}, "255", "255"), ({}, "name", "name"),
                         ({"name": "ok", "size": 1}, "size", "size")):
        for lang, word in (("ru", ru), ("en", en)):
            resp = _patch(tenant, media_id, body, lang)
            assert resp.status_code == 422, (body, resp.text)
            assert resp.headers["content-type"].startswith("application/problem+json")
            assert word in resp.json()["detail"], (body, lang, resp.json())
    assert _patch(tenant, media_id, ["name"]).status_code == 400
    assert _items(tenant)[media_id]["name"] == "Приветствие, рабочее время"  # nothing lost
    stranger = server.tenant(numbers=0)
    assert _patch(stranger, media_id, {"name": "mine"}).status_code == 404  # another company's file


def test_removing_is_refused_while_a_routing_or_an_old_revision_uses_the_file(server: ServerProcess,
                                                                               tones: list[bytes]) -> None:
    tenant = server.tenant(numbers=2)
    first, second = tenant.numbers
    greeting = tenant.post("/media", files={"file": ("hello.wav", tones[0])}).json()["id"]
    spare = tenant.post("/media", files={"file": ("spare.wav", tones[1])}).json()["id"]
    _use(tenant, first, greeting)
    _use(tenant, second, greeting)
    refused = _delete(tenant, greeting, "ru")
    assert refused.status_code == 409, refused.text
    body = refused.json()
    assert body["type"].endswith("/media-in-use") and body["numbers"] == sorted([first, second])
    assert first in body["detail"] and "текущей" in body["detail"]
    assert tenant.get(f"/media/{greeting}").status_code == 200  # still there
    revision = _use(tenant, first, spare)
    _use(tenant, second, spare)
    refused = _delete(tenant, greeting)
    assert refused.status_code == 409 and refused.json()["numbers"] == []
    assert {"number": first, "revision": revision - 1} in refused.json()["old_revisions"]
    assert "earlier revisions" in refused.json()["detail"]
    restored = tenant.get(f"/numbers/{first}/revisions/{revision - 1}")
    assert restored.json()["scenarios"]["working"]["prompt"] == {"audio": greeting}
    unused = tenant.post("/media", files={"file": ("unused.wav", tones[2])}).json()["id"]
    assert _delete(tenant, unused).status_code == 204
    assert unused not in _items(tenant) and tenant.get(f"/media/{unused}").status_code == 404
    assert _delete(tenant, unused).status_code == 404
    gone = [c for c in tenant.get("/changes").json()["changes"] if c["kind"] == "media" and c["id"] == unused]
    assert gone[-1]["deleted"] is True
    doc = tenant.get(f"/numbers/{first}").json()
    doc["scenarios"]["working"]["prompt"] = {"audio": unused}  # a removed file cannot be used any more
    assert tenant.put(f"/numbers/{first}", doc, headers={"If-Match": '"r3"'}).status_code == 422


def test_a_file_removed_by_one_company_stays_for_another(server: ServerProcess, tones: list[bytes]) -> None:
    alpha, beta = server.tenant(numbers=0), server.tenant(numbers=0)
    data = tones[3]
    media_id = alpha.post("/media", files={"file": ("a.wav", data)}).json()["id"]
    assert beta.post("/media", files={"file": ("b.wav", data)}).json()["id"] == media_id
    assert _delete(alpha, media_id).status_code == 204
    assert beta.get(f"/media/{media_id}").status_code == 200 and media_id in _items(beta)
    assert _delete(beta, media_id).status_code == 204
    again = alpha.post("/media", files={"file": ("again.wav", data)})  # the master is made again
    assert again.status_code == 200 and alpha.get(f"/media/{media_id}").status_code == 200


def test_the_openapi_document_declares_rename_and_remove(tmp_path: Path) -> None:
    app = create_app(ServerConfig(tmp_path, deploy=False))
    try:
        paths = app.openapi()["paths"]["/api/v1/media/{media_id}"]
    finally:
        app.state.ctx.engine.dispose()
    assert {"get", "patch", "delete"} <= set(paths)
    assert "409" in paths["delete"]["responses"] and "204" in paths["delete"]["responses"]
    name = paths["patch"]["requestBody"]["content"]["application/json"]["schema"]["properties"]["name"]
    assert name["maxLength"] == 255 and name["minLength"] == 1


def test_a_migrated_database_lists_the_users_its_revisions_already_had(tmp_path: Path) -> None:
    """Who uses a file is read from an index written with each revision; a database of the previous version
    gets that index filled from the revisions it already stores, so nothing it used becomes removable."""
    import json

    from pbxdesk.server import accounts, media_library
    from pbxdesk.server.database import open_engine, read_connection

    used, old, gone = "a" * 64, "b" * 64, "c" * 64
    prompt = {"type": "message", "next": None}

    def doc(number: str, audio: str) -> str:
        return json.dumps({"number": number, "scenarios": {"working": {**prompt, "prompt": {"audio": audio}}}})

    engine = engine_at_revision(tmp_path, "0003")
    cid, _token = accounts.create_company(engine, "Старая")
    with engine.begin() as conn:  # written with the 0003 shape: no index of the audio yet
        conn.exec_driver_sql("INSERT INTO numbers VALUES ('4950000001', ?, 'n', 2, ?, 'now')",
                             (cid, doc("4950000001", used)))
        for number, rev, audio in (("4950000001", 1, old), ("4950000001", 2, used), ("4950000002", 1, gone)):
            conn.exec_driver_sql("INSERT INTO revisions VALUES (?, ?, ?, ?, 'now', 'admin')",
                                 (number, rev, cid, doc(number, audio)))  # 4950000002: removed, history kept
        conn.exec_driver_sql("INSERT INTO revisions VALUES ('4950000003', 1, ?, '{\"name\": \"audio\"}', 'now', 'a')",
                             (cid,))  # the word in a text, no file
    engine.dispose()
    engine = open_engine(tmp_path)
    try:
        with read_connection(engine) as conn:
            found = {mid: (sorted(u.numbers), sorted(u.old_revisions))
                     for mid, u in media_library.usage(conn, cid).items()}
    finally:
        engine.dispose()
    assert found == {used: (["4950000001"], []), old: ([], [("4950000001", 1)]), gone: ([], [("4950000002", 1)])}
