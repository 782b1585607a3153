"""The process environment the app sets before Qt and numpy load (pbxdesk/app/process_env.py), and what it
is for: opening a number stays quick (numpy and scipy are not loaded until sound is processed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pbxdesk.app.process_env import prepare_environment

VARIABLES = ("QT_NO_GUI_THREADPOOL", "OPENBLAS_NUM_THREADS", "PBXDESK_GUI_THREADPOOL")


def test_defaults_are_set_and_a_users_own_values_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    prepare_environment()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "1" and os.environ["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    monkeypatch.delenv("QT_NO_GUI_THREADPOOL")
    monkeypatch.setenv("PBXDESK_GUI_THREADPOOL", "1")  # the way to keep Qt's paint thread pool
    prepare_environment()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4" and "QT_NO_GUI_THREADPOOL" not in os.environ


SCENARIO_EDITOR = """
import sys
from PySide6.QtWidgets import QApplication
from pbxdesk.domain.document import load_directory, load_path
from pbxdesk.scenario_editor import ScenarioEditor
from pbxdesk.widgets.session import DocumentSession
app = QApplication([])
doc = load_path(sys.argv[1]).document
editor = ScenarioEditor(DocumentSession(doc, load_directory(open(sys.argv[2], "rb").read())))
editor.show()
app.processEvents()
editor.tree.setCurrentIndex(editor.model.index(0, 0))  # an interval, then the first action below it
editor.tree.setCurrentIndex(editor.model.index(0, 0, editor.model.index(0, 0)))
app.processEvents()
print("rows", editor.model.rowCount(), "scipy" in sys.modules, "numpy" in sys.modules)
"""


def test_opening_a_scenario_does_not_load_numpy_or_scipy(spec_example_path: Path, directory_path: Path) -> None:
    """Importing scipy.signal takes about 0.6 s here and numpy 0.1 s; both used to be loaded the first time a
    number was opened (numpy by the media library, the speech engine and the player). Now they are loaded
    when sound is processed, on a worker thread (the audio tests convert and measure sound)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SCENARIO_EDITOR, str(spec_example_path), str(directory_path)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split()[-4:] == ["rows", "3", "False", "False"], done.stdout


FIRST_SCREEN = """
import sys
from PySide6.QtWidgets import QApplication
import pbxdesk.app.main_window, pbxdesk.app.quick_start, pbxdesk.sync_ui, pbxdesk.desktop.sync_worker
import pbxdesk.desktop.context, pbxdesk.desktop.store_worker, pbxdesk.desktop.media_fetch
from pbxdesk.app.startup import open_profile
from pbxdesk.store.quick_read import QuickReader, quick_start
quick = quick_start(sys.argv[1])
context = open_profile(sys.argv[1], store_later=True)
import pbxdesk.app.attach_imports  # what the profile loader imports before the window attaches the profile
reader = QuickReader.open(context.profile_dir)
number = reader.list_numbers()[0].number
reader.get_saved(number), reader.load_draft(number), reader.get_directory(), reader.saved_texts()
heavy = ("sqlalchemy", "alembic", "requests", "urllib3", "keyring", "pbxdesk.store.store", "pbxdesk.sync.client",
         "pbxdesk.sync.engine")
print("loaded:", sorted(name for name in heavy if name in sys.modules), quick is not None, context.store)
"""


def test_the_first_screen_loads_neither_the_store_nor_requests_nor_the_keyring(tmp_path: Path,
                                                                               spec_example) -> None:
    """What the app needs until its first screen is usable (the window, the profile opened behind it, the
    editors, the sync's wiring, the list and the first number read with sqlite3) imports no SQLAlchemy
    (about 0.3 s), no requests (0.2 s) and no keyring (0.3 s): they load after it, on other threads."""
    from pbxdesk.store import Store

    profile = tmp_path / "profile"
    with Store.open(profile) as store:
        store.set_profile(server_url="http://127.0.0.1:9", company="Тест", is_demo=False)
        store.apply_server_document(spec_example.number, spec_example, 1)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PBXDESK_TOKEN="")
    done = subprocess.run([sys.executable, "-c", FIRST_SCREEN, str(profile)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1] == "loaded: [] True None", done.stdout
