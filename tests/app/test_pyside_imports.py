"""PySide6's check of each module imported after it, made on the file's bytes (pbxdesk/app/pyside_imports.py):
the same answer as PySide6's own check for modules that use PySide6, that do not, and that have no source."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import PySide6  # noqa: F401  (loads the check being replaced)

from pbxdesk.app.pyside_imports import check_sources_quickly


def test_modules_are_classified_as_pyside6_classifies_them(tmp_path: Path, monkeypatch) -> None:
    feature = sys.modules["shibokensupport.feature"]
    original = feature._mod_uses_pyside
    monkeypatch.setattr(feature, "_mod_uses_pyside", original)  # put back after the test
    assert check_sources_quickly() and check_sources_quickly()  # installed once, idempotent
    quick = feature._mod_uses_pyside
    assert quick is not original
    (tmp_path / "uses_qt_module.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    (tmp_path / "plain_module.py").write_text("# здесь нет Qt\nVALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name, uses in (("uses_qt_module", True), ("plain_module", False)):
        exec(f"import {name}")  # an import statement: PySide6 sees it through builtins.__import__
        module = sys.modules[name]
        assert quick(module) is uses and original(module) is uses
        assert feature.pyside_feature_dict[name] == (0 if uses else -1)  # what the import hook recorded
    for module in (sys, importlib.import_module("_json")):  # built in, or a compiled extension
        assert quick(module) is original(module) is False
