#!/usr/bin/env bash
# Install what pbxdesk needs on a Debian machine (as root) and build the virtual environment in .venv.
# Safe to re-run: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3 python3-venv python3-dev gcc
  ffmpeg espeak-ng xvfb xauth poppler-utils fonts-dejavu-core
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxrender1 libxi6 libnss3
  libasound2 libasound2-dev alsa-utils libpulse0 pulseaudio pulseaudio-utils
  postgresql
  # several API instances behind a load balancer (tests/fleet, bench/fleet_bench.py)
  haproxy
  # the real-call tier (tests/telephony): sipp, libfaketime, iproute2 for the network namespace, the runtime
  # libraries of the relocatable Asterisk in ../shared/telephony/ and its English system prompts
  sip-tester faketime libfaketime iproute2
  libedit2 libjansson4 libxml2 libxslt1.1 libsqlite3-0 libssl3 libuuid1 libcurl4 libspandsp2 libsrtp2-1 libpq5
  asterisk-core-sounds-en-wav
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing Debian packages: ${missing[*]} (run as root or install them)" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.pbxdesk-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -c constraints.txt -e ".[dev]"
  touch "$stamp"
fi
# Russian UI translations: resources/i18n/*.ts -> .qm (the app also compiles a missing or stale one itself).
.venv/bin/python scripts/build_translations.py
