"""A directory import that breaks routings: the admin command reports the affected numbers and nodes
(``--dry-run`` first, changing nothing), and the API gives each number's problems against the directory."""

from __future__ import annotations

import json
from typing import Any

from server_helpers import ServerProcess, Tenant

STAFF = {"employees": [{"id": "anna", "name": "Анна", "extension": "101", "email": "anna@example.ru"},
                       {"id": "boris", "name": "Борис", "extension": "102", "email": "boris@example.ru"},
                       {"id": "vera", "name": "Вера", "extension": "103", "email": "vera@example.ru"}],
         "departments": [{"id": "sales", "name": "Продажи", "members": ["anna", "boris"]}]}
# Boris leaves (out of the employees and of sales), Vera's extension is taken away.
AFTER = {"employees": [STAFF["employees"][0], {"id": "vera", "name": "Вера", "email": "vera@example.ru"}],
         "departments": [{"id": "sales", "name": "Продажи", "members": ["anna"]}]}


def forward_to(employee: str) -> dict[str, Any]:
    return {"type": "forward_employee", "employee": employee, "timeout_s": 20, "announcement": None,
            "next": {"type": "voicemail", "greeting": None, "recipients": [{"employee": employee}],
                     "external_email": None}}


def routed(tenant: Tenant, number: str, scenario: dict[str, Any]) -> None:
    doc = tenant.get(f"/numbers/{number}").json()
    doc["scenarios"]["working"]["next"] = scenario
    put = tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r1"'})
    assert put.status_code == 200, put.text


def import_directory(server: ServerProcess, tenant: Tenant, directory: dict[str, Any],
                     *flags: str) -> tuple[int, str, str]:
    path = server.data_dir / f"{tenant.numbers[0]}-after.json"
    path.write_text(json.dumps(directory, ensure_ascii=False), encoding="utf-8")
    return server.admin("import-directory", "--company", tenant.company, *flags, str(path))


def problem_counts(tenant: Tenant) -> dict[str, int]:
    return {item["number"]: item["problems"] for item in tenant.get("/numbers").json()["items"]}


def test_an_import_that_removes_a_member_flags_exactly_the_numbers_it_breaks(server: ServerProcess,
                                                                            monkeypatch: Any) -> None:
    monkeypatch.setenv("PBXDESK_LANG", "en")
    tenant = server.tenant(STAFF, numbers=3)
    untouched, to_boris, to_vera = tenant.numbers  # the first keeps the default: greeting, then sales
    routed(tenant, to_boris, forward_to("boris"))
    routed(tenant, to_vera, forward_to("vera"))
    assert problem_counts(tenant) == {untouched: 0, to_boris: 0, to_vera: 0}

    code, out, err = import_directory(server, tenant, AFTER, "--dry-run")
    assert code == 0, err
    assert "2 number(s) get new problems" in out and "Dry run: nothing was imported" in out
    assert untouched not in out
    assert f"{to_boris} " in out and f"{to_vera} " in out
    assert "ERROR /scenarios/working/next/employee employee.unknown: Unknown employee 'boris'" in out
    assert "ERROR /scenarios/working/next/next/recipients/0/employee employee.unknown" in out
    assert "WARNING /scenarios/working/next/employee employee.no_extension: The employee 'Вера' has no " \
           "extension" in out
    assert tenant.get("/directory").json() == STAFF  # nothing changed
    assert problem_counts(tenant) == {untouched: 0, to_boris: 0, to_vera: 0}

    monkeypatch.setenv("PBXDESK_LANG", "ru")
    code, out, err = import_directory(server, tenant, AFTER)
    assert code == 0, err
    assert "Маршрутизация 2 номер(ов) получит новые проблемы" in out
    assert "Неизвестный сотрудник «boris»" in out and "imported 2 employees" in out
    assert problem_counts(tenant) == {untouched: 0, to_boris: 2, to_vera: 1}
    assert tenant.get(f"/numbers/{to_boris}").headers["x-pbxdesk-problems"] == "2"
    assert tenant.get(f"/numbers/{untouched}").headers["x-pbxdesk-problems"] == "0"

    listed = tenant.get(f"/numbers/{to_boris}/problems").json()
    assert listed["number"] == to_boris and listed["revision"] == 2
    assert [(p["severity"], p["pointer"], p["code"]) for p in listed["items"]] == [
        ("error", "/scenarios/working/next/employee", "employee.unknown"),
        ("error", "/scenarios/working/next/next/recipients/0/employee", "employee.unknown")]
    assert listed["items"][0]["message"] == "Unknown employee 'boris'"
    russian = tenant.get(f"/numbers/{to_vera}/problems", headers={"Accept-Language": "ru"}).json()["items"]
    assert russian == [{"severity": "warning", "pointer": "/scenarios/working/next/employee",
                        "code": "employee.no_extension",
                        "message": "У сотрудника «Вера» нет внутреннего номера: звонок сразу идёт дальше"}]
    assert tenant.get(f"/numbers/{untouched}/problems").json()["items"] == []
    assert tenant.get("/numbers/4990000000/problems").status_code == 404

    code, out, _err = import_directory(server, tenant, AFTER)  # the same again: nothing new breaks
    assert code == 0 and "Ни у одного номера компании не появится новых проблем" in out
