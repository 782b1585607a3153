"""UI languages: Russian (default) and English.

Source strings are English (``tr()``); Russian lives in ``resources/i18n/*_ru.ts`` (one file per Qt package, and
``qt_gaps_ru.ts``: words of Qt's own dialogs that the Russian catalogs shipped with Qt lack; those catalogs,
``qtbase_ru`` and ``qtmultimedia_ru``, are loaded first, so that Qt's file dialog speaks Russian too),
compiled to ``.qm`` by ``scripts/build_translations.py`` at setup. If a ``.qm`` is missing or older than its
``.ts`` (a fresh checkout run without setup), it is compiled here on first use. Switching the language swaps
the translators; Qt then sends ``LanguageChange`` to every widget, which relabels itself. A window that
would rather not handle events in Python (the main window, to start faster) registers with
``on_language_changed`` instead and is called once the new translators are in place.
"""

from __future__ import annotations

import logging
import sys
import weakref
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("ru", "en")
QT_CATALOGS = ("qtbase", "qtmultimedia")  # shipped with Qt; what they lack is in resources/i18n/qt_gaps_ru.ts
DEFAULT_LANGUAGE = "ru"
I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
_current = "en"
_listeners: list[weakref.WeakMethod[Callable[[], None]]] = []


def on_language_changed(method: Callable[[], None]) -> None:
    """Call the bound ``method`` after every ``set_language`` (held weakly: it goes with its object)."""
    _listeners.append(weakref.WeakMethod(method))  # type: ignore[arg-type]


def lrelease_path() -> str:
    exe = Path(sys.executable).with_name("pyside6-lrelease")
    return str(exe) if exe.exists() else "pyside6-lrelease"


def compile_ts(ts: Path) -> Path:
    """The compiled ``.qm`` next to ``ts`` (compiled now when missing or older); OSError when that fails."""
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        import subprocess  # only when a translation must be compiled (not at an ordinary start)

        done = subprocess.run([lrelease_path(), "-silent", str(ts), "-qm", str(qm)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode:
            raise OSError(f"pyside6-lrelease failed: {done.stderr.decode(errors='replace').strip()}")
    return qm


def translation_files(lang: str) -> list[Path]:
    return sorted(I18N_DIR.glob(f"*_{lang}.ts"))


def current_language() -> str:
    return _current


def set_language(lang: str) -> str:
    """Install the translators of ``lang`` (``ru`` or ``en``) on the running application."""
    global _current
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for catalog in QT_CATALOGS:  # Qt's own words: its file dialog, message boxes, context menus
            qt = QTranslator(app)
            if qt.load(QLocale(lang), catalog, "_", qt_dir):
                app.installTranslator(qt)
                _installed.append(qt)
            else:
                log.warning("Qt's %s translation for %s is missing from %s", catalog, lang, qt_dir)
        for ts in translation_files(lang):
            try:
                qm = compile_ts(ts)
            except OSError as exc:
                log.warning("cannot compile %s: %s", ts, exc)
                continue
            translator = QTranslator(app)
            if translator.load(str(qm)):
                app.installTranslator(translator)
                _installed.append(translator)
            else:
                log.warning("cannot load %s", qm)
    QLocale.setDefault(QLocale(QLocale.Language.Russian if lang == "ru" else QLocale.Language.English))
    _current = lang
    for ref in list(_listeners):
        method = ref()
        if method is None or not shiboken6.isValid(method.__self__):  # gone, or its window was deleted
            _listeners.remove(ref)
        else:
            method()
    return lang
