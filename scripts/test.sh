#!/usr/bin/env bash
# Run every check and the whole test suite: static checks, then pytest with real ffmpeg, espeak-ng,
# PostgreSQL and a PulseAudio null sink. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/test_services.sh
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
export PYTHONDONTWRITEBYTECODE=1

echo "== static checks"
.venv/bin/ruff check pbxdesk tests bench scripts
.venv/bin/mypy pbxdesk/domain
.venv/bin/lint-imports
.venv/bin/python -m pbxdesk.domain.schema --check docs/routing.schema.json
.venv/bin/python -m pbxdesk.domain.messages --check docs/validation.md
.venv/bin/python scripts/build_translations.py --check

echo "== tests"
set +e
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then echo "no tests collected" >&2; fi
exit "$rc"
