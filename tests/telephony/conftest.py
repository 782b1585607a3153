"""The real-call tier: a real Asterisk 22 and sipp in a loopback-only network namespace.

Runs wherever the relocatable Asterisk is found (``PBXDESK_ASTERISK`` or ``../shared/telephony/``, see
``tests/telephony/harness/install.py``). Without it, every test here is skipped and the run says so in one
line; with it, a missing tool (sipp, nsenter, libfaketime) or a library is an error, never a skip.
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
    root, why = _found()
    return f"real-call tier: Asterisk {root}" if root else f"real-call tier skipped: {why}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root, why = _found()
    if root is not None:
        return
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason=f"real-call tier: {why}")
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(skip)


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
