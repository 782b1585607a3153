"""Numbers leave: ``admin remove-number`` and ``admin move-number`` against a real server process (SQLite and
PostgreSQL): 410 for a number the company no longer has, its history kept, the change feed's ``deleted``,
the routing and its audio going with a moved number, and clear refusals."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from server_helpers import ServerProcess, engine_at_revision, unique_number

DIRECTORY = {
    "employees": [{"id": "e-101", "name": "Анна Петрова", "extension": "101", "email": "anna@example.ru"}],
    "departments": [{"id": "sales", "name": "Отдел продаж", "members": ["e-101"]}],
}


@pytest.fixture(scope="module")
def tone(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("tone") / "tone.wav"
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "sine=frequency=440:duration=1:sample_rate=8000", str(out)], check=True, timeout=60)
    return out.read_bytes()


def _number_changes(tenant, number: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return [c for c in tenant.get("/changes?limit=1000").json()["changes"] if c["kind"] == "number" and c["id"] == number]


def test_a_removed_number_answers_410_and_keeps_its_history(server: ServerProcess) -> None:
    tenant = server.tenant(numbers=2)
    number, other = tenant.numbers
    doc = tenant.get(f"/numbers/{number}").json()
    doc["name"] = "Отдел, который закрылся"
    assert tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r1"'}).status_code == 200

    code, out, err = server.admin("remove-number", number)
    assert code == 0, err
    assert f"removed {number}" in out and "history" in out

    gone = tenant.get(f"/numbers/{number}")
    assert gone.status_code == 410, gone.text
    assert gone.headers["content-type"].startswith("application/problem+json")
    problem = gone.json()
    assert problem["type"].endswith("/number-withdrawn") and problem["reason"] == "removed"
    assert problem["revision"] == 2
    assert "номер" in tenant.get(f"/numbers/{number}", headers={"Accept-Language": "ru"}).json()["detail"]
    assert tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r2"'}).status_code == 410
    assert tenant.get(f"/numbers/{number}/deploy").status_code == 410
    assert [i["number"] for i in tenant.get("/numbers").json()["items"]] == [other]
    history = tenant.get(f"/numbers/{number}/revisions").json()["items"]
    assert [i["revision"] for i in history] == [2, 1]
    assert tenant.get(f"/numbers/{number}/revisions/2").json()["name"] == "Отдел, который закрылся"
    assert _number_changes(tenant, number)[-1]["deleted"] is True
    assert tenant.get(f"/numbers/{other}").status_code == 200  # the other number is untouched
    never = unique_number()
    assert tenant.get(f"/numbers/{never}").status_code == 404  # never the company's: still 404

    # added again later: its history goes on (revision 3), and it is no longer withdrawn
    code, out, err = server.admin("add-number", "--company", tenant.company, number)
    assert code == 0 and "revision 3" in out, err
    again = tenant.get(f"/numbers/{number}")
    assert again.status_code == 200 and again.headers["ETag"] == '"r3"'


def test_remove_number_refuses_bad_input(server: ServerProcess, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _out, err = server.admin("remove-number", unique_number())
    assert code == 1 and "is not provisioned" in err
    code, _out, err = server.admin("remove-number", "12ab")
    assert code == 1 and "pbxdesk admin:" in err
    monkeypatch.setenv("PBXDESK_LANG", "ru")
    code, _out, err = server.admin("remove-number", unique_number())
    assert code == 1 and "не подключён" in err


def test_a_moved_number_takes_its_routing_and_audio_along(server: ServerProcess, tone: bytes) -> None:
    alpha, beta = server.tenant(DIRECTORY), server.tenant(DIRECTORY, numbers=0)
    number = alpha.numbers[0]
    media_id = alpha.post("/media", files={"file": ("Приветствие.wav", tone)}).json()["id"]
    doc = alpha.get(f"/numbers/{number}").json()
    doc["scenarios"]["working"]["prompt"] = {"audio": media_id}
    assert alpha.put(f"/numbers/{number}", doc, headers={"If-Match": '"r1"'}).status_code == 200
    assert beta.get(f"/media/{media_id}").status_code == 404

    code, out, err = server.admin("move-number", number, "--to", beta.company)
    assert code == 0, err
    assert f"moved {number}" in out and "1 audio file(s)" in out

    moved = beta.get(f"/numbers/{number}")
    assert moved.status_code == 200 and moved.headers["ETag"] == '"r3"'
    assert moved.json()["scenarios"] == doc["scenarios"]
    assert beta.get(f"/media/{media_id}").status_code == 200  # the greeting plays for the new company
    assert [i["name"] for i in beta.get("/media").json()["items"]] == ["Приветствие.wav"]
    assert [i["number"] for i in beta.get("/numbers").json()["items"]] == [number]
    assert _number_changes(beta, number)[-1] == {**_number_changes(beta, number)[-1], "revision": 3,
                                                  "deleted": False}
    assert [i["revision"] for i in beta.get(f"/numbers/{number}/revisions").json()["items"]] == [3]

    left = alpha.get(f"/numbers/{number}")
    assert left.status_code == 410 and left.json()["reason"] == "moved"
    assert _number_changes(alpha, number)[-1]["deleted"] is True
    assert [i["revision"] for i in alpha.get(f"/numbers/{number}/revisions").json()["items"]] == [2, 1]

    # back to alpha with alpha's default routing: alpha has it again, beta sees it withdrawn
    code, out, err = server.admin("move-number", number, "--to", alpha.company, "--default-routing")
    assert code == 0, err
    assert "the default routing" in out
    back = alpha.get(f"/numbers/{number}")
    assert back.status_code == 200 and back.headers["ETag"] == '"r4"'
    assert back.json()["scenarios"]["working"]["type"] == "message"
    assert "audio" not in back.json()["scenarios"]["working"]["prompt"]
    assert beta.get(f"/numbers/{number}").status_code == 410


def test_move_number_refuses_what_the_new_company_cannot_use(server: ServerProcess,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    alpha, empty = server.tenant(DIRECTORY), server.tenant(numbers=0)
    number = alpha.numbers[0]  # the default routing forwards to the department "sales"
    code, _out, err = server.admin("move-number", number, "--to", empty.company)
    assert code == 1
    assert "sales" in err and "nothing was moved" in err and "--default-routing" in err
    assert alpha.get(f"/numbers/{number}").status_code == 200 and empty.get(f"/numbers/{number}").status_code == 404

    code, _out, err = server.admin("move-number", number, "--to", alpha.company)
    assert code == 1 and "already belongs" in err
    code, _out, err = server.admin("move-number", number, "--to", "Нет такой компании")
    assert code == 1 and "no company named" in err
    code, _out, err = server.admin("move-number", unique_number(), "--to", empty.company)
    assert code == 1 and "is not provisioned" in err
    code, _out, err = server.admin("move-number", number)
    assert code == 2 and "--to" in err
    monkeypatch.setenv("PBXDESK_LANG", "ru")
    code, _out, err = server.admin("move-number", number, "--to", empty.company)
    assert code == 1 and "ничего не перенесено" in err

    code, out, err = server.admin("move-number", number, "--to", empty.company, "--default-routing")
    assert code == 0, err
    assert "передан" in out
    assert empty.get(f"/numbers/{number}").json()["scenarios"]["working"].get("next") is None


def test_history_outlives_numbers_in_a_migrated_database(tmp_path: Path) -> None:
    """A database made by the previous migration head keeps its revisions through the upgrade and can remove."""
    from pbxdesk.server import accounts, storage
    from pbxdesk.server.database import open_engine
    from pbxdesk.server.number_moves import remove_number

    engine = engine_at_revision(tmp_path, "0002")
    cid, _token = accounts.create_company(engine, "Старая")
    # written with the 0002 shape (no deleted column in the feed yet)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO numbers VALUES ('4950000001', ?, 'n', 1, '{}', 'now')", (cid,))
        conn.exec_driver_sql("INSERT INTO revisions VALUES ('4950000001', 1, ?, '{}', 'now', 'admin')", (cid,))
    engine.dispose()
    engine = open_engine(tmp_path)
    try:
        remove_number(engine, "4950000001")
        with engine.connect() as conn:
            assert [r["revision"] for r in storage.list_revisions(conn, cid, "4950000001")] == [1]
    finally:
        engine.dispose()
