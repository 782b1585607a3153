#!/usr/bin/env bash
# Run the pbxdesk desktop app. With no display, start it on a virtual screen (Xvfb) and save a
# screenshot of the main window. Extra arguments go to `pbxdesk`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PYTHONUNBUFFERED=1
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  shot="${PBXDESK_SCREENSHOT:-$PWD/screenshot-main-window.png}"
  echo "pbxdesk: no display found; starting the app on a virtual screen (Xvfb)."
  echo "pbxdesk: a screenshot of the main window will be saved to $shot"
  export PBXDESK_SCREENSHOT="$shot"
  exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/pbxdesk "$@"
fi
exec .venv/bin/pbxdesk "$@"
