#!/usr/bin/env bash
# Benchmark on a demo network (`rapport seed-demo --seed 1`): N contacts, M interactions
# over three years, R referral requests, I introductions and K connections (who knows
# whom), on SQLite and on PostgreSQL. Every endpoint is measured beside a
# trivial GET /healthz in the same run; report ratios, since absolute figures on a shared
# machine are noise.
#
#   tests/bench/run.sh [contacts=10000] [interactions=30000] [seconds=10] [requests=5000]
#                      [introductions=3000] [connections=50000]
#
# - throughput (wrk -t2 -c32): /healthz and GET /v1/contacts?limit=50;
# - median latency on one connection (wrk -t1 -c1): the agenda (yours, and the team's),
#   the overdue-contacts list, the contacts list, the interactions list, and the insights:
#   the funnel over three years (whole, and per relationship kind), top referrers and
#   unasked clients (yours, and the team's); warm paths to a contact and to a company, at
#   3 and 4 hops; referral-source diversity; suggested connections (the first page, and
#   one contact's).
#
# Needs wrk (Debian package `wrk`) and, for PostgreSQL, BENCH_PG_URL pointing at a server
# where a database may be created (default postgres://postgres@127.0.0.1:5432/postgres).
# BENCH_BACKENDS="sqlite" (or "postgres") measures one backend only.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONTACTS=${1:-10000}
INTERACTIONS=${2:-30000}
SECONDS_PER_RUN=${3:-10}
REQUESTS=${4:-5000}
INTRODUCTIONS=${5:-3000}
CONNECTIONS=${6:-50000}
PG_ADMIN_URL=${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo build --release --quiet
BIN=${CARGO_TARGET_DIR:-target}/release/rapport
WORK=$(mktemp -d)
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill $SERVER_PID 2>/dev/null; rm -rf "$WORK"' EXIT

rps() { awk '/Requests\/sec/ { print $2 }' "$1"; }
p50() { awk '$1 == "50%" { print $2 }' "$1"; }

ONE_CONNECTION=(
  "agenda:/v1/nurture/actions"
  "agenda-team:/v1/nurture/actions?member_id=all"
  "overdue:/v1/contacts?nurture_status=overdue&limit=50"
  "contacts:/v1/contacts?limit=50"
  "interactions:/v1/interactions?limit=50"
  "funnel:/v1/insights/funnel?from=$(date -u -d '3 years ago' +%F)"
  "funnel-by-kind:/v1/insights/funnel?from=$(date -u -d '3 years ago' +%F)&group_by=relationship_kind"
  "referrers:/v1/insights/referrers?from=$(date -u -d '3 years ago' +%F)"
  "unasked:/v1/insights/unasked"
  "unasked-team:/v1/insights/unasked?member_id=all"
)

bench() { # $1 backend, $2 DATABASE_URL
  local port=18765 login seeded
  seeded=$(DATABASE_URL="$2" RUST_LOG=warn "$BIN" seed-demo --contacts "$CONTACTS" --interactions "$INTERACTIONS" \
    --requests "$REQUESTS" --introductions "$INTRODUCTIONS" --connections "$CONNECTIONS" --seed 1)
  echo "$seeded" | head -1 | sed "s/^/$1: /"
  login=$(echo "$seeded" | grep -o '{"email".*}')
  # Measure the steady state: a table loaded seconds ago has no planner statistics and no
  # visibility map (so no index-only scans) until autovacuum has been through it.
  case "$2" in postgres*) psql -q "$2" -c "VACUUM ANALYZE" ;; esac
  # Limits high enough never to answer 429: this measures the work, not the limiter.
  DATABASE_URL="$2" RAPPORT_PORT=$port RUST_LOG=warn \
    RATE_LIMIT_AUTH_PER_MINUTE=1000000000 RATE_LIMIT_API_PER_MINUTE=1000000000 RATE_LIMIT_WORKSPACE_PER_MINUTE=1000000000 "$BIN" serve >"$WORK/$1.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
  local token
  token=$(curl -fs "http://127.0.0.1:$port/v1/auth/login" -H 'content-type: application/json' -d "$login" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
  local auth="Authorization: Bearer $token"
  # A prospect: the first in the list.
  local target
  target=$(curl -fs -H "$auth" "http://127.0.0.1:$port/v1/contacts?kind=prospect&limit=1" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["data"][0]["id"])')
  local paths=(
    "paths-contact-3:/v1/network/paths?to_contact_id=$target"
    "paths-contact-4:/v1/network/paths?to_contact_id=$target&max_hops=4"
    "paths-company-3:/v1/network/paths?to_company=Fabrikam%20Health"
    "paths-company-4:/v1/network/paths?to_company=Fabrikam%20Health&max_hops=4"
    "diversity:/v1/network/diversity"
    "suggestions:/v1/network/suggestions"
    "suggestions-contact:/v1/network/suggestions?contact_id=$target"
  )
  wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$port/healthz" >"$WORK/$1-healthz.txt"
  wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -H "$auth" "http://127.0.0.1:$port/v1/contacts?limit=50" >"$WORK/$1-contacts.txt"
  wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$port/healthz" >"$WORK/$1-healthz-1.txt"
  for entry in "${ONE_CONNECTION[@]}" "${paths[@]}"; do
    wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency -H "$auth" "http://127.0.0.1:$port${entry#*:}" >"$WORK/$1-${entry%%:*}-1.txt"
  done
  kill $SERVER_PID; wait $SERVER_PID 2>/dev/null || true; SERVER_PID=""
  local h c
  h=$(rps "$WORK/$1-healthz.txt"); c=$(rps "$WORK/$1-contacts.txt")
  printf '%-9s throughput: healthz %s rps, contacts %s rps, ratio %s\n' "$1" "$h" "$c" "$(python3 -c "print(f'{$c / $h:.3f}')")"
  printf '%-9s p50 at one connection: healthz %s' "$1" "$(p50 "$WORK/$1-healthz-1.txt")"
  for entry in "${ONE_CONNECTION[@]}" "${paths[@]}"; do
    printf ', %s %s' "${entry%%:*}" "$(p50 "$WORK/$1-${entry%%:*}-1.txt")"
  done
  echo
}

echo "demo network: $CONTACTS contacts, $INTERACTIONS interactions, $REQUESTS requests, $INTRODUCTIONS introductions, $CONNECTIONS connections; $SECONDS_PER_RUN s per run"
for backend in ${BENCH_BACKENDS:-sqlite postgres}; do
  case $backend in
    sqlite) bench sqlite "sqlite://$WORK/bench.db" ;;
    postgres)
      DB="rapport_bench_$$"
      psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE $DB"
      bench postgres "${PG_ADMIN_URL%/*}/$DB"
      psql -q "$PG_ADMIN_URL" -c "DROP DATABASE $DB WITH (FORCE)"
      ;;
  esac
done
