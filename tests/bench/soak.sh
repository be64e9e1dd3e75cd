#!/usr/bin/env bash
# Soak: mixed reads and writes against one server for a while, reporting once a minute the
# server's memory (RSS and its anonymous part, from /proc) and the minute's latency and
# throughput. A leak, an unbounded cache or allocator fragmentation shows as memory that
# keeps climbing; a plan that decays as tables grow shows as latency that drifts, and the
# idle probe after each minute names the request that drifts. RSS counts the SQLite file's
# memory map too (page cache, shared and reclaimable); anonymous memory is the process's own.
#
#   tests/bench/soak.sh [backend=sqlite|postgres] [minutes=30] [clients=8]
#
# The load (wrk, one Lua script, 2 threads), over 200 of the workspace's contacts: per 10
# requests, 3 contact lists, 2 agendas, 1 contact, 1 contact's timeline, 2 logged
# interactions and 1 contact edited. The workspace starts as a seeded demo of 2,000
# contacts and 10,000 interactions; its interactions (and the change feed) grow as it runs,
# as they do in use, while its contacts stay as many, so what a minute costs more than the
# one before is drift, not a bigger agenda.
# After the load, 60 s idle, then the memory again (is it given back?).
#
# Environment: SOAK_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres), and any
# RAPPORT_*/MALLOC_* variable is passed to the server (to compare settings, e.g.
# MALLOC_ARENA_MAX=2). Not run in CI: it takes as long as it is told to.
set -euo pipefail
cd "$(dirname "$0")/../.."
BACKEND=${1:-sqlite}
MINUTES=${2:-30}
CLIENTS=${3:-8}
PG_ADMIN_URL=${SOAK_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo build --release --quiet
BIN=${CARGO_TARGET_DIR:-target}/release/rapport
WORK=$(mktemp -d)
SERVER_PID=""
DB_NAME=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  [ -n "$DB_NAME" ] && psql -q "$PG_ADMIN_URL" -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

case "$BACKEND" in
  sqlite) URL="sqlite://$WORK/soak.db" ;;
  postgres)
    DB_NAME="rapport_soak_$$"
    psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE $DB_NAME"
    URL="${PG_ADMIN_URL%/*}/$DB_NAME"
    ;;
  *) echo "backend: sqlite or postgres" >&2; exit 2 ;;
esac

seeded=$(DATABASE_URL="$URL" RUST_LOG=warn "$BIN" seed-demo --contacts 2000 --interactions 10000 --seed 1)
login=$(echo "$seeded" | grep -o '{"email".*}')
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DATABASE_URL="$URL" RAPPORT_PORT=$port RUST_LOG=warn RAPPORT_WEBHOOK_WORKER=false \
  RATE_LIMIT_AUTH_PER_MINUTE=1000000000 RATE_LIMIT_API_PER_MINUTE=1000000000 RATE_LIMIT_WORKSPACE_PER_MINUTE=1000000000 "$BIN" serve >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"
session=$(curl -fs "$base/v1/auth/login" -H 'content-type: application/json' -d "$login" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
# An API key, as a CRM's sync would use: it outlives the 15-minute access token.
token=$(curl -fs "$base/v1/api-keys" -H "Authorization: Bearer $session" -H 'content-type: application/json' \
  -d '{"name": "soak", "scopes": ["read", "write"]}' | python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])')
contacts=$(curl -fs -H "Authorization: Bearer $token" "$base/v1/contacts?limit=200" |
  python3 -c 'import json, sys; print(",".join(chr(34) + c["id"] + chr(34) for c in json.load(sys.stdin)["data"]))')
contact=$(echo "$contacts" | cut -d, -f1 | tr -d '"')

cat >"$WORK/mix.lua" <<LUA
local token, contacts = "$token", { $contacts }
local n = 0
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local slot = n % 10
  local contact = contacts[(n * 7919) % #contacts + 1]
  if slot <= 2 then return wrk.format("GET", "/v1/contacts?limit=50")
  elseif slot <= 4 then return wrk.format("GET", "/v1/nurture/actions")
  elseif slot == 5 then return wrk.format("GET", "/v1/contacts/" .. contact)
  elseif slot == 6 then return wrk.format("GET", "/v1/contacts/" .. contact .. "/interactions?limit=50")
  elseif slot <= 8 then
    return wrk.format("POST", "/v1/interactions", nil, string.format(
      '{"contact_ids":["%s"],"occurred_at":"%s","channel":"phone","kind":"catch_up","summary":"soak %d"}',
      contact, os.date("!%Y-%m-%dT%H:%M:%SZ"), n))
  else
    return wrk.format("PATCH", "/v1/contacts/" .. contact, nil, string.format('{"title":"Soak %d"}', n))
  end
end
LUA

# Median of 5 timed requests (ms) to each kind the mix sends, on an otherwise idle server:
# which one drifts.
probe() {
  local auth="Authorization: Bearer $token" out=""
  local now; now=$(date -u +%FT%TZ)
  for kind in contacts agenda contact timeline interaction edit; do
    local times=()
    for _ in 1 2 3 4 5; do
      case $kind in
        contacts) t=$(curl -s -o /dev/null -w '%{time_total}' -H "$auth" "$base/v1/contacts?limit=50") ;;
        agenda) t=$(curl -s -o /dev/null -w '%{time_total}' -H "$auth" "$base/v1/nurture/actions") ;;
        contact) t=$(curl -s -o /dev/null -w '%{time_total}' -H "$auth" "$base/v1/contacts/$contact") ;;
        timeline) t=$(curl -s -o /dev/null -w '%{time_total}' -H "$auth" "$base/v1/contacts/$contact/interactions?limit=50") ;;
        interaction) t=$(curl -s -o /dev/null -w '%{time_total}' -H "$auth" -H 'content-type: application/json' \
          -d "{\"contact_ids\":[\"$contact\"],\"occurred_at\":\"$now\",\"channel\":\"phone\",\"kind\":\"catch_up\"}" "$base/v1/interactions") ;;
        edit) t=$(curl -s -o /dev/null -w '%{time_total}' -X PATCH -H "$auth" -H 'content-type: application/json' \
          -d '{"title":"Probe"}' "$base/v1/contacts/$contact") ;;
      esac
      times+=("$t")
    done
    out+=" $kind=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{ printf "%.1f", $1 * 1000 }')"
  done
  echo "  idle medians (ms):$out"
}

memory() { # RSS and anonymous RSS of the server, in MB
  awk '/^VmRSS/ { rss = $2 } /^RssAnon/ { anon = $2 } END { printf "%d %d", rss / 1024, anon / 1024 }' "/proc/$SERVER_PID/status"
}
read -r rss anon <<<"$(memory)"
echo "backend=$BACKEND clients=$CLIENTS minutes=$MINUTES ${MALLOC_ARENA_MAX:+MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX}"
printf '%-7s %8s %8s %9s %8s %8s %8s\n' minute rss_mb anon_mb req_per_s p50 p99 non2xx
printf '%-7s %8s %8s %9s %8s %8s %8s\n' start "$rss" "$anon" - - - -
for minute in $(seq 1 "$MINUTES"); do
  wrk -t2 -c"$CLIENTS" -d60s --latency -s "$WORK/mix.lua" "$base" >"$WORK/wrk.txt" 2>&1
  read -r rss anon <<<"$(memory)"
  rps=$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$WORK/wrk.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$WORK/wrk.txt")
  bad=$(awk '/Non-2xx/ { print $NF }' "$WORK/wrk.txt")
  printf '%-7s %8s %8s %9s %8s %8s %8s\n' "$minute" "$rss" "$anon" "$rps" "$p50" "$p99" "${bad:-0}"
  probe
done
sleep 60
read -r rss anon <<<"$(memory)"
printf '%-7s %8s %8s\n' idle "$rss" "$anon"
if grep -q ' ERROR ' "$WORK/server.log"; then
  echo "server errors:"; grep ' ERROR ' "$WORK/server.log" | head -5
fi
