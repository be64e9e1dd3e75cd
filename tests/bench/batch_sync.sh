#!/usr/bin/env bash
# A CRM sync's first load and its next, unchanged run: N contacts upserted by external id
# in batches of 100 (`POST /v1/contacts/batch`), one request after another with an API
# key, on SQLite and on PostgreSQL; then the same again, which must change nothing (no
# contact newer by `updated_since`, nothing new in the change feed). Beside
# it, in the same run, as many sequential GET /healthz as there were batches: report the
# ratio as well as the seconds, since this machine is shared. Requests go one after
# another on one kept-alive connection, as a sync job's would.
#
#   tests/bench/batch_sync.sh [contacts=10000]
#
# BENCH_PG_URL: a PostgreSQL server where a database may be created (default
# postgres://postgres@127.0.0.1:5432/postgres); BENCH_BACKENDS="sqlite" (or "postgres")
# measures one backend only.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONTACTS=${1:-10000}
PG_ADMIN_URL=${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
cargo build --release --quiet
BIN=${CARGO_TARGET_DIR:-target}/release/rapport
WORK=$(mktemp -d)
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill $SERVER_PID 2>/dev/null; rm -rf "$WORK"' EXIT

# The batches: contact n is hubspot:n, with a name, an email, a company and a tag.
python3 - "$CONTACTS" "$WORK" <<'PY'
import json, sys
total, work = int(sys.argv[1]), sys.argv[2]
for start in range(0, total, 100):
    operations = [{
        "op": "upsert",
        "external_id": {"system": "hubspot", "id": str(n)},
        "contact": {"first_name": f"First{n}", "last_name": f"Last{n}",
                    "emails": [f"person{n}@example.com"], "company": f"Company {n % 500}",
                    "tags": ["imported"]},
    } for n in range(start, min(start + 100, total))]
    with open(f"{work}/batch-{start // 100:05}.json", "w") as f:
        json.dump({"operations": operations}, f)
PY
BATCHES=$(ls "$WORK"/batch-*.json | wc -l)

# Sends the batches one after another on one kept-alive connection (as a sync job would),
# checks that every operation succeeded, and prints the seconds it took; with `health`,
# sends as many GET /healthz instead.
send() { # $1 port, $2 key or "health"
  python3 - "$1" "$2" "$WORK" <<'PY'
import glob, http.client, json, sys, time
port, key, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]
files = sorted(glob.glob(f"{work}/batch-*.json"))
bodies = [open(f, "rb").read() for f in files]
conn = http.client.HTTPConnection("127.0.0.1", port)
start = time.perf_counter()
answers = []
for body in bodies:
    if key == "health":
        conn.request("GET", "/healthz")
    else:
        conn.request("POST", "/v1/contacts/batch", body,
                     {"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    response = conn.getresponse()
    answers.append((response.status, response.read()))
elapsed = time.perf_counter() - start
for status, answer in answers:
    assert status == 200, (status, answer[:300])
    if key != "health":
        failed = [r for r in json.loads(answer)["results"] if r["status"] >= 300]
        assert not failed, failed[:3]
print(f"{elapsed:.3f}")
PY
}

bench() { # $1 backend, $2 DATABASE_URL
  local port=18766 base key since
  base="http://127.0.0.1:$port"
  DATABASE_URL="$2" RAPPORT_PORT=$port RUST_LOG=warn RATE_LIMIT_AUTH_PER_MINUTE=1000000 \
    RATE_LIMIT_API_PER_MINUTE=1000000 RATE_LIMIT_WORKSPACE_PER_MINUTE=1000000 "$BIN" serve >"$WORK/$1.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 50); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.2; done
  local token
  token=$(curl -fs "$base/v1/auth/register" -H 'content-type: application/json' \
    -d '{"email": "sync@example.com", "password": "correct horse battery staple", "name": "Sync", "workspace_name": "Bench"}' |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
  key=$(curl -fs "$base/v1/api-keys" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
    -d '{"name": "bench", "scopes": ["read", "write"]}' | python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])')
  local health first second since
  health=$(send $port health)
  first=$(send $port "$key")
  since=$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ | sed 's/:/%3A/g')
  feed=$(curl -fs -H "Authorization: Bearer $key" "$base/v1/changes" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["next_token"])')
  second=$(send $port "$key")
  local listed changed
  listed=$(curl -fs -H "Authorization: Bearer $key" "$base/v1/contacts?limit=1&external_id=hubspot:$((CONTACTS - 1))" |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["data"]))')
  changed=$(curl -fs -H "Authorization: Bearer $key" "$base/v1/contacts?limit=200&updated_since=$since" |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["data"]))')
  local in_feed
  in_feed=$(curl -fs -H "Authorization: Bearer $key" "$base/v1/changes?since=$feed" |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["data"]))')
  python3 -c "
first, second, health = $first, $second, $health
print(f'$1: {$CONTACTS} contacts in {$BATCHES} batches: first run {first:.2f} s ({$CONTACTS / first:.0f} contacts/s), '
      f'unchanged second run {second:.2f} s ({second / first:.2f} of the first); '
      f'{$BATCHES} GET /healthz {health:.2f} s (first run = {first / health:.0f}x, second = {second / health:.0f}x); '
      f'last contact found by external id: {$listed}; changed by the second run: $changed, in the feed: $in_feed')"
  kill $SERVER_PID; wait $SERVER_PID 2>/dev/null || true; SERVER_PID=""
}

for backend in ${BENCH_BACKENDS:-sqlite postgres}; do
  case $backend in
    sqlite) bench sqlite "sqlite://$WORK/bench.db" ;;
    postgres)
      db="rapport_batch_$$"
      psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE $db"
      bench postgres "${PG_ADMIN_URL%/*}/$db"
      psql -q "$PG_ADMIN_URL" -c "DROP DATABASE $db" ;;
  esac
done
