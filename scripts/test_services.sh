# Sourced by scripts/test.sh: start the services the tests talk to and export where they are.
# PostgreSQL 15 (installed by setup.sh, not running on a fresh machine): a throwaway database.
if command -v pg_ctlcluster >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  ver=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  if ! pg_lsclusters -h | grep -q "^$ver main"; then pg_createcluster "$ver" main >/dev/null; fi
  pg_ctlcluster "$ver" main start >/dev/null 2>&1 || true
  for _ in $(seq 1 30); do pg_isready -q && break; sleep 0.5; done
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='pbxdesk'\"" | grep -q 1 || \
    su postgres -c "psql -qc \"CREATE ROLE pbxdesk LOGIN SUPERUSER PASSWORD 'pbxdesk'\""
  export PBXDESK_TEST_PG_URL="postgresql+psycopg://pbxdesk:pbxdesk@127.0.0.1:5432/postgres"
fi
# PulseAudio with a null sink, so the Qt playback path can be recorded with parec.
if command -v pulseaudio >/dev/null 2>&1; then
  export PULSE_RUNTIME_PATH=${PULSE_RUNTIME_PATH:-/tmp/pbxdesk-pulse}
  mkdir -p "$PULSE_RUNTIME_PATH"
  if ! pactl info >/dev/null 2>&1; then
    pulseaudio --daemonize=yes --exit-idle-time=-1 --system=false --disallow-exit \
      -n --load="module-null-sink sink_name=pbxdesk_null" --load="module-native-protocol-unix" \
      >/dev/null 2>&1 || true
    for _ in $(seq 1 20); do pactl info >/dev/null 2>&1 && break; sleep 0.25; done
  fi
  pactl info >/dev/null 2>&1 && export PBXDESK_TEST_PULSE=1
fi
