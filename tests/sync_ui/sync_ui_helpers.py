"""Helpers of the sync UI tests: main windows on fresh profiles logged in to a real server, waiting,
screenshots, edits through the editor's document session, and a second client driven through the CLI."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from sync_helpers import Company, Server

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def wait_until(predicate: Callable[[], Any], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        QCoreApplication.processEvents()
        time.sleep(0.005)


def screenshot(widget: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"sync_ui_{name}.png"
    QCoreApplication.processEvents()
    widget.grab().save(str(path))
    return path


def add_numbers(server: Server, company: Company, count: int) -> list[str]:
    """Provision ``count`` numbers in one go (the admin command's own storage call, one context)."""
    from pbxdesk.server import accounts, storage
    from pbxdesk.server.app import build_context
    from pbxdesk.server.context import ServerConfig

    ctx = build_context(ServerConfig(server.data_dir, None))
    try:
        cid = accounts.company_id(ctx.engine, company.name)
        made = []
        for i in range(count):
            number = f"48{len(company.numbers):04d}{i:04d}"
            storage.add_number(ctx.engine, cid, number)
            made.append(number)
        company.numbers += made
        return made
    finally:
        ctx.engine.dispose()


class Windows:
    def __init__(self, qtbot: Any, tmp_path: Path) -> None:
        self.qtbot, self.tmp_path = qtbot, tmp_path
        self.made: list[Any] = []

    def open(self, company: Company, name: str = "gui", token: str | None = None) -> Any:
        from pbxdesk.app.main_window import MainWindow
        from pbxdesk.desktop import i18n
        from pbxdesk.desktop.context import AppContext
        from pbxdesk.desktop.options import Settings
        from pbxdesk.store import Store

        i18n.set_language("ru")
        profile = self.tmp_path / name
        store = Store.open(profile)
        url = company.server.url
        store.set_profile(server_url=url, is_demo=False)
        context = AppContext(base_dir=profile, profile_dir=profile, store=store, settings=Settings(profile),
                             is_demo=False, server_url=url,
                             token=company.token if token is None else token)
        synced: list[Any] = []
        window = MainWindow(context=context)
        window.sync.finished.connect(lambda report, error: synced.append((report, error)))
        window.sync_ui.probe.timer.setInterval(150)
        window.synced = synced
        self.qtbot.addWidget(window)
        window.resize(1400, 860)
        window.show()
        self.made.append(window)
        return window

    def close(self) -> None:
        for window in self.made:
            for index in reversed(range(window.tabs.count())):
                window.tabs.widget(index).session.undo_stack.setClean()
                window.close_tab(index)
            window.close()
            window.context.close()



def wait_synced(window: Any, count: int = 1, timeout: float = 30.0) -> Any:
    """Wait for the ``count``-th finished sync of ``window``; its report (fails on a sync error)."""
    wait_until(lambda: len(window.synced) >= count and not window.sync.is_running(), timeout)
    report, error = window.synced[count - 1]
    assert report is not None, error
    window.worker.wait_idle()
    return report


def rename(qtbot: Any, editor: Any, text: str) -> None:
    """Type a new name of the number into the editor's name field, as the user does."""
    editor.name_edit.selectAll()
    qtbot.keyClicks(editor.name_edit, text)


def edit_in_editor(qtbot: Any, window: Any, number: str, changes: dict[str, Any], text: str = "test edit") -> Any:
    """Open ``number``, apply ``changes`` (JSON Pointer -> JSON value) as one undoable edit of its document
    session (what the editor's widgets do), press «Сохранить изменения» and wait for the save."""
    from pbxdesk.domain.document import from_dict, to_canonical_dict
    from pbxdesk.widgets.session import SetValuesCommand

    window.open_number(number)
    wait_until(lambda: number in window.editors)
    editor = window.editors[number]
    saved: list[str] = []
    editor.saved.connect(saved.append)
    data = to_canonical_dict(editor.session.document)
    for ptr, value in changes.items():
        parts = ptr.strip("/").split("/")
        target = data
        for part in parts[:-1]:
            target = target[part]
        target[parts[-1]] = value
    doc = from_dict(data)
    editor.session.push(SetValuesCommand(editor.session, {"/name": doc.name, "/schedule": doc.schedule,
                                                          "/scenarios": doc.scenarios}, text))
    editor.scenarios.validator.run()
    editor.scenarios.save_button.click()
    wait_until(lambda: saved, 10)
    window.worker.wait_idle()
    return editor


def department_forward(department: str = "sales") -> dict[str, Any]:
    return {"type": "forward_department", "department": department, "distribution": "all", "step_s": None,
            "timeout_s": 30, "announcement": None, "next": None}


def state_of(window: Any, number: str) -> str:
    return window.context.store.summary(number).sync_state


def cli(profile: Path, *args: str, stdin: str = "") -> tuple[int, str]:
    """Run ``pbxdesk ARGS --profile PROFILE`` in this process (the second client of the company)."""
    import contextlib
    import io

    from pbxdesk.cli import main

    out = io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = main([*args, "--profile", str(profile)])
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue()


def second_client_edit(tmp: Path, company: Company, number: str, change: Callable[[dict[str, Any]], None]) -> None:
    """Another administrator: ``pbxdesk login``, ``sync``, ``get``, edit the file, ``set``, ``sync``."""
    import json

    profile = tmp / "second-client"
    if not (profile / "pbxdesk.sqlite3").exists():
        code, out = cli(profile, "login", company.server.url, "--store-token-file", stdin=company.token + "\n")
        assert code == 0, out
    code, out = cli(profile, "sync")
    assert code == 0, out
    code, out = cli(profile, "get", number)
    assert code == 0, out
    data = json.loads(out)
    change(data)
    path = tmp / f"{number}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out = cli(profile, "set", number, str(path))
    assert code == 0, out
    code, out = cli(profile, "sync")
    assert code == 0, out
