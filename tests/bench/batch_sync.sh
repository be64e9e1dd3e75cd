#!/usr/bin/env bash
# A CRM sync's first load and its next, unchanged run: N contacts upserted by external id
# in batches of 100 (`POST /v1/contacts/batch`), one request after another with an API
# key, on SQLite and on PostgreSQL; then the same again, which must change nothing. Beside
# it, in the same run, as many sequential GET /healthz as there were batches: report the
# ratio as well as the seconds, since this machine is shared.
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

seconds() { # runs its arguments, prints the seconds they took
  local start end
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}

post_all() { # $1 base URL, $2 key; fails on any answer but 200 with every result 2xx
  for file in "$WORK"/batch-*.json; do
    curl -fs -H "Authorization: Bearer $2" -H 'content-type: application/json' \
      --data-binary @"$file" "$1/v1/contacts/batch" >"$WORK/answer.json"
    python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["results"]; sys.exit(any(x["status"] >= 300 for x in r))' "$WORK/answer.json"
  done
}

health_all() { for _ in $(seq 1 "$BATCHES"); do curl -fs "$1/healthz" >/dev/null; done; }

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
  local health first second
  health=$(seconds health_all "$base")
  first=$(seconds post_all "$base" "$key")
  since=$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ | sed 's/:/%3A/g')
  second=$(seconds post_all "$base" "$key")
  local listed changed
  listed=$(curl -fs -H "Authorization: Bearer $key" "$base/v1/contacts?limit=1&external_id=hubspot:$((CONTACTS - 1))" |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["data"]))')
  changed=$(curl -fs -H "Authorization: Bearer $key" "$base/v1/contacts?limit=200&updated_since=$since" |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["data"]))')
  python3 -c "
first, second, health = $first, $second, $health
print(f'$1: {$CONTACTS} contacts in {$BATCHES} batches: first run {first:.2f} s ({$CONTACTS / first:.0f} contacts/s), '
      f'unchanged second run {second:.2f} s ({second / first:.2f} of the first); '
      f'{$BATCHES} GET /healthz {health:.2f} s (first run = {first / health:.0f}x, second = {second / health:.0f}x); '
      f'last contact found by external id: {$listed}; changed by the second run: $changed')"
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
