"""Numbers leave through the normal deployment path: a removed number's dialplan disappears from every node
(the in-process agent, a running node agent, and one that was stopped and catches up from its cursor), the
feed carries ``deleted: true``, and a moved number is compiled with its new company's directory."""

from __future__ import annotations

import time
from pathlib import Path

import requests
from fleet_helpers import Reload, create_node, deployed_files, expected_dialplan, start_agent, wait_live
from server_helpers import API, ServerProcess

DIRECTORY = {
    "employees": [{"id": "e-101", "name": "Анна Петрова", "extension": "101", "email": "anna@example.ru"}],
    "departments": [{"id": "sales", "name": "Отдел продаж", "members": ["e-101"]}],
}
OTHER = {
    "employees": [{"id": "e-201", "name": "Вера Иванова", "extension": "201", "email": "vera@example.ru"}],
    "departments": [{"id": "sales", "name": "Продажи", "members": ["e-201"]}],
}


def wait_files(root: Path, predicate, timeout: float = 20.0) -> dict:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        files = deployed_files(root)
        if predicate(files):
            return files
        assert time.monotonic() < deadline, sorted(files)
        time.sleep(0.05)


def test_a_removed_number_leaves_every_node_and_a_moved_one_is_redeployed(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server").start()  # with its in-process agent: node "local"
    agents = []
    try:
        alpha, beta = server.tenant(DIRECTORY, numbers=3), server.tenant(OTHER, numbers=0)
        removed, moved, kept = alpha.numbers
        reload = Reload(tmp_path / "reload")
        reload.folder.mkdir()
        agents = [start_agent(server, "ast-1", tmp_path, reload=reload), start_agent(server, "ast-2", tmp_path)]
        wait_live(alpha, nodes=3)
        roots = [tmp_path / "ast-1", tmp_path / "ast-2", server.data_dir / "asterisk"]
        for root in roots:
            assert set(deployed_files(root)) == {removed, moved, kept}
        agents[1].stop()  # ast-2 misses the removal and the move
        reloads = reload.count()

        assert server.admin("remove-number", removed)[0] == 0
        code, _out, err = server.admin("move-number", moved, "--to", beta.company)
        assert code == 0, err
        for root in roots[:1] + roots[2:]:
            wait_files(root, lambda f: removed not in f and f.get(moved, (0,))[0] == 2)
        assert reload.count() > reloads  # the removal was reloaded, not only written

        agents[1].start()  # catches up from its cursor
        files = wait_files(roots[1], lambda f: removed not in f and f.get(moved, (0,))[0] == 2)
        for root in roots:
            files = deployed_files(root)
            assert removed not in files and set(files) == {moved, kept}
            assert files[moved][0:3:2] == expected_dialplan(beta, moved)  # compiled with beta's directory
            assert files[kept][0:3:2] == expected_dialplan(alpha, kept)
        assert "Вера" in files[moved][2] or "201" in files[moved][2]

        token = create_node(server, "reader")
        feed = requests.get(f"{server.url}{API}/fleet/feed?since=0&limit=1000",
                            headers={"Authorization": f"Bearer {token}"}, timeout=10).json()["entries"]
        gone = [e for e in feed if e["number"] == removed and e["deleted"]]
        assert len(gone) == 1 and not any(e["deleted"] for e in feed if e["number"] != removed)
        assert server.admin("remove-node", "reader")[0] == 0
    finally:
        for agent in agents:
            agent.stop()
        server.stop()
