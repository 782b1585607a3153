"""Compile resources/i18n/*.ts to .qm; with --check, fail on any unfinished, empty or missing Russian entry.

Missing entries are found by running lupdate over the sources into a temporary file and comparing: a string
under tr() that no .ts file translates fails the check.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
QT_PACKAGES = ["widgets", "schedule_grid", "scenario_editor", "app", "test_call", "sync_ui", "audio", "desktop"]
BIN = Path(sys.executable).parent


def entries(ts: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) -> (translation text, type attribute) of every non-obsolete message."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            kind = tr.get("type", "") if tr is not None else "missing"
            if kind in ("obsolete", "vanished"):
                continue
            text = "".join(tr.itertext()) if tr is not None else ""
            out[(name, message.findtext("source") or "")] = (text, kind)
    return out


def check() -> int:
    problems: list[str] = []
    translated: dict[tuple[str, str], tuple[str, str]] = {}
    for ts in sorted(I18N.glob("*_ru.ts")):
        for key, (text, kind) in entries(ts).items():
            translated[key] = (text, kind)
            if kind == "unfinished" or not text.strip():
                problems.append(f"{ts.name}: unfinished Russian entry [{key[0]}] {key[1]!r}")
    sources = [str(p) for pkg in QT_PACKAGES for p in sorted((ROOT / "pbxdesk" / pkg).rglob("*.py"))]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "all_ru.ts"
        subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for key in entries(fresh):
            if key not in translated:
                problems.append(f"missing Russian entry [{key[0]}] {key[1]!r} (run pyside6-lupdate)")
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"{len(problems)} translation problems", file=sys.stderr)
    return 1 if problems else 0


def build() -> int:
    for ts in sorted(I18N.glob("*.ts")):
        subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(check() if "--check" in sys.argv[1:] else build())
