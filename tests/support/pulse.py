"""A PulseAudio null sink of the test's own, in the server that scripts/test_services.sh starts.

The sound card is the one thing that cannot run here; a null sink recorded with ``parec`` stands in for it.
Each test gets its own 8 kHz mono sink, so parallel tests do not hear each other and PulseAudio does not
resample what Qt sends. Outside CI, a machine without that server skips these tests and says why; under
CI (``CI=true``, as ``.ci/run`` is run) a missing server is a failure, so a broken setup cannot pass silently.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator

import pytest

MISSING = "needs the PulseAudio server started by scripts/test_services.sh (PBXDESK_TEST_PULSE=1)"


def require_pulse() -> None:
    if os.environ.get("PBXDESK_TEST_PULSE") == "1":
        return
    if os.environ.get("CI") == "true":
        pytest.fail(MISSING)
    pytest.skip(MISSING)


@pytest.fixture
def pulse_sink() -> Iterator[str]:
    require_pulse()
    name = f"pbxdesk_test_{uuid.uuid4().hex[:8]}"
    module = subprocess.run(["pactl", "load-module", "module-null-sink", f"sink_name={name}", "rate=8000",
                             "channels=1", "format=s16le"], capture_output=True, text=True, check=True).stdout
    try:
        yield name
    finally:
        subprocess.run(["pactl", "unload-module", module.strip()], capture_output=True, check=False)
