#!/usr/bin/env bash
# Throughput benchmark: GET /v1/contacts?limit=50 on a workspace of N contacts, beside a
# trivial GET /healthz measured in the same run, on SQLite and on PostgreSQL. Report the
# ratio: absolute figures on a shared machine are noise, ratios less so.
#
#   tests/bench/run.sh [contacts=10000] [seconds=15] [interactions=0]
#
# With interactions, also measures the overdue-contacts list (nurture_status=overdue).
#
# Needs wrk (Debian package `wrk`) and, for PostgreSQL, BENCH_PG_URL pointing at a server
# where a database may be created (default postgres://postgres@127.0.0.1:5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/../.."
CONTACTS=${1:-10000}
SECONDS_PER_RUN=${2:-15}
INTERACTIONS=${3:-0}
PG_ADMIN_URL=${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo build --release --quiet
BIN=${CARGO_TARGET_DIR:-target}/release/rapport
WORK=$(mktemp -d)
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill $SERVER_PID 2>/dev/null; rm -rf "$WORK"' EXIT

rps() { awk '/Requests\/sec/ { print $2 }' "$1"; }
p50() { awk '$1 == "50%" { print $2 }' "$1"; }

bench() { # $1 backend, $2 DATABASE_URL
  local port=18765
  # Limits high enough never to answer 429: this measures the work, not the limiter.
  DATABASE_URL="$2" RAPPORT_PORT=$port RUST_LOG=warn \
    RATE_LIMIT_AUTH_PER_MINUTE=1000000000 RATE_LIMIT_API_PER_MINUTE=1000000000 "$BIN" serve >"$WORK/$1.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
  local token
  token=$(python3 tests/bench/seed_contacts.py 127.0.0.1 $port "$CONTACTS" "$INTERACTIONS")
  # Measure the steady state: a table loaded seconds ago has no planner statistics until
  # autovacuum analyzes it, and PostgreSQL then sorts the whole workspace per page.
  case "$2" in postgres*) psql -q "$2" -c ANALYZE ;; esac
  wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$port/healthz" >"$WORK/$1-healthz.txt"
  wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/v1/contacts?limit=50" >"$WORK/$1-contacts.txt"
  wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/v1/contacts?limit=50" >"$WORK/$1-contacts-1.txt"
  if [ "$INTERACTIONS" -gt 0 ]; then
    wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $token" \
      "http://127.0.0.1:$port/v1/contacts?nurture_status=overdue&limit=50" >"$WORK/$1-overdue-1.txt"
    wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $token" \
      "http://127.0.0.1:$port/v1/interactions?limit=50" >"$WORK/$1-interactions-1.txt"
  fi
  kill $SERVER_PID; wait $SERVER_PID 2>/dev/null || true; SERVER_PID=""
  local h c
  h=$(rps "$WORK/$1-healthz.txt"); c=$(rps "$WORK/$1-contacts.txt")
  printf '%-9s %12s %14s %8s %18s\n' "$1" "$h" "$c" "$(python3 -c "print(f'{$c / $h:.3f}')")" "$(p50 "$WORK/$1-contacts-1.txt")"
  if [ "$INTERACTIONS" -gt 0 ]; then
    printf '%-9s   p50 at one connection: contacts?nurture_status=overdue %s, interactions %s (%s interactions)\n' \
      "$1" "$(p50 "$WORK/$1-overdue-1.txt")" "$(p50 "$WORK/$1-interactions-1.txt")" "$INTERACTIONS"
  fi
}

echo "contacts: $CONTACTS, $SECONDS_PER_RUN s per run, wrk -t2 -c32 (and -c1 for the median latency)"
printf '%-9s %12s %14s %8s %18s\n' backend "healthz rps" "contacts rps" ratio "contacts p50 (c1)"
bench sqlite "sqlite://$WORK/bench.db"
DB="rapport_bench_$$"
psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE $DB"
bench postgres "${PG_ADMIN_URL%/*}/$DB"
psql -q "$PG_ADMIN_URL" -c "DROP DATABASE $DB WITH (FORCE)"
