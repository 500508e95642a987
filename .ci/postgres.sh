#!/usr/bin/env bash
# PostgreSQL for the review-store tests.
#
# The tests (tests/pg.py) start their own throwaway cluster in a temporary folder with initdb and
# pg_ctl, listening only on a Unix socket there, and remove it at the end; they need only the
# server binaries. This script installs them (Debian's `postgresql` package) when missing and
# then starts and stops one throwaway cluster the same way, so a broken setup fails here with a
# clear message instead of as skipped or failing tests. In CI (CI=true) the PostgreSQL variants
# of the store tests fail rather than skip when no server can be started.
set -euo pipefail

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

bin="$(find_bin || true)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "postgres.sh: installing PostgreSQL (apt-get install postgresql)"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq postgresql >/dev/null
  bin="$(find_bin || true)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres.sh: PostgreSQL installed but initdb not found under /usr/lib/postgresql/*/bin" >&2
    exit 1
  fi
fi

# Smoke test: one throwaway cluster, as tests/pg.py runs it (as user postgres when root).
tmp="$(mktemp -d -t transqa-pg-ci-XXXXXX)"
run() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "postgres.sh: running as root but there is no 'postgres' user to run the server" >&2
    exit 1
  fi
  chown postgres: "$tmp"
  run() { runuser -u postgres -- "$@"; }
fi
cleanup() {
  run "$bin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
run "$bin/initdb" -D "$tmp/data" -U postgres -A trust --no-sync -E UTF8 --locale=C >/dev/null
run "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
  -o "-k $tmp -c listen_addresses='' -c fsync=off" start >/dev/null
run "$bin/psql" -h "$tmp" -U postgres -d postgres -Atqc "SELECT 'postgres.sh: ' || version()"
