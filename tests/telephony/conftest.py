"""The real-call tier: a real Asterisk 22 and sipp in a loopback-only network namespace.

Runs wherever the relocatable Asterisk is found (``PBXDESK_ASTERISK`` or ``../shared/telephony/``, see
``tests/telephony/harness/install.py``). Without it, the tests here are deselected and the run says so in
one line at its end; with it, a missing tool (sipp, nsenter, libfaketime) or library is an error, never a
skip.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.telephony.harness.install import find_asterisk, library_problem, missing_tools

_FOUND: tuple[Path | None, str] | None = None


def _found() -> tuple[Path | None, str]:
    global _FOUND
    if _FOUND is None:
        _FOUND = find_asterisk()
    return _FOUND


def pytest_report_header(config: pytest.Config) -> str | None:
    root, _why = _found()
    return f"real-call tier: Asterisk {root}" if root else None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without an Asterisk the tier's tests are deselected (the run says why in one line)."""
    root, _why = _found()
    if root is not None:
        return
    here = Path(__file__).parent
    mine = [item for item in items if here in Path(str(item.fspath)).parents]
    if mine:
        config.hook.pytest_deselected(items=mine)
        items[:] = [item for item in items if item not in mine]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    root, why = _found()
    if root is None:
        terminalreporter.write_line(f"real-call tier skipped: {why}")


@pytest.fixture(scope="session")
def asterisk_root() -> Path:
    root, why = _found()
    if root is None:
        pytest.skip(f"real-call tier: {why}")
    tools = missing_tools()
    problem = library_problem(root)
    if tools or problem:
        pytest.fail(f"the real-call tier cannot run: missing {' '.join(tools)} {problem} (run scripts/setup.sh)")
    return root
